/**
 * One interface over whichever span-metrics scheme the Prometheus holds: rate, error ratio and
 * latency quantiles per service or operation, latency buckets of one operation, service-graph edges.
 * Latencies are seconds; `le` of +Inf is `Infinity`.
 */
import { DataError } from '../errors';
import { PrometheusClient, sampleNumber } from '../prometheus/client';
import { InstantQueryData, Labels } from '../prometheus/types';
import {
  bucketsQuery,
  edgeQuantileQuery,
  edgeRateQuery,
  errorRatioQuery,
  GroupBy,
  quantileQuery,
  rateQuery,
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
  /** server-side p95 latency in seconds (NaN when unknown) */
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

  return {
    scheme,

    /** calls per second */
    rates: (filter: SpanMetricsFilter, groupBy: GroupBy, w: Window) =>
      groupedQuery(rateQuery(scheme, filter, groupBy, w.rangeSec), groupBy, w),

    /** errors ÷ calls, 0…1 */
    errorRatios: (filter: SpanMetricsFilter, groupBy: GroupBy, w: Window) =>
      groupedQuery(errorRatioQuery(scheme, filter, groupBy, w.rangeSec), groupBy, w),

    /** latency quantile `q` in seconds */
    latencyQuantile: (q: number, filter: SpanMetricsFilter, groupBy: GroupBy, w: Window) =>
      groupedQuery(quantileQuery(scheme, q, filter, groupBy, w.rangeSec), groupBy, w),

    async latencyBuckets(service: string, operation: string, w: Window): Promise<HistogramBucket[]> {
      if (scheme.histogram !== 'classic') {
        throw new DataError(
          'query-failed',
          `${scheme.latencyMetric} is a native histogram: it has no fixed buckets to read.`
        );
      }
      const rows = await vector(bucketsQuery(scheme, service, operation, w.rangeSec), w.time);
      return rows
        .map((r) => ({ le: parseLe(r.labels.le) / scheme.latencyUnitsPerSecond, count: r.value }))
        .sort((a, b) => a.le - b.le);
    },

    async serviceGraphEdges(w: Window): Promise<ServiceGraphEdge[]> {
      const graph = scheme.serviceGraph;
      if (!graph) {
        throw new DataError(
          'query-failed',
          'This Prometheus holds no service-graph metrics (traces_service_graph_request_total).'
        );
      }
      const [requests, failed, p95] = await Promise.all([
        vector(edgeRateQuery(graph.requestMetric, w.rangeSec), w.time),
        vector(edgeRateQuery(graph.failedMetric, w.rangeSec), w.time),
        graph.serverLatencyMetric
          ? vector(edgeQuantileQuery(graph.serverLatencyMetric, 0.95, w.rangeSec), w.time)
          : Promise.resolve([]),
      ]);
      const key = (l: Labels) => `${l.client}\u0000${l.server}`;
      const failedBy = new Map(failed.map((f) => [key(f.labels), f.value]));
      const p95By = new Map(p95.map((f) => [key(f.labels), f.value]));
      return requests.map((r) => ({
        client: r.labels.client ?? '',
        server: r.labels.server ?? '',
        rate: r.value,
        failedRate: failedBy.get(key(r.labels)) ?? 0,
        p95Seconds: p95By.get(key(r.labels)) ?? NaN,
      }));
    },
  };
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
