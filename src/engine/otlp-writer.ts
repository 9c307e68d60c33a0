/**
 * Writes a parsed trace as OTLP/JSON (work in progress: API only).
 */
import { fail } from './builder';
import { ParsedTrace } from './model';

/**
 * OTLP/JSON export request (`{"resourceSpans":[…]}`, camelCase, hex ids, string nanosecond
 * times) of one parsed trace; reading it back with parseOtlpTrace gives the same trace.
 */
export function toOtlpJson(trace: ParsedTrace): string {
  return fail(`toOtlpJson: not implemented (${trace.spanCount} spans)`);
}
