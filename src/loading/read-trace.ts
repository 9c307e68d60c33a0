/**
 * Reads a fetched trace body by its format into the engine's columnar trace: OTLP JSON (Tempo v1
 * and v2, Jaeger v3's `{"result":…}` wrapper) or Jaeger's v1 JSON (`{"data":[…]}`).
 */
import { parseJaegerTrace, parseOtlpTrace, ParsedTrace } from '../engine';
import type { FetchedTrace } from '../sources/types';

export function readTrace(fetched: FetchedTrace): ParsedTrace {
  switch (fetched.format) {
    case 'otlp':
      return parseOtlpTrace(fetched.raw);
    case 'jaeger':
      return parseJaegerTrace(fetched.raw);
  }
}
