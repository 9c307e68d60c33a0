/**
 * PromQL over the TraceLens connector's metrics (scheme.ts), written only through the builders of
 * `queries/promql` (every value quoted and escaped; a dotted name quoted, which only a scheme whose
 * names prove Prometheus 3 allows). Per group — a service, or the operations (span names) of one
 * service — over a range ending at the evaluation time:
 *   - time rate: `sum by (group) (rate(<hist>_sum[range]))`, seconds of self (or critical-path)
 *     time per second; a group's share is its rate ÷ the sum over the groups (latencymetrics.ts),
 *     so shares are rate-normalised and the range's length cancels out;
 *   - quantile q: `histogram_quantile(q, sum by (group, le) (rate(<hist>_bucket[range])))`
 *     (a native histogram: `sum by (group) (rate(<hist>[range]))`), seconds.
 * The connector's counters, per `reason` (none for `analyzed`): `sum by (reason) (last_over_time(
 * <counter>[range]))`, the counts since each connector instance started as of its last sample in
 * the range (a counter's first sample holds everything before it, which `increase` would drop).
 * Each builder is O(length of its names and values).
 */
import { by, isLegacyName, LabelMatcher, matcher, promqlDuration, selector } from '../queries/promql';
import type { MetricsGrouping } from '../spanmetrics/queries';
import { LatencyMetricsScheme } from './scheme';

/** Which of the connector's two histograms. */
export type LatencyMeasure = 'selfTime' | 'criticalPath';

/** The spans a query covers: every service's, or one service's. */
export interface LatencyMetricsFilter {
  service?: string;
}

/** Names that are not legacy exist only in Prometheus 3, which reads quoted names. */
const utf8 = (scheme: LatencyMetricsScheme) => !isLegacyName(scheme.selfTime, 'metric');

function groupLabels(scheme: LatencyMetricsScheme, groupBy: MetricsGrouping): string[] {
  return groupBy === 'service' ? [scheme.labels.service] : [scheme.labels.service, scheme.labels.spanName];
}

const matchers = (scheme: LatencyMetricsScheme, filter: LatencyMetricsFilter): LabelMatcher[] =>
  filter.service !== undefined ? [matcher(scheme.labels.service, '=', filter.service)] : [];

const sumRate = (scheme: LatencyMetricsScheme, labels: string[], metric: string, m: LabelMatcher[], rangeSec: number) =>
  `sum ${by(labels, utf8(scheme))} (rate(${selector(metric, m, utf8(scheme))}[${promqlDuration(rangeSec).text}]))`;

/** Seconds of `measure` per second, per group. */
export function timeRateQuery(
  scheme: LatencyMetricsScheme,
  measure: LatencyMeasure,
  filter: LatencyMetricsFilter,
  groupBy: MetricsGrouping,
  rangeSec: number
): string {
  const labels = groupLabels(scheme, groupBy);
  const m = matchers(scheme, filter);
  return scheme.histogram === 'classic'
    ? sumRate(scheme, labels, `${scheme[measure]}_sum`, m, rangeSec)
    : `sum ${by(labels, utf8(scheme))} (histogram_sum(rate(${selector(scheme[measure], m, utf8(scheme))}[${promqlDuration(rangeSec).text}])))`;
}

/** Quantile `q` (0…1) of `measure` in seconds, per group. */
export function latencyMeasureQuantileQuery(
  scheme: LatencyMetricsScheme,
  measure: LatencyMeasure,
  q: number,
  filter: LatencyMetricsFilter,
  groupBy: MetricsGrouping,
  rangeSec: number
): string {
  if (!(q >= 0 && q <= 1)) {
    throw new RangeError(`a quantile is between 0 and 1, got ${q}`);
  }
  const labels = groupLabels(scheme, groupBy);
  const m = matchers(scheme, filter);
  const inner =
    scheme.histogram === 'classic'
      ? sumRate(scheme, [...labels, 'le'], `${scheme[measure]}_bucket`, m, rangeSec)
      : sumRate(scheme, labels, scheme[measure], m, rangeSec);
  return `histogram_quantile(${q}, ${inner})`;
}

/** Which of the connector's counters. */
export type ConnectorCounter = 'analyzed' | 'incomplete' | 'dropped';

/** The counter's count since each connector instance started, summed (per `reason`, but for `analyzed`). */
export function counterQuery(scheme: LatencyMetricsScheme, counter: ConnectorCounter, rangeSec: number): string {
  const labels = counter === 'analyzed' ? [] : [scheme.labels.reason];
  const grouping = labels.length ? `${by(labels, utf8(scheme))} ` : '';
  return `sum ${grouping}(last_over_time(${selector(scheme[counter], [], utf8(scheme))}[${promqlDuration(rangeSec).text}]))`;
}
