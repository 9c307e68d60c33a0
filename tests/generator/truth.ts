/**
 * Ground truth of a generated trace. Self time of a span = its duration minus the measure of
 * the union of its children's intervals clipped to the span (parallel children are not counted
 * twice, a child that outlives its parent only counts inside the parent); a service's self time is
 * the sum over its spans. Sort-and-sweep per span: O(c log c) for c children.
 */
import { GenSpan, GenTrace, TraceTruth } from './model';
import { RequestPlan } from './topology';

export function selfTimeUs(span: GenSpan, children: GenSpan[]): number {
  const intervals = children
    .map((c) => [Math.max(c.startUs, span.startUs), Math.min(c.endUs, span.endUs)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let cursor = span.startUs; // everything before the cursor is already counted
  for (const [s, e] of intervals) {
    covered += Math.max(0, e - Math.max(s, cursor));
    cursor = Math.max(cursor, e);
  }
  return span.endUs - span.startUs - covered;
}

export function traceTruth(trace: GenTrace, plan: RequestPlan): TraceTruth {
  const root = trace.spans.find((s) => !s.parentSpanId)!;
  const children = new Map<string, GenSpan[]>();
  for (const s of trace.spans) {
    if (s.parentSpanId) {
      const list = children.get(s.parentSpanId) ?? [];
      list.push(s);
      children.set(s.parentSpanId, list);
    }
  }
  const selfTimeUsByService: Record<string, number> = {};
  for (const s of trace.spans) {
    selfTimeUsByService[s.service] =
      (selfTimeUsByService[s.service] ?? 0) + selfTimeUs(s, children.get(s.spanId) ?? []);
  }
  const start = Math.min(...trace.spans.map((s) => s.startUs));
  const end = Math.max(...trace.spans.map((s) => s.endUs));
  return {
    traceId: trace.traceId,
    rootService: root.service,
    rootName: root.name,
    route: plan.route,
    requestId: plan.requestId,
    startUs: start,
    durationUs: end - start,
    spanCount: trace.spans.length,
    services: [...new Set(trace.spans.map((s) => s.service))].sort(),
    parents: Object.fromEntries(trace.spans.map((s) => [s.spanId, s.parentSpanId ?? ''])),
    selfTimeUsByService,
    error: trace.spans.some((s) => s.error !== undefined),
    outlier: plan.outlier,
    ...(plan.regression ? { regression: plan.regression } : {}),
    spans: trace.spans.map((s) => ({
      spanId: s.spanId,
      service: s.service,
      name: s.name,
      kind: s.kind,
      durationUs: s.endUs - s.startUs,
      error: s.error !== undefined,
    })),
  };
}
