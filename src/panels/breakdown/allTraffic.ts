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
import { t } from '@grafana/i18n';
import type { GroupBy } from '../../engine';
import { BreakdownView, formatDuration, SortOrder, topRows } from '../../components/breakdown';
import { groupPartsOf, labelledValues, Reduce } from './overlay';
import { AS_TEXT } from '../../components/i18n';

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

/** The measure's name, and what a row's share is of (`rate`: all groups' total, formatted per second). */
function measureTexts(measure: ConnectorMeasure, rate: string): { label: string; note: string } {
  return measure === 'self'
    ? {
        label: t('panel.all-traffic.self', 'Self time per second'),
        note: t('panel.all-traffic.self-note', "share of all groups' self time per second ({{rate}})", {
          rate,
          ...AS_TEXT,
        }),
      }
    : {
        label: t('panel.all-traffic.critical-path', 'Critical-path time per second'),
        note: t(
          'panel.all-traffic.critical-path-note',
          "share of all groups' critical-path time per second ({{rate}})",
          { rate, ...AS_TEXT }
        ),
      };
}

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
  const texts = measureTexts(measure, `${formatDuration(total)}/s`);
  return {
    measure,
    measureLabel: texts.label,
    traceCount: 0,
    denominator: total,
    denominatorNote: texts.note,
    rows: topRows(rows, options.topN, options.sort),
    notes: [
      t(
        'panel.all-traffic.note',
        'All traffic: the TraceLens connector’s histograms in Prometheus, mean rate over the time range; values are time per second.'
      ),
    ],
  };
}
