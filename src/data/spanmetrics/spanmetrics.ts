/**
 * One interface over whichever span-metrics scheme the Prometheus holds: rate, error ratio and
 * latency quantiles per service or operation, latency buckets of one operation, dependency edges
 * from service-graph metrics or from client spans' peer label. Latencies are seconds; `le` of +Inf
 * is `Infinity`.
 */
import { DataError } from '../errors';
import { PrometheusClient, sampleNumber } from '../prometheus/client';
import { InstantQueryData, Labels } from '../prometheus/types';
import {
  bucketsQuery,
  EdgeQueries,
  errorRatioQuery,
  GroupBy,
  peerEdgeQueries,
  quantileQuery,
  rateQuery,
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

export interface HistogramBucket {
  /** upper bound in seconds (`Infinity` for +Inf) */
  le: number;
  /** cumulative count of spans ≤ le over the window */
  count: number;
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

export function createSpanMetrics(prom: PrometheusClient, scheme: SpanMetricsScheme) {
  const vector = async (expr: string, time: number) => {
    const data: InstantQueryData = await prom.query(expr, time);
    if (data.resultType !== 'vector') {
      throw new DataError('bad-response', `Expected an instant vector from '${expr}', got ${data.resultType}.`);
    }
    return data.result.map((s) => ({ labels: s.metric, value: sampleNumber(s.value) }));
  };
  const grouped = (labels: Labels, value: number, groupBy: GroupBy): GroupValue => ({
    service: labels[scheme.labels.service] ?? '',
    ...(groupBy === 'operation' ? { operation: labels[scheme.labels.spanName] ?? '' } : {}),
    value,
  });
  const groupedQuery = async (expr: string, groupBy: GroupBy, w: Window) =>
    (await vector(expr, w.time)).map((s) => grouped(s.labels, s.value, groupBy));

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
    rates: (filter: SpanMetricsFilter, groupBy: GroupBy, w: Window) =>
      groupedQuery(rateQuery(scheme, filter, groupBy, w.rangeSec).expr, groupBy, w),

    /** errors ÷ calls, 0…1 */
    errorRatios: (filter: SpanMetricsFilter, groupBy: GroupBy, w: Window) =>
      groupedQuery(errorRatioQuery(scheme, filter, groupBy, w.rangeSec).expr, groupBy, w),

    /** latency quantile `q` in seconds */
    latencyQuantile: (q: number, filter: SpanMetricsFilter, groupBy: GroupBy, w: Window) =>
      groupedQuery(quantileQuery(scheme, q, filter, groupBy, w.rangeSec).expr, groupBy, w),

    async latencyBuckets(service: string, operation: string, w: Window): Promise<HistogramBucket[]> {
      if (scheme.histogram !== 'classic') {
        throw new DataError(
          'query-failed',
          `${scheme.latencyMetric} is a native histogram: it has no fixed buckets to read.`
        );
      }
      const rows = await vector(bucketsQuery(scheme, service, operation, w.rangeSec).expr, w.time);
      return rows
        .map((r) => ({ le: parseLe(r.labels.le) / scheme.latencyUnitsPerSecond, count: r.value }))
        .sort((a, b) => a.le - b.le);
    },

    /** Edges from service-graph metrics (`traces_service_graph_*`), server-side p95. */
    async serviceGraphEdges(w: Window): Promise<ServiceGraphEdge[]> {
      if (!scheme.serviceGraph) {
        throw new DataError(
          'query-failed',
          'This Prometheus holds no service-graph metrics (traces_service_graph_request_total).'
        );
      }
      return edges(serviceGraphEdgeQueries(scheme.serviceGraph, w.rangeSec), w);
    },

    /** Edges `service → peer` from client spans' calls and latency, client-side p95. */
    async peerEdges(w: Window): Promise<ServiceGraphEdge[]> {
      const peer = scheme.labels.peerService;
      if (!peer) {
        throw new DataError('query-failed', `The span metrics (${scheme.callsMetric}) carry no peer-service label.`);
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
    throw new DataError('bad-response', `Histogram bucket without a numeric le label (${le}).`);
  }
  return n;
}
