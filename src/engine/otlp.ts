/**
 * `parseOtlpTrace`: the entry point for Tempo and Jaeger v3 trace-by-id responses and OTLP/JSON files.
 * Text goes straight to the single-pass reader in `otlp-json.ts`; an already parsed object is
 * serialised once with `JSON.stringify` and read the same way, so both inputs get identical
 * semantics and messages. O(size of the document).
 */
import { TraceParseError } from './errors';
import { ParsedTrace } from './model';
import { parseOtlpJson } from './otlp-json';

/**
 * Parses a Tempo v2 `{trace:{resourceSpans}}`, Jaeger v3 `{result:{resourceSpans}}`, Tempo v1
 * `{batches}` or plain OTLP/JSON `{resourceSpans}` document holding one trace, given as text or as
 * the object `JSON.parse` made of it.
 * 64-bit times are exact when given as text; numbers inside an object were already rounded
 * to float64 by whoever parsed them.
 *
 * @throws {@link TraceParseError} naming what is wrong and where (JSON path or line/column), and
 *   when the spans belong to more than one trace (see otlp-json.ts).
 */
export function parseOtlpTrace(input: string | unknown): ParsedTrace {
  if (typeof input === 'string') {
    return parseOtlpJson(input);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new TraceParseError(`not an OTLP trace: expected a JSON object or its text, got ${describe(input)}`);
  }
  let text: string;
  try {
    text = JSON.stringify(input);
  } catch (e) {
    throw new TraceParseError(`not an OTLP trace: the object cannot be serialised (${(e as Error).message})`);
  }
  return parseOtlpJson(text);
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v;
}
