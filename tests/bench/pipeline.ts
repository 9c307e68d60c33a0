/**
 * The measured per-trace pipeline: OTLP/JSON text (whole, or in pieces as a stream gives it) →
 * parse → tree, self time, critical path → service and operation breakdowns. Shared by the
 * benchmark and its heap-measuring child.
 */
import { analyzeTrace, breakdown, otlpJsonPieces, ParsedTrace, parseOtlpTrace, TraceAnalysis } from '../../src/engine';

/** Runs the pipeline; `sample` (if given) is called between stages, e.g. to read the heap. */
export function pipeline(json: string, sample: () => void = () => undefined): TraceAnalysis {
  return analyse(parseOtlpTrace(json), sample);
}

/**
 * The pipeline on the text in pieces (as a stream is decoded), read by the reader in pieces;
 * `expectedChars` as the worker passes it when the body's length is known.
 */
export function piecesPipeline(pieces: string[], expectedChars: number): TraceAnalysis {
  const reader = otlpJsonPieces(expectedChars);
  for (const piece of pieces) {
    reader.push(piece);
  }
  return analyse(reader.end());
}

function analyse(trace: ParsedTrace, sample: () => void = () => undefined): TraceAnalysis {
  sample();
  const analysis = analyzeTrace(trace);
  sample();
  breakdown(analysis, { kind: 'service' });
  breakdown(analysis, { kind: 'operation' });
  sample();
  return analysis;
}
