/**
 * Compares two trace sets (e.g. slow vs baseline) component by component. For each component
 * present in either set: mean critical-path time and mean self time per trace (sum over the set
 * divided by its trace count, so components absent from a trace count as 0) and the share of
 * the set's summed trace duration on the critical path. Rows are ranked by the absolute
 * difference in mean critical-path time per trace — the components that explain most of the
 * difference in trace duration first — then by the self-time difference, then by key.
 * O(rows log rows) on top of the two aggregations.
 */
import { aggregateTraces, TraceSetAggregate } from './aggregate';
import { TraceAnalysis } from './analyze';
import { GroupBy } from './grouping';

export interface SideStats {
  /** traces of the set containing the component */
  traces: number;
  /** mean per trace of the set, ns */
  criticalPathPerTrace: number;
  selfPerTrace: number;
  /** critical-path time / summed trace durations of the set */
  criticalPathShare: number;
}

export interface ComparisonRow {
  key: string;
  label: string;
  parts: Array<string | null>;
  slow: SideStats;
  baseline: SideStats;
  /** slow − baseline, ns per trace */
  criticalPathDelta: number;
  selfDelta: number;
  /** slow share − baseline share */
  shareDelta: number;
}

const ABSENT: SideStats = { traces: 0, criticalPathPerTrace: 0, selfPerTrace: 0, criticalPathShare: 0 };

function sideStats(set: TraceSetAggregate): Map<string, { row: TraceSetAggregate['rows'][number]; stats: SideStats }> {
  const out = new Map<string, { row: TraceSetAggregate['rows'][number]; stats: SideStats }>();
  const n = Math.max(1, set.traceCount);
  for (const row of set.rows) {
    out.set(row.key, {
      row,
      stats: {
        traces: row.traces,
        criticalPathPerTrace: row.criticalPath / n,
        selfPerTrace: row.selfTotal / n,
        criticalPathShare: row.criticalPathShare,
      },
    });
  }
  return out;
}

/**
 * Ranked per-component differences between `slow` and `baseline` (analysed traces, or
 * aggregates made with the same `groupBy`).
 */
export function compareTraceSets(
  slow: readonly TraceAnalysis[] | TraceSetAggregate,
  baseline: readonly TraceAnalysis[] | TraceSetAggregate,
  groupBy: GroupBy = { kind: 'operation' }
): ComparisonRow[] {
  const a = sideStats(Array.isArray(slow) ? aggregateTraces(slow, groupBy) : (slow as TraceSetAggregate));
  const b = sideStats(Array.isArray(baseline) ? aggregateTraces(baseline, groupBy) : (baseline as TraceSetAggregate));
  const rows: ComparisonRow[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const row = (a.get(key) ?? b.get(key))!.row;
    const s = a.get(key)?.stats ?? ABSENT;
    const base = b.get(key)?.stats ?? ABSENT;
    rows.push({
      key,
      label: row.label,
      parts: row.parts,
      slow: s,
      baseline: base,
      criticalPathDelta: s.criticalPathPerTrace - base.criticalPathPerTrace,
      selfDelta: s.selfPerTrace - base.selfPerTrace,
      shareDelta: s.criticalPathShare - base.criticalPathShare,
    });
  }
  return rows.sort(
    (x, y) =>
      Math.abs(y.criticalPathDelta) - Math.abs(x.criticalPathDelta) ||
      Math.abs(y.selfDelta) - Math.abs(x.selfDelta) ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  );
}
