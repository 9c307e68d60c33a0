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

/** Per-group sums of one trace: count, duration total/min/max, self and critical-path time (ns). */
export interface GroupTotals {
  count: Float64Array;
  total: Float64Array;
  self: Float64Array;
  critical: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/** Sums span statistics of `analysis` per group of `groupOf` (O(n)). */
export function groupTotals(analysis: TraceAnalysis, groupOf: Uint32Array, groups: number): GroupTotals {
  const { trace, selfTime } = analysis;
  const perSpanCritical = analysis.criticalPath.perSpan;
  const count = new Float64Array(groups);
  const total = new Float64Array(groups);
  const self = new Float64Array(groups);
  const critical = new Float64Array(groups);
  const min = new Float64Array(groups).fill(Infinity);
  const max = new Float64Array(groups);
  for (let i = 0; i < trace.spanCount; i++) {
    const k = groupOf[i];
    const d = trace.end[i] - trace.start[i];
    count[k]++;
    total[k] += d;
    self[k] += selfTime[i];
    critical[k] += perSpanCritical[i];
    min[k] = d < min[k] ? d : min[k];
    max[k] = d > max[k] ? d : max[k];
  }
  return { count, total, self, critical, min, max };
}

/** Orders rows by critical-path time, then self time, then key. */
export function byCriticalPath(a: { criticalPath: number; selfTotal: number; key: string }, b: typeof a): number {
  return b.criticalPath - a.criticalPath || b.selfTotal - a.selfTotal || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Breaks one analysed trace down by component (see the file header). */
export function breakdown(analysis: TraceAnalysis, groupBy: GroupBy): BreakdownRow[] {
  const duration = analysis.duration;
  const grouping = groupSpans(analysis.trace, groupBy);
  const { count, total, self, critical, min, max } = groupTotals(analysis, grouping.groupOf, grouping.keys.length);
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
