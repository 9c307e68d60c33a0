/**
 * Shapes engine results into breakdown view models (types.ts) for one or several traces.
 *
 * Values: the chosen measure per group — self time, critical-path time, total span time (sum of
 * span durations) or busy time with waiting time (busy/idle, always per service) — summed over
 * the traces and divided by their number, i.e. the value for a single trace or the mean per
 * trace over several. Shares: the summed measure over the summed trace durations (the engine's
 * denominators), so a single trace and a set use one definition.
 * Top N: the N groups with the largest values keep their own row; the rest merge into one "Other"
 * row, shown last whatever the sort order, together with the groups the engine already merged
 * (`TraceSetAggregate.other`, beyond its row limit). Colours: a palette index by rank, or for service rows
 * by the service's place in `serviceColors` when given, so a page can colour a service alike in
 * every chart.
 * O(spans + groups · log groups).
 */
import {
  AggregateSums,
  aggregateTraces,
  breakdown,
  BreakdownRow,
  callTreeToFlameFrames,
  FlameFrames,
  GroupBy,
  nameOf,
  serviceBusyIdle,
  serviceOf,
  sumServiceBusyIdle,
  TraceAnalysis,
} from '../../engine';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../i18n';
import { formatDuration } from './format';
import { BreakdownView, BreakdownViewRow, Measure, SortOrder, TraceStackSegment, TraceStackView } from './types';

export const OTHER_KEY = '__other__';

/** The name of a measure's values, e.g. "Self time". */
export function measureLabel(measure: Measure): string {
  switch (measure) {
    case 'self':
      return t('breakdown.measure.self', 'Self time');
    case 'criticalPath':
      return t('breakdown.measure.critical-path', 'Critical-path time');
    case 'total':
      return t('breakdown.measure.total', 'Total span time');
    case 'busyIdle':
      return t('breakdown.measure.busy', 'Busy time');
  }
}

const otherLabel = () => t('breakdown.other', 'Other');

export interface ViewOptions {
  groupBy: GroupBy;
  measure: Measure;
  /** rows kept before "Other"; 0 keeps all */
  topN: number;
  sort: SortOrder;
  /** palette order of service names (e.g. the waterfall's), used when the rows are services */
  serviceColors?: readonly string[];
  /** one trace's breakdown by service when already computed (the analysis worker's for a huge trace) */
  serviceBreakdown?: readonly BreakdownRow[];
}

type RawRow = Omit<BreakdownViewRow, 'colorIndex'>;

const serviceKey = (service: string) => JSON.stringify([service]);

/** A row per service of its busy/idle over the traces (value and waiting: means per trace). */
function busyIdleRows(analyses: readonly TraceAnalysis[], denominator: number): RawRow[] {
  const n = analyses.length;
  return sumServiceBusyIdle(analyses).map((s) => ({
    key: serviceKey(s.service),
    label: s.service,
    parts: [s.service],
    value: s.busy / n,
    waiting: s.waiting / n,
    share: denominator > 0 ? s.busy / denominator : 0,
    count: s.spanCount,
    traces: s.traces,
  }));
}

/**
 * Self, critical-path or total time per group over the traces, and the groups the engine merged
 * (as one pre-merged "Other" row) when there were too many. One trace grouped by service or span
 * kind (a handful of groups, however many spans) is broken down directly — engine `breakdown`: the
 * sums of an aggregate of that trace without keeping the per-span values for percentiles, which
 * one trace does not show; in a third of the aggregate's time (or taken as given by service,
 * `serviceBreakdown`). Other groupings can have a group per span: the aggregate keeps their rows bounded.
 */
function measuredRows(
  analyses: readonly TraceAnalysis[],
  { groupBy, measure, serviceBreakdown }: ViewOptions
): { rows: RawRow[]; merged?: RawRow } {
  const n = analyses.length;
  const value = (r: AggregateSums | BreakdownRow, denominator: number) => {
    const sum = measure === 'self' ? r.selfTotal : measure === 'criticalPath' ? r.criticalPath : r.total;
    return { value: sum / n, share: denominator > 0 ? sum / denominator : 0, count: r.count };
  };
  if (n === 1 && (groupBy.kind === 'service' || groupBy.kind === 'spanKind')) {
    const rows = (
      groupBy.kind === 'service' && serviceBreakdown ? serviceBreakdown : breakdown(analyses[0], groupBy)
    ).map((r) => ({
      key: r.key,
      label: r.label,
      parts: r.parts,
      ...value(r, r.shareDenominator),
      traces: 1,
    }));
    return { rows };
  }
  const agg = aggregateTraces(analyses, groupBy, { callTree: false });
  const rows = agg.rows.map((r) => {
    const percentiles =
      measure === 'self' ? r.selfPerTrace : measure === 'criticalPath' ? r.criticalPathPerTrace : r.duration;
    return {
      key: r.key,
      label: r.label,
      parts: r.parts,
      ...value(r, agg.totalDuration),
      traces: r.traces,
      percentiles: { p50: percentiles.p50, p90: percentiles.p90, p99: percentiles.p99 },
    };
  });
  const other = agg.other;
  return other
    ? {
        rows,
        merged: {
          key: OTHER_KEY,
          label: otherLabel(),
          parts: [],
          ...value(other, agg.totalDuration),
          merged: other.groups,
        },
      }
    : { rows };
}

const byValueDesc = (a: RawRow, b: RawRow) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function sortRows(rows: BreakdownViewRow[], sort: SortOrder): BreakdownViewRow[] {
  if (sort === 'label') {
    return rows.sort((a, b) => a.label.localeCompare(b.label) || (a.key < b.key ? -1 : 1));
  }
  return sort === 'asc' ? rows.sort((a, b) => byValueDesc(b, a)) : rows.sort(byValueDesc);
}

/**
 * Keeps the `topN` largest rows, merges the rest into "Other" (see the file header), with
 * `premerged` (groups merged before, `merged` counting them) when given.
 */
export function topRows(
  raw: RawRow[],
  topN: number,
  sort: SortOrder,
  colorOrder?: readonly string[],
  premerged?: RawRow
): BreakdownViewRow[] {
  const colorOf = (label: string, rank: number) => {
    const at = colorOrder?.indexOf(label) ?? -1;
    return at >= 0 ? at : rank;
  };
  const ranked: BreakdownViewRow[] = [...raw]
    .sort(byValueDesc)
    .map((r, i) => ({ ...r, colorIndex: colorOf(r.label, i) }));
  const keep = topN <= 0 ? ranked.length : topN;
  if (ranked.length <= keep && !premerged) {
    return sortRows(ranked, sort);
  }
  const rest = [...ranked.slice(keep), ...(premerged ? [premerged] : [])];
  const groups = rest.reduce((s, r) => s + (r.merged ?? 1), 0);
  const other: BreakdownViewRow = {
    key: OTHER_KEY,
    label: t('breakdown.other-groups', '', {
      count: groups,
      defaultValue_one: 'Other ({{count}} group)',
      defaultValue_other: 'Other ({{count}} groups)',
    }),
    parts: [],
    value: rest.reduce((s, r) => s + r.value, 0),
    share: rest.reduce((s, r) => s + r.share, 0),
    count: rest.reduce((s, r) => s + r.count, 0),
    colorIndex: -1,
    merged: groups,
    ...(rest[0].waiting !== undefined ? { waiting: rest.reduce((s, r) => s + (r.waiting ?? 0), 0) } : {}),
  };
  return [...sortRows(ranked.slice(0, keep), sort), other];
}

function denominatorNote(n: number, denominator: number): string {
  const duration = formatDuration(denominator);
  return n === 1
    ? t('breakdown.denominator.one-trace', 'share of the trace duration ({{duration}})', { duration, ...AS_TEXT })
    : t('breakdown.denominator.traces', '', {
        count: n,
        duration,
        defaultValue_one: 'share of the summed duration of {{count}} trace ({{duration}}); values are means per trace',
        defaultValue_other:
          'share of the summed duration of {{count}} traces ({{duration}}); values are means per trace',
        ...AS_TEXT,
      });
}

/** The breakdown of `analyses` (one trace or several) by the options. `analyses` must not be empty. */
export function breakdownView(analyses: readonly TraceAnalysis[], options: ViewOptions): BreakdownView {
  const n = analyses.length;
  const denominator = analyses.reduce((s, a) => s + a.duration, 0);
  const busyIdle = options.measure === 'busyIdle';
  const { rows: raw, merged } = busyIdle
    ? { rows: busyIdleRows(analyses, denominator), merged: undefined }
    : measuredRows(analyses, options);
  const notes: string[] = [];
  if (busyIdle && options.groupBy.kind !== 'service') {
    notes.push(
      t('breakdown.note.busy-idle', 'Busy/idle is measured per service: the grouping option does not apply to it.')
    );
  }
  if (options.measure === 'self' || options.measure === 'busyIdle') {
    notes.push(t('breakdown.note.parallel', 'Work running in parallel can make shares add up to more than 100%.'));
  }
  return {
    measure: options.measure,
    measureLabel: measureLabel(options.measure),
    traceCount: n,
    denominator,
    denominatorNote: denominatorNote(n, denominator),
    rows: topRows(
      raw,
      options.topN,
      options.sort,
      busyIdle || options.groupBy.kind === 'service' ? options.serviceColors : undefined,
      merged
    ),
    notes,
    ...(n > 1 && !busyIdle
      ? {
          percentilesOf:
            options.measure === 'total'
              ? t('breakdown.percentiles.per-span', 'per span')
              : t('breakdown.percentiles.per-trace', 'per trace'),
        }
      : {}),
  };
}

/** "service: operation" of the trace's first root span. */
function rootLabel(analysis: TraceAnalysis): string {
  const root = analysis.tree.roots[0];
  return root === undefined
    ? analysis.trace.traceId
    : `${serviceOf(analysis.trace, root)}: ${nameOf(analysis.trace, root)}`;
}

/**
 * One stacked bar per trace with the measure of each group of `view` (same colours), the other
 * groups merged into an "Other" segment. Segments follow the order of `view.rows`.
 */
export function traceStacks(
  analyses: readonly TraceAnalysis[],
  options: ViewOptions,
  view: BreakdownView
): TraceStackView[] {
  const shown = view.rows.filter((r) => r.key !== OTHER_KEY);
  return analyses.map((analysis) => {
    const values = new Map<string, number>();
    if (options.measure === 'busyIdle') {
      serviceBusyIdle(analysis).forEach((s) => values.set(serviceKey(s.service), s.busy));
    } else {
      for (const r of breakdown(analysis, options.groupBy)) {
        values.set(
          r.key,
          options.measure === 'self' ? r.selfTotal : options.measure === 'criticalPath' ? r.criticalPath : r.total
        );
      }
    }
    const segments: TraceStackSegment[] = [];
    let rest = 0;
    for (const row of shown) {
      segments.push({ key: row.key, label: row.label, value: values.get(row.key) ?? 0, colorIndex: row.colorIndex });
      values.delete(row.key);
    }
    values.forEach((v) => (rest += v));
    if (rest > 0) {
      segments.push({ key: OTHER_KEY, label: otherLabel(), value: rest, colorIndex: -1 });
    }
    return { traceId: analysis.trace.traceId, label: rootLabel(analysis), duration: analysis.duration, segments };
  });
}

/**
 * Flame graph columns of the merged call tree of `analyses` under each measure (self time,
 * critical-path time, total time; summed over the traces, ns).
 */
export function flameColumns(analyses: readonly TraceAnalysis[]): FlameFrames {
  return callTreeToFlameFrames(aggregateTraces(analyses, { kind: 'operation' }).callTree!);
}
