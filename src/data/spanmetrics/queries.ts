/**
 * PromQL for one detected span-metrics scheme. Results are always in seconds and per second,
 * whatever unit the scheme stores (milliseconds are divided by `latencyUnitsPerSecond`). Names and
 * labels reach PromQL only through the builders of `queries/promql`: quoted (Prometheus 3 syntax)
 * when they must be, which a scheme allows only when Prometheus 3 is known to hold it (see
 * {@link allowsUtf8Names}); otherwise such a name is rejected with a message naming it. Every query
 * comes with the notes of what was changed to make it valid (a range clamped into PromQL's).
 */
import { by, isLegacyName, LabelMatcher, matcher, oneOf, promqlDuration, selector } from '../queries/promql';
import { SpanMetricsScheme } from './scheme';

/** A PromQL expression and what the builder changed to make it valid (empty when nothing). */
export interface PromqlQuery {
  expr: string;
  notes: string[];
}

/**
 * Whether names may be quoted in Prometheus 3's UTF-8 syntax: the scheme is one of Prometheus 3's
 * UTF-8 schemes, or one of its names is not a legacy name (only Prometheus 3 can hold it). Any
 * other scheme may be on Prometheus 2, which cannot parse a quoted name.
 */
export function allowsUtf8Names(scheme: SpanMetricsScheme): boolean {
  return (
    scheme.id === 'otel-utf8' ||
    scheme.id === 'otel-utf8-nosuffix' ||
    !isLegacyName(scheme.callsMetric, 'metric') ||
    !isLegacyName(scheme.latencyMetric, 'metric') ||
    Object.values(scheme.labels).some((l) => l !== undefined && !isLegacyName(l, 'label'))
  );
}

/** The range once per query: its PromQL text and the notes of a clamp. */
function range(rangeSec: number) {
  const r = promqlDuration(rangeSec);
  return { text: r.text, notes: r.note ? [r.note] : [] };
}

export interface SpanMetricsFilter {
  services?: string[];
  operations?: string[];
  /** e.g. `SPAN_KIND_SERVER` */
  spanKind?: string;
}

/** Which labels span-metrics series are summed by: the service, or the service and span name. */
export type MetricsGrouping = 'service' | 'operation';

export function groupLabels(scheme: SpanMetricsScheme, groupBy: MetricsGrouping): string[] {
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

const sumRate = (labels: string[], metric: string, m: LabelMatcher[], rangeText: string, utf8: boolean) =>
  `sum ${by(labels, utf8)} (rate(${selector(metric, m, utf8)}[${rangeText}]))`;

const errorMatcher = (scheme: SpanMetricsScheme) => matcher(scheme.labels.statusCode, '=', scheme.errorStatusValue);

/** Quantile `q` in seconds per group of `labels`, from the scheme's classic or native histogram. */
function latencyQuantile(scheme: SpanMetricsScheme, q: number, m: LabelMatcher[], labels: string[], rangeText: string) {
  if (!(q >= 0 && q <= 1)) {
    throw new RangeError(`a quantile is between 0 and 1, got ${q}`);
  }
  const utf8 = allowsUtf8Names(scheme);
  const inner =
    scheme.histogram === 'classic'
      ? sumRate([...labels, 'le'], `${scheme.latencyMetric}_bucket`, m, rangeText, utf8)
      : sumRate(labels, scheme.latencyMetric, m, rangeText, utf8);
  return scale(`histogram_quantile(${q}, ${inner})`, scheme.latencyUnitsPerSecond);
}

export function rateQuery(
  scheme: SpanMetricsScheme,
  filter: SpanMetricsFilter,
  groupBy: MetricsGrouping,
  rangeSec: number
): PromqlQuery {
  const r = range(rangeSec);
  const expr = sumRate(
    groupLabels(scheme, groupBy),
    scheme.callsMetric,
    filterMatchers(scheme, filter),
    r.text,
    allowsUtf8Names(scheme)
  );
  return { expr, notes: r.notes };
}

/** Errors ÷ calls per group; groups without any error series get 0 rather than disappearing. */
export function errorRatioQuery(
  scheme: SpanMetricsScheme,
  filter: SpanMetricsFilter,
  groupBy: MetricsGrouping,
  rangeSec: number
): PromqlQuery {
  const r = range(rangeSec);
  const utf8 = allowsUtf8Names(scheme);
  const labels = groupLabels(scheme, groupBy);
  const base = filterMatchers(scheme, filter);
  const all = sumRate(labels, scheme.callsMetric, base, r.text, utf8);
  const errors = sumRate(labels, scheme.callsMetric, [...base, errorMatcher(scheme)], r.text, utf8);
  return { expr: `(${errors} or ${all} * 0) / ${all}`, notes: r.notes };
}

export function quantileQuery(
  scheme: SpanMetricsScheme,
  quantile: number,
  filter: SpanMetricsFilter,
  groupBy: MetricsGrouping,
  rangeSec: number
): PromqlQuery {
  const r = range(rangeSec);
  const m = filterMatchers(scheme, filter);
  return { expr: latencyQuantile(scheme, quantile, m, groupLabels(scheme, groupBy), r.text), notes: r.notes };
}

/** Cumulative bucket counts (increase over the range) of one operation, by `le`. Classic histograms only. */
export function bucketsQuery(
  scheme: SpanMetricsScheme,
  service: string,
  operation: string,
  rangeSec: number
): PromqlQuery {
  const r = range(rangeSec);
  const utf8 = allowsUtf8Names(scheme);
  const m = [matcher(scheme.labels.service, '=', service), matcher(scheme.labels.spanName, '=', operation)];
  const buckets = selector(`${scheme.latencyMetric}_bucket`, m, utf8);
  return { expr: `sum ${by(['le'], utf8)} (increase(${buckets}[${r.text}]))`, notes: r.notes };
}

/** Requests, failed requests and p95 per edge: each query grouped by the edge's `[client, server]` labels. */
export interface EdgeQueries {
  labels: [client: string, server: string];
  rate: string;
  failed: string;
  /** undefined when the source has no latency histogram */
  p95?: string;
  /** what was changed to make the queries valid (a clamped range), empty when nothing */
  notes: string[];
}

const EDGE_LABELS: [string, string] = ['client', 'server'];

/** Service-graph metrics: requests and failures per `client → server`, server-side p95 (seconds). */
export function serviceGraphEdgeQueries(
  graph: { requestMetric: string; failedMetric: string; serverLatencyMetric?: string },
  rangeSec: number
): EdgeQueries {
  const r = range(rangeSec);
  // names only Prometheus 3 can hold prove it is Prometheus 3
  const utf8 = [graph.requestMetric, graph.failedMetric, graph.serverLatencyMetric ?? ''].some(
    (n) => n !== '' && !isLegacyName(n, 'metric')
  );
  const latency = graph.serverLatencyMetric && `${graph.serverLatencyMetric}_bucket`;
  return {
    labels: EDGE_LABELS,
    rate: sumRate(EDGE_LABELS, graph.requestMetric, [], r.text, utf8),
    failed: sumRate(EDGE_LABELS, graph.failedMetric, [], r.text, utf8),
    p95: latency
      ? `histogram_quantile(0.95, ${sumRate([...EDGE_LABELS, 'le'], latency, [], r.text, utf8)})`
      : undefined,
    notes: r.notes,
  };
}

/**
 * Span metrics of client spans with a peer label: edge `service → peer`, its calls, errors
 * (status = error) and client-side p95 from the same calls counter and latency histogram.
 */
export function peerEdgeQueries(scheme: SpanMetricsScheme, peerLabel: string, rangeSec: number): EdgeQueries {
  const r = range(rangeSec);
  const utf8 = allowsUtf8Names(scheme);
  const labels: [string, string] = [scheme.labels.service, peerLabel];
  const m = [matcher(scheme.labels.spanKind, '=', 'SPAN_KIND_CLIENT'), matcher(peerLabel, '!=', '')];
  return {
    labels,
    rate: sumRate(labels, scheme.callsMetric, m, r.text, utf8),
    failed: sumRate(labels, scheme.callsMetric, [...m, errorMatcher(scheme)], r.text, utf8),
    p95: latencyQuantile(scheme, 0.95, m, labels, r.text),
    notes: r.notes,
  };
}

function scale(expr: string, unitsPerSecond: number): string {
  return unitsPerSecond === 1 ? expr : `${expr} / ${unitsPerSecond}`;
}

/** The series of `service`'s latency histogram buckets, as exemplar queries ask (their exemplars carry trace ids). */
export const serviceBucketsSelector = (scheme: SpanMetricsScheme, service: string) =>
  selector(`${scheme.latencyMetric}_bucket`, [matcher(scheme.labels.service, '=', service)]);

/** The series of the latency histogram (its buckets when classic), as an exemplar query of every service asks. */
export const latencySelector = (scheme: SpanMetricsScheme) =>
  selector(scheme.histogram === 'classic' ? `${scheme.latencyMetric}_bucket` : scheme.latencyMetric);
