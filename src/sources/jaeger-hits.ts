/**
 * A search hit from a whole Jaeger trace (v1 JSON): its root (the span without a parent — Jaeger's
 * parent is the first CHILD_OF reference in the same trace), first start, extent, and spans and
 * errors per service.
 */
import type { JaegerSpan, JaegerTrace } from '../data';
import { isErrorSpan } from './jaeger-filter';
import { canonicalTraceId } from './trace-id';
import { TraceHit } from './types';

const parentOf = (span: JaegerSpan) =>
  span.references?.find((r) => r.refType === 'CHILD_OF' && r.traceID === span.traceID)?.spanID;

/** undefined for a trace without spans. */
export function jaegerHit(trace: JaegerTrace): TraceHit | undefined {
  let first = Infinity;
  let last = -Infinity;
  let root: JaegerSpan | undefined;
  const serviceStats: TraceHit['serviceStats'] = {};
  for (const span of trace.spans) {
    first = Math.min(first, span.startTime);
    last = Math.max(last, span.startTime + span.duration);
    if (parentOf(span) === undefined && (root === undefined || span.startTime < root.startTime)) {
      root = span;
    }
    const service = trace.processes[span.processID]?.serviceName ?? '';
    const stats = (serviceStats[service] ??= { spanCount: 0, errorCount: 0 });
    stats.spanCount++;
    stats.errorCount += isErrorSpan(span) ? 1 : 0;
  }
  if (!trace.spans.length) {
    return undefined;
  }
  return {
    traceId: canonicalTraceId(trace.traceID),
    rootService: root && trace.processes[root.processID]?.serviceName,
    rootName: root?.operationName,
    startMs: first / 1000,
    durationMs: (last - first) / 1000,
    serviceStats,
  };
}
