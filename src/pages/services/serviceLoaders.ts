/**
 * What the services page loads, through the data layer (which writes every PromQL query):
 * span-metrics stats per service or per operation over the whole time range (instant queries
 * evaluated at its end), the same over time for one service or one of its operations as named
 * chart series, and the dependency edges of the first source that has any (see `spanmetrics/edges`).
 */
import {
  EdgeCandidates,
  MetricsGrouping,
  NamedSeries,
  pickDependencyEdges,
  Points,
  SourcedEdges,
  SpanMetrics,
  SpanMetricsFilter,
  UnixSecondsRange,
} from '../../data';
import type { TraceSource } from '../../sources/types';
import { joinStats, StatsRow } from './servicesModel';

const rangeSec = (s: UnixSecondsRange) => Math.max(60, s.end - s.start);

export async function loadStats(
  metrics: SpanMetrics,
  filter: SpanMetricsFilter,
  groupBy: MetricsGrouping,
  s: UnixSecondsRange
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
  s: UnixSecondsRange,
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
  rate: NamedSeries[];
  errors: NamedSeries[];
  latency: NamedSeries[];
}

const named = (name: string, series: Points[]): NamedSeries[] => series.map((points) => ({ name, points }));

export async function loadServiceCharts(
  metrics: SpanMetrics,
  service: string,
  operation: string | undefined,
  s: UnixSecondsRange,
  signal: AbortSignal
): Promise<ServiceCharts> {
  const filter = { services: [service], operations: operation ? [operation] : undefined };
  const t = await metrics.overTime(filter, s, { signal });
  return {
    rate: named('requests/s', t.rate),
    // in percent: all-zero ratios then get a 0–100% axis rather than an autoscaled 0–10000%
    errors: named(
      'errors',
      t.errorRatio.map((points) => points.map(([time, v]) => [time, v * 100] as [number, number]))
    ),
    latency: [...named('p50', t.p50), ...named('p95', t.p95), ...named('p99', t.p99)],
  };
}
