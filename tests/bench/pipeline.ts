/**
 * The measured per-trace pipeline: OTLP/JSON text → parse → tree, self time, critical path →
 * service and operation breakdowns. Shared by the benchmark and its heap-measuring child.
 */
import { analyzeTrace, breakdown, parseOtlpTrace, TraceAnalysis } from '../../src/engine';

/** Runs the pipeline; `sample` (if given) is called between stages, e.g. to read the heap. */
export function pipeline(json: string, sample: () => void = () => undefined): TraceAnalysis {
  const trace = parseOtlpTrace(json);
  sample();
  const analysis = analyzeTrace(trace);
  sample();
  breakdown(analysis, { kind: 'service' });
  breakdown(analysis, { kind: 'operation' });
  sample();
  return analysis;
}
