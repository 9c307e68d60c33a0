/**
 * PromQL for one detected span-metrics scheme. Results are always in seconds and per second,
 * whatever unit the scheme stores (milliseconds are divided by `latencyUnitsPerSecond`). Names and
 * labels reach PromQL only through the builders of `queries/promql` (quoted when not classic).
 */
import { by, LabelMatcher, matcher, oneOf, promqlDuration, selector } from '../queries/promql';
import { SpanMetricsScheme } from './scheme';

export interface SpanMetricsFilter {
  services?: string[];
  operations?: string[];
  /** e.g. `SPAN_KIND_SERVER` */
  spanKind?: string;
}

export type GroupBy = 'service' | 'operation';

export function groupLabels(scheme: SpanMetricsScheme, groupBy: GroupBy): string[] {
  return groupBy === 'service' ? [scheme.labels.service] : [scheme.labels.service, scheme.labels.spanName];
}

function filterMatchers(scheme: SpanMetricsScheme, filter: SpanMetricsFilter): LabelMatcher[] {
  const m: LabelMatcher[] = [];
  if (filter.services?.length) {
    m.push(oneOf(scheme.labels.service, filter.services));
  }
  if (filter.operations?.length) {
    m.push(oneOf(scheme.labels.spanName, filter.operations));
  }
  if (filter.spanKind) {
    m.push(matcher(scheme.labels.spanKind, '=', filter.spanKind));
  }
  return m;
}

const sumRate = (labels: string[], metric: string, m: LabelMatcher[], rangeSec: number) =>
  `sum ${by(labels)} (rate(${selector(metric, m)}[${promqlDuration(rangeSec)}]))`;

const errorMatcher = (scheme: SpanMetricsScheme) => matcher(scheme.labels.statusCode, '=', scheme.errorStatusValue);

/** Quantile `q` in seconds per group of `labels`, from the scheme's classic or native histogram. */
function latencyQuantile(scheme: SpanMetricsScheme, q: number, m: LabelMatcher[], labels: string[], rangeSec: number) {
  if (!(q >= 0 && q <= 1)) {
    throw new RangeError(`a quantile is between 0 and 1, got ${q}`);
  }
  const inner =
    scheme.histogram === 'classic'
      ? sumRate([...labels, 'le'], `${scheme.latencyMetric}_bucket`, m, rangeSec)
      : sumRate(labels, scheme.latencyMetric, m, rangeSec);
  return scale(`histogram_quantile(${q}, ${inner})`, scheme.latencyUnitsPerSecond);
}

export function rateQuery(
  scheme: SpanMetricsScheme,
  filter: SpanMetricsFilter,
  groupBy: GroupBy,
  rangeSec: number
): string {
  return sumRate(groupLabels(scheme, groupBy), scheme.callsMetric, filterMatchers(scheme, filter), rangeSec);
}

/** Errors ÷ calls per group; groups without any error series get 0 rather than disappearing. */
export function errorRatioQuery(
  scheme: SpanMetricsScheme,
  filter: SpanMetricsFilter,
  groupBy: GroupBy,
  rangeSec: number
): string {
  const labels = groupLabels(scheme, groupBy);
  const base = filterMatchers(scheme, filter);
  const all = sumRate(labels, scheme.callsMetric, base, rangeSec);
  const errors = sumRate(labels, scheme.callsMetric, [...base, errorMatcher(scheme)], rangeSec);
  return `(${errors} or ${all} * 0) / ${all}`;
}

export function quantileQuery(
  scheme: SpanMetricsScheme,
  quantile: number,
  filter: SpanMetricsFilter,
  groupBy: GroupBy,
  rangeSec: number
): string {
  return latencyQuantile(scheme, quantile, filterMatchers(scheme, filter), groupLabels(scheme, groupBy), rangeSec);
}

/** Cumulative bucket counts (increase over the range) of one operation, by `le`. Classic histograms only. */
export function bucketsQuery(scheme: SpanMetricsScheme, service: string, operation: string, rangeSec: number): string {
  const m = [matcher(scheme.labels.service, '=', service), matcher(scheme.labels.spanName, '=', operation)];
  return `sum ${by(['le'])} (increase(${selector(`${scheme.latencyMetric}_bucket`, m)}[${promqlDuration(rangeSec)}]))`;
}

/** Requests, failed requests and p95 per edge: each query grouped by the edge's `[client, server]` labels. */
export interface EdgeQueries {
  labels: [client: string, server: string];
  rate: string;
  failed: string;
  /** undefined when the source has no latency histogram */
  p95?: string;
}

const EDGE_LABELS: [string, string] = ['client', 'server'];

/** Service-graph metrics: requests and failures per `client → server`, server-side p95 (seconds). */
export function serviceGraphEdgeQueries(
  graph: { requestMetric: string; failedMetric: string; serverLatencyMetric?: string },
  rangeSec: number
): EdgeQueries {
  return {
    labels: EDGE_LABELS,
    rate: sumRate(EDGE_LABELS, graph.requestMetric, [], rangeSec),
    failed: sumRate(EDGE_LABELS, graph.failedMetric, [], rangeSec),
    p95: graph.serverLatencyMetric
      ? `histogram_quantile(0.95, ${sumRate([...EDGE_LABELS, 'le'], `${graph.serverLatencyMetric}_bucket`, [], rangeSec)})`
      : undefined,
  };
}

/**
 * Span metrics of client spans with a peer label: edge `service → peer`, its calls, errors
 * (status = error) and client-side p95 from the same calls counter and latency histogram.
 */
export function peerEdgeQueries(scheme: SpanMetricsScheme, peerLabel: string, rangeSec: number): EdgeQueries {
  const labels: [string, string] = [scheme.labels.service, peerLabel];
  const m = [matcher(scheme.labels.spanKind, '=', 'SPAN_KIND_CLIENT'), matcher(peerLabel, '!=', '')];
  return {
    labels,
    rate: sumRate(labels, scheme.callsMetric, m, rangeSec),
    failed: sumRate(labels, scheme.callsMetric, [...m, errorMatcher(scheme)], rangeSec),
    p95: latencyQuantile(scheme, 0.95, m, labels, rangeSec),
  };
}

function scale(expr: string, unitsPerSecond: number): string {
  return unitsPerSecond === 1 ? expr : `${expr} / ${unitsPerSecond}`;
}
