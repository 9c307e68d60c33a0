/**
 * Per-component latency breakdown of one trace. For each group of spans (see grouping.ts):
 * span count; total, min, average and max span duration (end − start as recorded); total self
 * time; total critical-path time; and the shares of self and critical-path time in the trace
 * duration. The denominator is stated in every row (`shareDenominator`, the trace duration in
 * ns): critical-path shares add up to at most 1, self shares can add up to more than 1 when
 * spans run in parallel. Rows are ordered by critical-path time, then self time, then key.
 * O(n + groups · log groups).
 */
import { TraceAnalysis } from './analyze';
import { GroupSums } from './group-sums';
import { GroupBy, groupSpans } from './grouping';

export interface BreakdownRow {
  /** unique key: JSON array of `parts` */
  key: string;
  label: string;
  /** [service], [service, operation], [span kind] or [attribute value | null for "(none)"] */
  parts: Array<string | null>;
  count: number;
  /** sum of span durations, ns */
  total: number;
  /** sum of self times, ns */
  selfTotal: number;
  /** time on the critical path, ns */
  criticalPath: number;
  /** span duration statistics, ns */
  min: number;
  avg: number;
  max: number;
  /** selfTotal / shareDenominator (may exceed 1 with parallel work) */
  selfShare: number;
  /** criticalPath / shareDenominator (rows sum to ≤ 1) */
  criticalPathShare: number;
  /** the trace duration, ns: earliest span start to latest effective span end */
  shareDenominator: number;
}

/** Orders rows by critical-path time, then self time, then key. */
export function byCriticalPath(a: { criticalPath: number; selfTotal: number; key: string }, b: typeof a): number {
  return b.criticalPath - a.criticalPath || b.selfTotal - a.selfTotal || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Breaks one analysed trace down by component (see the file header). */
export function breakdown(analysis: TraceAnalysis, groupBy: GroupBy): BreakdownRow[] {
  const duration = analysis.duration;
  const grouping = groupSpans(analysis.trace, groupBy);
  const sums = new GroupSums(false);
  sums.add(analysis, grouping.groupOf, grouping.keys.length);
  const { count, total, self, critical, min, max } = sums.columns();
  const rows: BreakdownRow[] = [];
  for (let k = 0; k < grouping.keys.length; k++) {
    rows.push({
      key: grouping.keys[k],
      label: grouping.labels[k],
      parts: grouping.parts[k],
      count: count[k],
      total: total[k],
      selfTotal: self[k],
      criticalPath: critical[k],
      min: min[k],
      avg: total[k] / count[k],
      max: max[k],
      selfShare: duration > 0 ? self[k] / duration : 0,
      criticalPathShare: duration > 0 ? critical[k] / duration : 0,
      shareDenominator: duration,
    });
  }
  return rows.sort(byCriticalPath);
}
