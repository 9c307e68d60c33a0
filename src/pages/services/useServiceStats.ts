/**
 * Queries behind the services page: span-metrics stats per service or per operation over the
 * whole time range (instant queries evaluated at its end), the same over time for one service or
 * one of its operations (range queries, ~120 steps), exemplar trace ids of a service's latency
 * histogram, and the dependency edges of the first source that has any (see `spanmetrics/edges`).
 */
import {
  GroupBy,
  PrometheusClient,
  RangeVectorSeries,
  selector,
  SpanMetrics,
  SpanMetricsFilter,
  matcher,
} from '../../data';
import { errorRatioQuery, quantileQuery, rateQuery } from '../../data/spanmetrics/queries';
import { EdgeCandidates, pickDependencyEdges, SourcedEdges } from '../../data/spanmetrics/edges';
import type { TraceSource } from '../../sources/types';
import { ChartSeries } from '../../components/TimeSeriesChart';
import { joinStats, StatsRow } from './servicesModel';

export interface Seconds {
  start: number;
  end: number;
}

const rangeSec = (s: Seconds) => Math.max(60, s.end - s.start);

export async function loadStats(
  metrics: SpanMetrics,
  filter: SpanMetricsFilter,
  groupBy: GroupBy,
  s: Seconds
): Promise<StatsRow[]> {
  const w = { time: s.end, rangeSec: rangeSec(s) };
  const [rates, errors, p50, p95, p99] = await Promise.all([
    metrics.rates(filter, groupBy, w),
    metrics.errorRatios(filter, groupBy, w),
    metrics.latencyQuantile(0.5, filter, groupBy, w),
    metrics.latencyQuantile(0.95, filter, groupBy, w),
    metrics.latencyQuantile(0.99, filter, groupBy, w),
  ]);
  return joinStats(rates, errors, p50, p95, p99);
}

/**
 * Dependency edges over the range, asking each available source in order of preference (service
 * graph, span metrics' peer label, the trace source's dependency API) and stopping at the first
 * with edges.
 */
export async function loadDependencies(
  metrics: SpanMetrics | undefined,
  source: Pick<TraceSource, 'capabilities' | 'dependencies'> | undefined,
  s: Seconds,
  signal?: AbortSignal
): Promise<SourcedEdges> {
  const w = { time: s.end, rangeSec: rangeSec(s) };
  const found: EdgeCandidates = {};
  const steps: Array<() => Promise<void>> = [];
  if (metrics?.scheme.serviceGraph) {
    steps.push(async () => {
      found.serviceGraph = await metrics.serviceGraphEdges(w);
    });
  }
  if (metrics?.scheme.labels.peerService) {
    steps.push(async () => {
      found.spanMetricsPeer = await metrics.peerEdges(w);
    });
  }
  if (source?.capabilities.dependencies) {
    steps.push(async () => {
      const edges = await source.dependencies({ start: s.end - w.rangeSec, end: s.end }, { signal });
      found.jaegerDependencies = { edges, rangeSec: w.rangeSec };
    });
  }
  for (const step of steps) {
    await step();
    const picked = pickDependencyEdges(found);
    if (picked.source !== 'none') {
      return picked;
    }
  }
  return pickDependencyEdges(found);
}

export interface ServiceCharts {
  rate: ChartSeries[];
  errors: ChartSeries[];
  latency: ChartSeries[];
}

const toSeries = (name: string, result: RangeVectorSeries[]): ChartSeries[] =>
  result.map((r) => ({ name, points: r.values.map(([t, v]) => [t, Number(v)] as [number, number]) }));

export async function loadServiceCharts(
  prom: PrometheusClient,
  metrics: SpanMetrics,
  service: string,
  operation: string | undefined,
  s: Seconds,
  signal: AbortSignal
): Promise<ServiceCharts> {
  const step = Math.max(15, Math.ceil((s.end - s.start) / 120));
  const window = Math.max(60, step * 2);
  const filter = { services: [service], operations: operation ? [operation] : undefined };
  const range = (expr: string) => prom.queryRange(expr, { start: s.start, end: s.end, step }, { signal });
  const [rate, errors, p50, p95, p99] = await Promise.all([
    range(rateQuery(metrics.scheme, filter, 'service', window).expr),
    range(errorRatioQuery(metrics.scheme, filter, 'service', window).expr),
    ...[0.5, 0.95, 0.99].map((q) => range(quantileQuery(metrics.scheme, q, filter, 'service', window).expr)),
  ]);
  return {
    rate: toSeries('requests/s', rate.result),
    // in percent: all-zero ratios then get a 0–100% axis rather than an autoscaled 0–10000%
    errors: toSeries('errors', errors.result).map((e) => ({
      ...e,
      points: e.points.map(([t, v]) => [t, v * 100] as [number, number]),
    })),
    latency: [...toSeries('p50', p50.result), ...toSeries('p95', p95.result), ...toSeries('p99', p99.result)],
  };
}

export interface Exemplar {
  traceId: string;
  /** seconds */
  value: number;
  /** unix seconds */
  timestamp: number;
  operation: string;
}

/** The slowest exemplars of `service` in the range, one per trace, at most `limit`. */
export async function loadExemplars(
  prom: PrometheusClient,
  metrics: SpanMetrics,
  service: string,
  s: Seconds,
  limit: number,
  signal: AbortSignal
): Promise<Exemplar[]> {
  const { scheme } = metrics;
  const expr = selector(`${scheme.latencyMetric}_bucket`, [matcher(scheme.labels.service, '=', service)]);
  const series = await prom.exemplars(expr, s, { signal });
  const byTrace = new Map<string, Exemplar>();
  for (const ser of series) {
    for (const e of ser.exemplars) {
      const traceId = e.labels.traceID ?? e.labels.trace_id;
      const value = Number(e.value) / scheme.latencyUnitsPerSecond;
      if (traceId && (byTrace.get(traceId)?.value ?? -1) < value) {
        byTrace.set(traceId, {
          traceId,
          value,
          timestamp: e.timestamp,
          operation: ser.seriesLabels[scheme.labels.spanName] ?? '',
        });
      }
    }
  }
  return [...byTrace.values()].sort((a, b) => b.value - a.value).slice(0, limit);
}
