/**
 * One interface over whichever span-metrics scheme the Prometheus holds: rate, error ratio and
 * latency quantiles per service or operation (now, or over time), latency buckets of one operation,
 * the slowest exemplars of a service, dependency edges from service-graph metrics or from client
 * spans' peer label, and the PromQL of a quantile for Explore. Latencies are seconds; `le` of +Inf
 * is `Infinity`.
 */
import { dataError } from '../errors';
import { instantVector, PrometheusClient } from '../prometheus/client';
import { Labels } from '../prometheus/types';
import { RequestOptions } from '../transport';
import type { UnixSecondsRange } from '../unix-seconds-range';
import {
  bucketsQuery,
  EdgeQueries,
  errorRatioQuery,
  MetricsGrouping,
  peerEdgeQueries,
  quantileQuery,
  rateQuery,
  serviceBucketsSelector,
  serviceGraphEdgeQueries,
  SpanMetricsFilter,
} from './queries';
import { SpanMetricsScheme } from './scheme';

export interface Window {
  /** evaluation time, Unix seconds */
  time: number;
  /** look-back in seconds (millisecond resolution) */
  rangeSec: number;
}

export interface GroupValue {
  service: string;
  /** span name, when grouped by operation */
  operation?: string;
  value: number;
}

/** A classic-histogram bucket of one operation's span latency (the engine's `HistogramBucket` with `le` in seconds). */
export interface LatencyBucket {
  /** upper bound in seconds (`Infinity` for +Inf) */
  le: number;
  /** cumulative count of spans ≤ le over the window */
  count: number;
}

/** One series over time: [unix seconds, value] points. */
export type Points = Array<[number, number]>;

/** A series over time under a name (a chart's legend entry). */
export interface NamedSeries {
  name: string;
  points: Points;
}

/** Series over time of the spans a filter matches, one per Prometheus series (see `overTime`). */
export interface OverTime {
  /** calls per second */
  rate: Points[];
  /** errors ÷ calls, 0…1 */
  errorRatio: Points[];
  /** latency quantiles in seconds */
  p50: Points[];
  p95: Points[];
  p99: Points[];
}

export interface Exemplar {
  traceId: string;
  /** seconds */
  value: number;
  /** unix seconds */
  timestamp: number;
  operation: string;
}

export interface ServiceGraphEdge {
  client: string;
  server: string;
  /** requests per second */
  rate: number;
  /** failed requests per second */
  failedRate: number;
  /** p95 latency in seconds, server side (service graph) or client side (peer label); NaN when unknown */
  p95Seconds: number;
}

/**
 * The steps of a chart over `range`: about 120 points, at least 15 s apart, each point's rate over
 * two steps (at least 60 s) so consecutive windows overlap and no sample falls between them.
 */
export function chartSteps(range: UnixSecondsRange): { steps: UnixSecondsRange & { step: number }; rangeSec: number } {
  const step = Math.max(15, Math.ceil((range.end - range.start) / 120));
  return { steps: { ...range, step }, rangeSec: Math.max(60, step * 2) };
}

export function createSpanMetrics(prom: PrometheusClient, scheme: SpanMetricsScheme) {
  const vector = (expr: string, time: number) => instantVector(prom, expr, time);
  const grouped = (labels: Labels, value: number, groupBy: MetricsGrouping): GroupValue => ({
    service: labels[scheme.labels.service] ?? '',
    ...(groupBy === 'operation' ? { operation: labels[scheme.labels.spanName] ?? '' } : {}),
    value,
  });
  const groupedQuery = async (expr: string, groupBy: MetricsGrouping, w: Window) =>
    (await vector(expr, w.time)).map((s) => grouped(s.labels, s.value, groupBy));
  const series = async (expr: string, steps: { start: number; end: number; step: number }, request?: RequestOptions) =>
    (await prom.queryRange(expr, steps, request)).result.map((r) =>
      r.values.map(([t, v]) => [t, Number(v)] as [number, number])
    );

  /** Runs the three edge queries and joins them per `client → server`. */
  const edges = async (q: EdgeQueries, w: Window): Promise<ServiceGraphEdge[]> => {
    const [requests, failed, p95] = await Promise.all([
      vector(q.rate, w.time),
      vector(q.failed, w.time),
      q.p95 ? vector(q.p95, w.time) : Promise.resolve([]),
    ]);
    return joinEdges(q.labels, requests, failed, p95);
  };

  return {
    scheme,

    /** calls per second */
    rates: (filter: SpanMetricsFilter, groupBy: MetricsGrouping, w: Window) =>
      groupedQuery(rateQuery(scheme, filter, groupBy, w.rangeSec).expr, groupBy, w),

    /** errors ÷ calls, 0…1 */
    errorRatios: (filter: SpanMetricsFilter, groupBy: MetricsGrouping, w: Window) =>
      groupedQuery(errorRatioQuery(scheme, filter, groupBy, w.rangeSec).expr, groupBy, w),

    /** latency quantile `q` in seconds */
    latencyQuantile: (q: number, filter: SpanMetricsFilter, groupBy: MetricsGrouping, w: Window) =>
      groupedQuery(quantileQuery(scheme, q, filter, groupBy, w.rangeSec).expr, groupBy, w),

    /** The PromQL of `latencyQuantile` over `rangeSec`, e.g. for a link to Explore. */
    latencyQuantileExpr: (q: number, filter: SpanMetricsFilter, groupBy: MetricsGrouping, rangeSec: number) =>
      quantileQuery(scheme, q, filter, groupBy, rangeSec).expr,

    /**
     * Rate, error ratio and p50/p95/p99 latency per service over [start, end]: range queries of
     * about 120 steps (at least 15 s), each a rate over two steps (at least 60 s).
     */
    async overTime(filter: SpanMetricsFilter, range: UnixSecondsRange, request?: RequestOptions): Promise<OverTime> {
      const { steps, rangeSec } = chartSteps(range);
      const quantile = (q: number) =>
        series(quantileQuery(scheme, q, filter, 'service', rangeSec).expr, steps, request);
      const [rate, errorRatio, p50, p95, p99] = await Promise.all([
        series(rateQuery(scheme, filter, 'service', rangeSec).expr, steps, request),
        series(errorRatioQuery(scheme, filter, 'service', rangeSec).expr, steps, request),
        quantile(0.5),
        quantile(0.95),
        quantile(0.99),
      ]);
      return { rate, errorRatio, p50, p95, p99 };
    },

    /** The slowest exemplars of `service`'s latency histogram in [start, end], one per trace, at most `limit`. */
    async slowestExemplars(
      service: string,
      range: UnixSecondsRange,
      limit: number,
      request?: RequestOptions
    ): Promise<Exemplar[]> {
      const byTrace = new Map<string, Exemplar>();
      for (const ser of await prom.exemplars(serviceBucketsSelector(scheme, service), range, request)) {
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
    },

    async latencyBuckets(service: string, operation: string, w: Window): Promise<LatencyBucket[]> {
      if (scheme.histogram !== 'classic') {
        throw dataError('native-histogram', { metric: scheme.latencyMetric });
      }
      const rows = await vector(bucketsQuery(scheme, service, operation, w.rangeSec).expr, w.time);
      return rows
        .map((r) => ({ le: parseLe(r.labels.le) / scheme.latencyUnitsPerSecond, count: r.value }))
        .sort((a, b) => a.le - b.le);
    },

    /** Edges from service-graph metrics (`traces_service_graph_*`), server-side p95. */
    async serviceGraphEdges(w: Window): Promise<ServiceGraphEdge[]> {
      if (!scheme.serviceGraph) {
        throw dataError('no-service-graph', {});
      }
      return edges(serviceGraphEdgeQueries(scheme.serviceGraph, w.rangeSec), w);
    },

    /** Edges `service → peer` from client spans' calls and latency, client-side p95. */
    async peerEdges(w: Window): Promise<ServiceGraphEdge[]> {
      const peer = scheme.labels.peerService;
      if (!peer) {
        throw dataError('no-peer-label', { metric: scheme.callsMetric });
      }
      return edges(peerEdgeQueries(scheme, peer, w.rangeSec), w);
    },
  };
}

interface Sample {
  labels: Labels;
  value: number;
}

/**
 * One edge per request series, keyed by its `[client, server]` label values; failed rate 0 and p95
 * NaN where the other queries have no series for that edge. Pure; O(series). Exported for tests.
 */
export function joinEdges(
  [client, server]: readonly [string, string],
  requests: Sample[],
  failed: Sample[],
  p95: Sample[]
): ServiceGraphEdge[] {
  const key = (l: Labels) => `${l[client] ?? ''}\u0000${l[server] ?? ''}`;
  const failedBy = new Map(failed.map((f) => [key(f.labels), f.value]));
  const p95By = new Map(p95.map((f) => [key(f.labels), f.value]));
  return requests.map((r) => ({
    client: r.labels[client] ?? '',
    server: r.labels[server] ?? '',
    rate: r.value,
    failedRate: failedBy.get(key(r.labels)) ?? 0,
    p95Seconds: p95By.get(key(r.labels)) ?? NaN,
  }));
}

export type SpanMetrics = ReturnType<typeof createSpanMetrics>;

function parseLe(le: string | undefined): number {
  if (le === '+Inf') {
    return Infinity;
  }
  const n = Number(le);
  if (le === undefined || Number.isNaN(n)) {
    throw dataError('bucket-without-le', { le: String(le) });
  }
  return n;
}
