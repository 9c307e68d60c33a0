/**
 * Compares two trace sets (e.g. slow vs baseline) component by component. For each component
 * present in either set: mean critical-path time and mean self time per trace (sum over the set
 * divided by its trace count, so components absent from a trace count as 0) and the share of
 * the set's summed trace duration on the critical path. Rows are ranked by the absolute
 * difference in mean critical-path time per trace — the components that explain most of the
 * difference in trace duration first — then by the self-time difference, then by key.
 * Works on per-group columns (group-sums.ts), joined by group id: two sets given as traces are
 * summed into columns numbered by one shared group index, trace by trace (`TraceSetComparer`
 * compares two sets while their traces arrive; no percentiles, rows or call tree are made for
 * them); aggregates made apart (aggregate.ts) are joined through a fresh index (`adopt`). Only
 * the top N = `COMPARE_ROWS` (1000) components by absolute critical-path difference (ties at the
 * cut: larger absolute self-time difference, then first seen) become rows; the rest are summed
 * into `other` (their means per trace and shares summed, and how many components it merges).
 * O(total spans + components) for the aggregations and the join, O(N log N) for the rows.
 */
import { TraceSetAggregate } from './aggregate';
import { TraceAnalysis } from './analyze';
import { AggregateColumns, GroupSums } from './group-sums';
import { GroupBy, GroupIndex } from './grouping';
import { idRange, topIds } from './top-n';

/** Components compared one by one before the rest merge into "other". */
export const COMPARE_ROWS = 1000;

export interface SideStats {
  /** traces of the set containing the component */
  traces: number;
  /** mean per trace of the set, ns */
  criticalPathPerTrace: number;
  selfPerTrace: number;
  /** critical-path time / summed trace durations of the set */
  criticalPathShare: number;
}

/** slow − baseline of the measures of `SideStats` */
export interface Deltas {
  /** ns per trace */
  criticalPathDelta: number;
  selfDelta: number;
  /** slow share − baseline share */
  shareDelta: number;
}

export interface ComparisonRow extends Deltas {
  key: string;
  label: string;
  parts: Array<string | null>;
  slow: SideStats;
  baseline: SideStats;
}

/** The components without a row, summed (the traces containing them are not counted). */
export interface ComparisonOther extends Deltas {
  /** components merged */
  components: number;
  slow: Omit<SideStats, 'traces'>;
  baseline: Omit<SideStats, 'traces'>;
}

export interface TraceSetComparison {
  rows: ComparisonRow[];
  /** null when every component has a row */
  other: ComparisonOther | null;
}

/** What a side is compared on: its per-group columns, named by `groups`. */
type SideSums = Pick<TraceSetAggregate, 'columns' | 'groups' | 'traceCount' | 'totalDuration'>;

/** One side's sums by the groups of a shared index, trace by trace. */
class SideAccumulator {
  private readonly sums = new GroupSums(false);
  private groupOf = new Uint32Array(0);

  constructor(private readonly groups: GroupIndex) {}

  add(analysis: TraceAnalysis): void {
    if (this.groupOf.length < analysis.trace.spanCount) {
      this.groupOf = new Uint32Array(analysis.trace.spanCount);
    }
    this.groups.assign(analysis.trace, this.groupOf);
    this.sums.add(analysis, this.groupOf, this.groups.size);
  }

  /** The sums so far (the columns are views: valid until the next `add`). */
  sideSums(): SideSums {
    const { sums, groups } = this;
    return { columns: sums.columns(), groups, traceCount: sums.traceCount, totalDuration: sums.totalDuration };
  }
}

/**
 * Two trace sets compared as their traces arrive: `add` costs O(spans of the trace), `snapshot`
 * the comparison of the traces added so far, O(components) plus the ranking (see the file
 * header), and does not stop further adds.
 */
export class TraceSetComparer {
  private readonly groups: GroupIndex;
  private readonly slow: SideAccumulator;
  private readonly baseline: SideAccumulator;

  constructor(groupBy: GroupBy = { kind: 'operation' }) {
    this.groups = new GroupIndex(groupBy);
    this.slow = new SideAccumulator(this.groups);
    this.baseline = new SideAccumulator(this.groups);
  }

  add(side: 'slow' | 'baseline', analysis: TraceAnalysis): void {
    this[side].add(analysis);
  }

  /** The comparison so far; `rows` components at most (default COMPARE_ROWS). */
  snapshot(rows = COMPARE_ROWS): TraceSetComparison {
    return compareSums(this.slow.sideSums(), this.baseline.sideSums(), rows);
  }
}

/** One side's columns indexed by the joint group ids. */
interface Side {
  traces: Float64Array;
  critical: Float64Array;
  self: Float64Array;
  traceCount: number;
  totalDuration: number;
}

/** Joint id of each group of `set` (`set.groups` adopted into `joint` unless it is it). */
function jointIds(set: SideSums, joint: GroupIndex): Uint32Array {
  const ids = idRange(0, set.columns.size);
  if (set.groups !== joint) {
    for (let g = 0; g < ids.length; g++) {
      ids[g] = joint.adopt(set.groups, g);
    }
  }
  return ids;
}

/** `set`'s columns re-indexed by joint ids `ids` (`size` of them). */
function sideOf(set: SideSums, ids: Uint32Array, size: number): Side {
  const pick = (column: AggregateColumns['self']) => {
    const out = new Float64Array(size);
    for (let g = 0; g < ids.length; g++) {
      out[ids[g]] = column[g];
    }
    return out;
  };
  return {
    traces: pick(set.columns.traces),
    critical: pick(set.columns.critical),
    self: pick(set.columns.self),
    traceCount: set.traceCount,
    totalDuration: set.totalDuration,
  };
}

/** Mean per trace and share of one side for sums `critical` and `self`. */
function stats(side: Side, critical: number, self: number): Omit<SideStats, 'traces'> {
  const n = Math.max(1, side.traceCount);
  return {
    criticalPathPerTrace: critical / n,
    selfPerTrace: self / n,
    criticalPathShare: side.totalDuration > 0 ? critical / side.totalDuration : 0,
  };
}

function deltas(s: Omit<SideStats, 'traces'>, b: Omit<SideStats, 'traces'>): Deltas {
  return {
    criticalPathDelta: s.criticalPathPerTrace - b.criticalPathPerTrace,
    selfDelta: s.selfPerTrace - b.selfPerTrace,
    shareDelta: s.criticalPathShare - b.criticalPathShare,
  };
}

/**
 * Ranked per-component differences between `slow` and `baseline` (analysed traces, or
 * aggregates made with the same `groupBy`); `rows` components at most (default COMPARE_ROWS).
 */
export function compareTraceSets(
  slow: readonly TraceAnalysis[] | TraceSetAggregate,
  baseline: readonly TraceAnalysis[] | TraceSetAggregate,
  groupBy: GroupBy = { kind: 'operation' },
  rows = COMPARE_ROWS
): TraceSetComparison {
  const shared = new GroupIndex(groupBy);
  const sumsOf = (set: readonly TraceAnalysis[] | TraceSetAggregate): SideSums => {
    if (!Array.isArray(set)) {
      return set as TraceSetAggregate;
    }
    const side = new SideAccumulator(shared);
    set.forEach((analysis: TraceAnalysis) => side.add(analysis));
    return side.sideSums();
  };
  return compareSums(sumsOf(slow), sumsOf(baseline), rows);
}

/** Ranked per-component differences of two sides' sums (see the file header). */
function compareSums(slowSet: SideSums, baseSet: SideSums, rows: number): TraceSetComparison {
  const joint = slowSet.groups === baseSet.groups ? slowSet.groups : new GroupIndex(slowSet.groups.groupBy);
  const slowIds = jointIds(slowSet, joint);
  const baseIds = jointIds(baseSet, joint);
  const size = joint.size;
  const a = sideOf(slowSet, slowIds, size);
  const b = sideOf(baseSet, baseIds, size);
  const criticalGap = new Float64Array(size);
  const selfGap = new Float64Array(size);
  const na = Math.max(1, a.traceCount);
  const nb = Math.max(1, b.traceCount);
  for (let g = 0; g < size; g++) {
    criticalGap[g] = Math.abs(a.critical[g] / na - b.critical[g] / nb);
    selfGap[g] = Math.abs(a.self[g] / na - b.self[g] / nb);
  }
  const chosen = topIds(idRange(0, size), rows, criticalGap, selfGap);
  const out: ComparisonRow[] = Array.from(chosen, (g) => {
    const s = { traces: a.traces[g], ...stats(a, a.critical[g], a.self[g]) };
    const base = { traces: b.traces[g], ...stats(b, b.critical[g], b.self[g]) };
    return {
      key: joint.keyOf(g),
      label: joint.labelOf(g),
      parts: joint.partsOf(g),
      slow: s,
      baseline: base,
      ...deltas(s, base),
    };
  });
  out.sort(
    (x, y) =>
      Math.abs(y.criticalPathDelta) - Math.abs(x.criticalPathDelta) ||
      Math.abs(y.selfDelta) - Math.abs(x.selfDelta) ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  );
  let other: ComparisonOther | null = null;
  if (chosen.length < size) {
    const isRow = new Uint8Array(size);
    chosen.forEach((g) => (isRow[g] = 1));
    const sum = { ac: 0, as: 0, bc: 0, bs: 0 };
    for (let g = 0; g < size; g++) {
      if (isRow[g] === 0) {
        sum.ac += a.critical[g];
        sum.as += a.self[g];
        sum.bc += b.critical[g];
        sum.bs += b.self[g];
      }
    }
    const s = stats(a, sum.ac, sum.as);
    const base = stats(b, sum.bc, sum.bs);
    other = { components: size - chosen.length, slow: s, baseline: base, ...deltas(s, base) };
  }
  return { rows: out, other };
}
