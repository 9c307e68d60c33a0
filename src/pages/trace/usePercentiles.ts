/**
 * Span-metrics context for one trace: each operation's p95 over the last hour (one PromQL query
 * for all operations of the trace's services) and, for the selected span, its operation's latency
 * histogram and the span's percentile rank in it (`percentileRank`, linear inside a bucket).
 */
import { LatencyBucket, SpanMetrics } from '../../data';
import { nameOf, percentileRank, serviceOf, spanDuration, TraceAnalysis } from '../../engine';
import { SPAN_METRICS_WINDOW_SEC } from '../../app/loadSpanMetrics';
import { useAsync } from '../../app/useAsync';

const opKey = (service: string, operation: string) => `${service}\u0000${operation}`;
const windowNow = () => ({ time: Math.floor(Date.now() / 1000), rangeSec: SPAN_METRICS_WINDOW_SEC });

/** p95 in ns per "service\0operation" of `services`, the trace's (sorted, as traceServices gives them). */
export function useOperationP95(
  metrics: SpanMetrics | undefined,
  analysis: TraceAnalysis | undefined,
  services: string[]
) {
  const key = metrics && services.length ? `${metrics.scheme.id}|${services.join(',')}` : undefined;
  const state = useAsync(key, async () => {
    const rows = await metrics!.latencyQuantile(0.95, { services }, 'operation', windowNow());
    return new Map(
      rows.filter((r) => Number.isFinite(r.value)).map((r) => [opKey(r.service, r.operation ?? ''), r.value * 1e9])
    );
  });
  return {
    ...state,
    p95Of: (i: number) =>
      analysis ? state.value?.get(opKey(serviceOf(analysis.trace, i), nameOf(analysis.trace, i))) : undefined,
  };
}

export interface SpanPercentile {
  /** 0..1 */
  rank: number;
  buckets: LatencyBucket[];
  service: string;
  operation: string;
}

export function useSpanPercentile(metrics: SpanMetrics | undefined, analysis: TraceAnalysis | undefined, span: number) {
  const service = analysis && span >= 0 ? serviceOf(analysis.trace, span) : '';
  const operation = analysis && span >= 0 ? nameOf(analysis.trace, span) : '';
  const durationSec = analysis && span >= 0 ? spanDuration(analysis, span) / 1e9 : 0;
  const key =
    metrics && analysis && span >= 0 ? JSON.stringify([metrics.scheme.id, service, operation, durationSec]) : undefined;
  return useAsync<SpanPercentile>(key, async () => {
    const buckets = await metrics!.latencyBuckets(service, operation, windowNow());
    return { rank: percentileRank(durationSec, buckets), buckets, service, operation };
  });
}
