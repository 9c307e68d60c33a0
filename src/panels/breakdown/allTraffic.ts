/**
 * The panel's all-traffic breakdown: when its Prometheus query reads the TraceLens connector's
 * self-time or critical-path-time histograms (e.g. the provisioned
 * `sum by (service_name) (rate(tracelens_span_self_time_seconds_sum[$__rate_interval]))`), each
 * group's seconds of that time per second for 100% of traffic, as breakdown rows.
 * - Which measure: the query's expression (the request's target of the frame's refId, else the
 *   frame's executed query) names `…span<sep>self_time_seconds…` or `…critical_path_time_seconds…`.
 * - A group's value: the mean of each series' finite samples (the mean rate over the time range),
 *   summed over the series of the group (rates add); in ns of that time per second.
 * - A group's share: its value ÷ the sum over all groups (the connector's rate-normalised share).
 * Top N and sort as for traces (topRows). O(frames · samples + groups · log groups).
 */
import { DataFrame, DataQueryRequest } from '@grafana/data';
import type { GroupBy } from '../../engine';
import { BreakdownView, formatDuration, SortOrder, topRows } from '../../components/breakdown';
import { groupPartsOf, labelledValues, Reduce } from './overlay';

export type ConnectorMeasure = 'self' | 'criticalPath';

const CONNECTOR_HISTOGRAM = /span[._](self_time|critical_path_time)_seconds/;

/** The connector measure a PromQL expression reads, if it reads one. */
export function connectorMeasure(expr: string): ConnectorMeasure | undefined {
  const m = CONNECTOR_HISTOGRAM.exec(expr);
  return m ? (m[1] === 'self_time' ? 'self' : 'criticalPath') : undefined;
}

/** A query's PromQL expression ('' for a query without one). */
export const exprOf = (target: unknown): string => {
  const expr = (target as { expr?: unknown } | undefined)?.expr;
  return typeof expr === 'string' ? expr : '';
};

/** The connector measure the query behind `frame` reads, if it reads one. */
export function connectorMeasureOf(
  frame: DataFrame,
  request: DataQueryRequest | undefined
): ConnectorMeasure | undefined {
  const target = (request?.targets ?? []).find((t) => t.refId === frame.refId);
  return connectorMeasure(target ? exprOf(target) : (frame.meta?.executedQueryString ?? ''));
}

const mean: Reduce = (values) => {
  const f = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return f.length > 0 ? f.reduce((s, v) => s + v, 0) / f.length : undefined;
};

const LABELS: Record<ConnectorMeasure, string> = {
  self: 'Self time per second',
  criticalPath: 'Critical-path time per second',
};

/** The breakdown of the connector's rates in `frames` (see the file header). */
export function allTrafficView(
  frames: readonly DataFrame[],
  measure: ConnectorMeasure,
  options: { groupBy: GroupBy; topN: number; sort: SortOrder }
): BreakdownView {
  const groups = new Map<string, { parts: string[]; value: number }>();
  for (const { labels, value } of labelledValues(frames, mean)) {
    const parts = groupPartsOf(labels, options.groupBy);
    if (parts) {
      const key = JSON.stringify(parts);
      const g = groups.get(key) ?? { parts, value: 0 };
      g.value += value * 1e9;
      groups.set(key, g);
    }
  }
  const total = [...groups.values()].reduce((s, g) => s + g.value, 0);
  const rows = [...groups].map(([key, g]) => ({
    key,
    label: g.parts.join(': '),
    parts: g.parts,
    value: g.value,
    share: total > 0 ? g.value / total : 0,
    count: NaN,
  }));
  return {
    measure,
    measureLabel: LABELS[measure],
    traceCount: 0,
    denominator: total,
    denominatorNote: `share of all groups' ${LABELS[measure].toLowerCase()} (${formatDuration(total)}/s)`,
    rows: topRows(rows, options.topN, options.sort),
    notes: [
      'All traffic: the TraceLens connector’s histograms in Prometheus, mean rate over the time range; values are time per second.',
    ],
  };
}
