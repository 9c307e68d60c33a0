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

/**
 * Per-group sums of one trace at a time: count, duration total/min/max, self and critical-path
 * time (ns), in columns indexed by group id. `sum` fills only the entries of the groups present
 * in the trace, listed in `touched[0 .. touchedCount-1]` (first-seen order), so the columns can
 * be reused across the traces of a set whose group ids are shared: O(n) per trace.
 */
export class GroupTotals {
  /** Idle instance: keeps this class's object shape alive across full GCs (see OtlpJsonReader.shapeKeeper). */
  static readonly shapeKeeper: GroupTotals = new GroupTotals();

  count = new Float64Array(0);
  total = new Float64Array(0);
  self = new Float64Array(0);
  critical = new Float64Array(0);
  min = new Float64Array(0);
  max = new Float64Array(0);
  touched = new Uint32Array(0);
  touchedCount = 0;

  /** Makes room for group ids below `groups`. */
  reserve(groups: number): void {
    if (groups > this.count.length) {
      const size = Math.max(groups, 2 * this.count.length);
      this.count = new Float64Array(size);
      this.total = new Float64Array(size);
      this.self = new Float64Array(size);
      this.critical = new Float64Array(size);
      this.min = new Float64Array(size);
      this.max = new Float64Array(size);
      this.touched = new Uint32Array(size);
      this.touchedCount = 0;
    }
  }

  /** Sums the spans of `analysis` per group of `groupOf` (ids below the reserved size). */
  sum(analysis: TraceAnalysis, groupOf: Uint32Array): void {
    const { trace, selfTime } = analysis;
    const perSpanCritical = analysis.criticalPath.perSpan;
    const { count, total, self, critical, min, max, touched } = this;
    for (let k = 0; k < this.touchedCount; k++) {
      count[touched[k]] = 0;
    }
    let touchedCount = 0;
    for (let i = 0; i < trace.spanCount; i++) {
      const k = groupOf[i];
      const d = trace.end[i] - trace.start[i];
      if (count[k] === 0) {
        touched[touchedCount++] = k;
        total[k] = 0;
        self[k] = 0;
        critical[k] = 0;
        min[k] = Infinity;
        max[k] = 0;
      }
      count[k]++;
      total[k] += d;
      self[k] += selfTime[i];
      critical[k] += perSpanCritical[i];
      min[k] = d < min[k] ? d : min[k];
      max[k] = d > max[k] ? d : max[k];
    }
    this.touchedCount = touchedCount;
  }
}

/** Orders rows by critical-path time, then self time, then key. */
export function byCriticalPath(a: { criticalPath: number; selfTotal: number; key: string }, b: typeof a): number {
  return b.criticalPath - a.criticalPath || b.selfTotal - a.selfTotal || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Breaks one analysed trace down by component (see the file header). */
export function breakdown(analysis: TraceAnalysis, groupBy: GroupBy): BreakdownRow[] {
  const duration = analysis.duration;
  const grouping = groupSpans(analysis.trace, groupBy);
  const totals = new GroupTotals();
  totals.reserve(grouping.keys.length);
  totals.sum(analysis, grouping.groupOf);
  const { count, total, self, critical, min, max } = totals;
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
