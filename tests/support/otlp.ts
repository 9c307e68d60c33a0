/**
 * Test support: the pieces every test OTLP/JSON writer shares (tests/synthetic/tiny.ts,
 * tests/generator/otlp.ts, tests/synthetic/otlp.ts), written as the OTLP/JSON spec and the
 * collector's exporter write them: attribute values as `AnyValue` (integers as decimal strings in
 * `intValue`), and one `resourceSpans` entry per service, in first-seen order, its `service.name`
 * first among the resource attributes.
 */

/** An attribute value as the test generators and writers hold it. */
export type AttributeScalar = string | number | boolean;

/** A scalar, or an array of scalars (e.g. `gen_ai.response.finish_reasons`). */
export type AttributeValue = AttributeScalar | readonly AttributeScalar[];

/** OTLP/JSON `AnyValue` of a scalar or an array of scalars (`arrayValue`). */
export function otlpValue(v: AttributeValue): object {
  if (typeof v === 'object') {
    return { arrayValue: { values: v.map(otlpValue) } };
  }
  if (typeof v === 'string') {
    return { stringValue: v };
  }
  if (typeof v === 'boolean') {
    return { boolValue: v };
  }
  return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
}

/** OTLP/JSON `KeyValue` list of `attrs`, in key order of the record. */
export const otlpAttributes = (attrs: Record<string, AttributeValue>) =>
  Object.entries(attrs).map(([key, v]) => ({ key, value: otlpValue(v) }));

/**
 * `{resourceSpans}` of already encoded spans grouped by service, first-seen order; each resource
 * carries `service.name` then `resourceAttributes`, and one scope holding its spans.
 */
export function resourceSpansByService(
  spans: Iterable<{ service: string; span: object }>,
  scope: { name: string; version?: string },
  resourceAttributes: Record<string, AttributeScalar> = {}
) {
  const byService = new Map<string, object[]>();
  for (const { service, span } of spans) {
    const list = byService.get(service) ?? [];
    list.push(span);
    byService.set(service, list);
  }
  return {
    resourceSpans: [...byService].map(([service, list]) => ({
      resource: { attributes: otlpAttributes({ 'service.name': service, ...resourceAttributes }) },
      scopeSpans: [{ scope, spans: list }],
    })),
  };
}
