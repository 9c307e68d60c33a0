/**
 * PromQL for one detected span-metrics scheme. Results are always in seconds and per second,
 * whatever unit the scheme stores (milliseconds are divided by `latencyUnitsPerSecond`).
 */
import { LabelMatcher, matcher, oneOf, promqlDuration, selector } from '../queries/promql';
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

const by = (labels: string[]) => `by (${labels.join(', ')})`;

export function rateQuery(
  scheme: SpanMetricsScheme,
  filter: SpanMetricsFilter,
  groupBy: GroupBy,
  rangeSec: number
): string {
  return `sum ${by(groupLabels(scheme, groupBy))} (rate(${selector(scheme.callsMetric, filterMatchers(scheme, filter))}[${promqlDuration(rangeSec)}]))`;
}

/** Errors ÷ calls per group; groups without any error series get 0 rather than disappearing. */
export function errorRatioQuery(
  scheme: SpanMetricsScheme,
  filter: SpanMetricsFilter,
  groupBy: GroupBy,
  rangeSec: number
): string {
  const g = by(groupLabels(scheme, groupBy));
  const range = promqlDuration(rangeSec);
  const base = filterMatchers(scheme, filter);
  const all = `sum ${g} (rate(${selector(scheme.callsMetric, base)}[${range}]))`;
  const errors = `sum ${g} (rate(${selector(scheme.callsMetric, [...base, matcher(scheme.labels.statusCode, '=', scheme.errorStatusValue)])}[${range}]))`;
  return `(${errors} or ${all} * 0) / ${all}`;
}

export function quantileQuery(
  scheme: SpanMetricsScheme,
  quantile: number,
  filter: SpanMetricsFilter,
  groupBy: GroupBy,
  rangeSec: number
): string {
  if (!(quantile >= 0 && quantile <= 1)) {
    throw new RangeError(`a quantile is between 0 and 1, got ${quantile}`);
  }
  const labels = groupLabels(scheme, groupBy);
  const range = promqlDuration(rangeSec);
  const m = filterMatchers(scheme, filter);
  const inner =
    scheme.histogram === 'classic'
      ? `sum ${by([...labels, 'le'])} (rate(${selector(`${scheme.latencyMetric}_bucket`, m)}[${range}]))`
      : `sum ${by(labels)} (rate(${selector(scheme.latencyMetric, m)}[${range}]))`;
  return scale(`histogram_quantile(${quantile}, ${inner})`, scheme.latencyUnitsPerSecond);
}

/** Cumulative bucket counts (increase over the range) of one operation, by `le`. Classic histograms only. */
export function bucketsQuery(scheme: SpanMetricsScheme, service: string, operation: string, rangeSec: number): string {
  const m = [matcher(scheme.labels.service, '=', service), matcher(scheme.labels.spanName, '=', operation)];
  return `sum by (le) (increase(${selector(`${scheme.latencyMetric}_bucket`, m)}[${promqlDuration(rangeSec)}]))`;
}

export function edgeRateQuery(metric: string, rangeSec: number): string {
  return `sum by (client, server) (rate(${selector(metric)}[${promqlDuration(rangeSec)}]))`;
}

export function edgeQuantileQuery(latencyBase: string, quantile: number, rangeSec: number): string {
  return `histogram_quantile(${quantile}, sum by (client, server, le) (rate(${selector(`${latencyBase}_bucket`)}[${promqlDuration(rangeSec)}])))`;
}

function scale(expr: string, unitsPerSecond: number): string {
  return unitsPerSecond === 1 ? expr : `${expr} / ${unitsPerSecond}`;
}
