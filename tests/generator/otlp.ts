/** Encodes generated traces as one OTLP/JSON ExportTraceServiceRequest (hex ids, string nanos). */
import { AttrValue, GenSpan, GenTrace, Kind } from './model';

const KIND_NUMBER: Record<Kind, number> = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };

function attrValue(v: AttrValue) {
  if (typeof v === 'boolean') {
    return { boolValue: v };
  }
  if (typeof v === 'number') {
    return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  }
  return { stringValue: v };
}

const attributes = (attrs: Record<string, AttrValue>) =>
  Object.entries(attrs).map(([key, v]) => ({ key, value: attrValue(v) }));
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
    attributes: attributes(s.attributes),
    events: s.events.map((e) => ({
      timeUnixNano: nanos(e.timeUs),
      name: e.name,
      attributes: attributes(e.attributes),
    })),
    status: s.error === undefined ? { code: 0 } : { code: 2, message: s.error },
  };
}

export function toOtlpJson(traces: GenTrace[]) {
  const byService = new Map<string, object[]>();
  for (const trace of traces) {
    for (const s of trace.spans) {
      const list = byService.get(s.service) ?? [];
      list.push(encodeSpan(trace.traceId, s));
      byService.set(s.service, list);
    }
  }
  return {
    resourceSpans: [...byService].map(([service, spans]) => ({
      resource: { attributes: attributes({ 'service.name': service, 'deployment.environment': 'tracelens-test' }) },
      scopeSpans: [{ scope: { name: 'tracelens-generator', version: '1.0.0' }, spans }],
    })),
  };
}
