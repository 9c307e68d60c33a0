/** Encodes generated traces as one OTLP/JSON ExportTraceServiceRequest (hex ids, string nanos). */
import { otlpAttributes, resourceSpansByService } from '../support/otlp';
import { GenSpan, GenTrace, Kind } from './model';

const KIND_NUMBER: Record<Kind, number> = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };

const nanos = (us: number) => `${us}000`;

function encodeSpan(traceId: string, s: GenSpan) {
  return {
    traceId,
    spanId: s.spanId,
    ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
    name: s.name,
    kind: KIND_NUMBER[s.kind],
    startTimeUnixNano: nanos(s.startUs),
    endTimeUnixNano: nanos(s.endUs),
    attributes: otlpAttributes(s.attributes),
    events: s.events.map((e) => ({
      timeUnixNano: nanos(e.timeUs),
      name: e.name,
      attributes: otlpAttributes(e.attributes),
    })),
    status: s.error === undefined ? { code: 0 } : { code: 2, message: s.error },
    ...(s.links ? { links: s.links.map((l) => ({ traceId: l.traceId, spanId: l.spanId })) } : {}),
  };
}

export function toOtlpJson(traces: GenTrace[]) {
  return resourceSpansByService(
    traces.flatMap((trace) => trace.spans.map((s) => ({ service: s.service, span: encodeSpan(trace.traceId, s) }))),
    { name: 'tracelens-generator', version: '1.0.0' },
    { 'deployment.environment': 'tracelens-test' }
  );
}
