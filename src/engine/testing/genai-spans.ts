/**
 * Test support for the GenAI, agent and async busy/idle figures: hand-written spans (short names
 * for ids, times in µs after a base), with array attributes, events and links, written as OTLP/JSON
 * by the trace generator's encoder and read back by the engine's reader, as the live tests read
 * generated traces. `analysedGenTrace` does the same for a generated trace.
 */
import { GenSpan, GenTrace, Kind } from '../../../tests/generator/model';
import { toOtlpJson } from '../../../tests/generator/otlp';
import type { AttributeValue } from '../../../tests/support/otlp';
import { tinyId } from '../../../tests/synthetic/tiny';
import { analyzeTrace, spanIdOf, TraceAnalysis } from '../analyze';
import { parseOtlpTrace } from '../otlp';

export interface HandSpan {
  id: string;
  parent?: string;
  service?: string;
  name?: string;
  kind?: Kind;
  /** µs after the base */
  start: number;
  end: number;
  attrs?: Record<string, AttributeValue>;
  /** [name, µs after the base] */
  events?: Array<[string, number]>;
}

const BASE_US = 1_700_000_000_000_000;

export const analysedGenTrace = (trace: GenTrace): TraceAnalysis =>
  analyzeTrace(parseOtlpTrace(JSON.stringify(toOtlpJson([trace]))));

export function analysedHandSpans(spans: HandSpan[]): TraceAnalysis {
  const genSpans: GenSpan[] = spans.map((s) => ({
    spanId: tinyId(s.id),
    parentSpanId: s.parent ? tinyId(s.parent) : undefined,
    service: s.service ?? 'svc',
    name: s.name ?? s.id,
    kind: s.kind ?? 'INTERNAL',
    startUs: BASE_US + s.start,
    endUs: BASE_US + s.end,
    attributes: s.attrs ?? {},
    events: (s.events ?? []).map(([name, at]) => ({ name, timeUs: BASE_US + at, attributes: {} })),
  }));
  return analysedGenTrace({ traceId: '0123456789abcdef0123456789abcdef', spans: genSpans });
}

/** Span index of the span whose id is `spanId` (lowercase hex). */
export function spanIndexOf(analysis: TraceAnalysis, spanId: string): number {
  for (let i = 0; i < analysis.trace.spanCount; i++) {
    if (spanIdOf(analysis.trace, i) === spanId) {
      return i;
    }
  }
  throw new Error(`no span ${spanId}`);
}

/** Span index of the hand span named `id`. */
export const handSpan = (analysis: TraceAnalysis, id: string) => spanIndexOf(analysis, tinyId(id));
