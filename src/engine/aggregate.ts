/**
 * Breakdown summed over many traces. Per component (grouping.ts): traces containing it, span
 * count, summed duration / self / critical-path time and min/max span duration, in columns
 * indexed by group id (`columns`: typed arrays, every group, no object per group). Shares use
 * the summed trace durations as the denominator.
 * Rows: every group is a row (`rows`, ordered by critical-path time, then self time, then key)
 * unless there are more than N = `AGGREGATE_ROWS` (1000) groups. Then the rows are the groups in
 * the top N by critical-path time (ties at the cut: larger self time, then first seen), by self
 * time, or by total span time (ties: first seen) — at most 3N, so a view ranking by any of the
 * three sees its top N — and every other group is summed into `other`: its sums, its span count,
 * the traces containing any of them, how many groups it merges, and percentiles of the merged
 * groups taken as ONE component (their span durations pooled; per trace, the self and
 * critical-path time of all of them in that trace summed). Rows and `other` together hold every
 * span: their sums equal the columns' sums.
 * Each row has exact nearest-rank p50/p90/p99 (percentile.ts) of (a) its span durations and
 * (b) its per-trace self and critical-path time over the traces containing it.
 * Also builds the merged call tree (call-tree.ts, bounded the same way), unless told not to
 * (`callTree: false`: a view without a flame graph skips its pass). Traces are added one
 * at a time (`TraceSetAccumulator`, so a view can fill in as traces arrive; `aggregateTraces`
 * adds a list and takes one snapshot): one pass over each trace with group ids shared by all of
 * them (grouping.ts `GroupIndex`: per trace, only its distinct strings are hashed), then, per
 * snapshot, the percentiles of the rows in one batch (a counting pass
 * and selection, no full sorts) and the row choice by selection (top-n.ts): O(total spans +
 * groups) in practice, O(total spans · log) at worst; memory O(total spans + groups) in typed
 * arrays plus O(N) row objects.
 */
import { TraceAnalysis } from './analyze';
import { byCriticalPath } from './breakdown';
import { CallTree, CallTreeBuilder, CallTreeLimits } from './call-tree';
import { AggregateColumns, GroupSums, withRoom } from './group-sums';
import { GroupBy, GroupIndex } from './grouping';
import { Percentiles, percentiles, percentilesByGroup } from './percentile';
import { idRange, topIds } from './top-n';

/** Rows kept per ranking before the rest merge into "other" (see the file header). */
export const AGGREGATE_ROWS = 1000;

/** Sums of the components of a row (or of those merged into "other"). */
export interface AggregateSums {
  /** traces containing the component */
  traces: number;
  count: number;
  /** sums over all traces, ns */
  total: number;
  selfTotal: number;
  criticalPath: number;
  /** span durations, ns */
  duration: Percentiles & { min: number; avg: number; max: number };
  /** per-trace self time over the traces containing the component, ns */
  selfPerTrace: Percentiles;
  /** per-trace critical-path time over the traces containing the component, ns */
  criticalPathPerTrace: Percentiles;
  selfShare: number;
  criticalPathShare: number;
  /** summed trace durations, ns */
  shareDenominator: number;
}

export interface AggregateRow extends AggregateSums {
  key: string;
  label: string;
  parts: Array<string | null>;
}

/** The groups without a row of their own, as one component (see the file header). */
export interface AggregateOther extends AggregateSums {
  /** groups merged */
  groups: number;
}

export type { AggregateColumns } from './group-sums';

export interface TraceSetAggregate {
  traceCount: number;
  /** summed trace durations, ns */
  totalDuration: number;
  /** trace durations, ns */
  traceDuration: Percentiles;
  rows: AggregateRow[];
  /** the groups merged for lack of room, null when every group has a row */
  other: AggregateOther | null;
  /** every group's sums */
  columns: AggregateColumns;
  /** names of the group ids of `columns` */
  groups: GroupIndex;
  /** null when the options asked for none */
  callTree: CallTree | null;
}

export interface AggregateOptions {
  /** rows per ranking (default AGGREGATE_ROWS) */
  rows?: number;
  /** bounds of the call tree (default call-tree.ts's); false: build none */
  callTree?: CallTreeLimits | false;
}

/** Groups given a row: all, or the union of the three top-N rankings (see the file header). */
function rowGroups(columns: AggregateColumns, n: number): Uint32Array {
  const all = idRange(0, columns.size);
  if (columns.size <= n) {
    return all;
  }
  const chosen = new Uint8Array(columns.size);
  const rankings = [
    topIds(all, n, columns.critical, columns.self),
    topIds(all, n, columns.self),
    topIds(all, n, columns.total),
  ];
  for (const ids of rankings) {
    for (const g of ids) {
      chosen[g] = 1;
    }
  }
  return all.filter((g) => chosen[g] === 1);
}

/** `ids[k] = to[ids[k]]` for k < n. */
function renumber(ids: Uint32Array, n: number, to: Uint32Array): void {
  for (let k = 0; k < n; k++) {
    ids[k] = to[ids[k]];
  }
}

/**
 * Merges the per-(trace, group) values of each trace's "other" groups into one value per trace,
 * in place: entries [start[t], start[t+1]) belong to trace t; `row[k]` is entry k's row, `other`
 * the row of "other". Returns the new entry count and the traces holding an "other" entry.
 */
function mergeOtherPerTrace(
  row: Uint32Array,
  self: Float64Array,
  critical: Float64Array,
  start: readonly number[],
  other: number
): { entries: number; traces: number } {
  let w = 0;
  let traces = 0;
  for (let t = 0; t + 1 < start.length; t++) {
    let otherSelf = 0;
    let otherCritical = 0;
    let found = false;
    for (let k = start[t]; k < start[t + 1]; k++) {
      if (row[k] === other) {
        otherSelf += self[k];
        otherCritical += critical[k];
        found = true;
      } else {
        row[w] = row[k];
        self[w] = self[k];
        critical[w] = critical[k];
        w++;
      }
    }
    if (found) {
      row[w] = other;
      self[w] = otherSelf;
      critical[w] = otherCritical;
      w++;
      traces++;
    }
  }
  return { entries: w, traces };
}

/**
 * Aggregates traces one at a time (see the file header): `add` costs O(spans of the trace),
 * `snapshot` the aggregate of the traces added so far, O(spans added + groups) (the percentiles
 * and the row choice run over everything added). A view filling in while traces arrive snapshots
 * now and then, not per trace (app/useManyTraces.ts throttles), so the snapshots do not make the
 * total quadratic. The result does not depend on the order of `add`, except for the order of
 * first appearance that breaks ties (sums may differ in the last bits of rounding).
 */
export class TraceSetAccumulator {
  private readonly groups: GroupIndex;
  /** the call tree's builder and its operation ids (the groups' when grouped by operation), if one is built */
  private readonly callTree: { builder: CallTreeBuilder; operations: GroupIndex } | null;
  private groupOf = new Uint32Array(0);
  private opOf = new Uint32Array(0);
  private readonly sums: GroupSums;
  private traceDurations = new Float64Array(64);

  /** `spans`: the spans that will be added when known (room made at once; default: grow). */
  constructor(
    groupBy: GroupBy = { kind: 'operation' },
    private readonly options: AggregateOptions = {},
    spans = Infinity
  ) {
    this.groups = new GroupIndex(groupBy);
    this.callTree =
      options.callTree === false
        ? null
        : {
            builder: new CallTreeBuilder(spans),
            operations: groupBy.kind === 'operation' ? this.groups : new GroupIndex({ kind: 'operation' }),
          };
    this.sums = new GroupSums(true, Number.isFinite(spans) ? spans : 0);
  }

  /** Traces added so far. */
  get traceCount(): number {
    return this.sums.traceCount;
  }

  add(analysis: TraceAnalysis): void {
    const n = analysis.trace.spanCount;
    if (this.groupOf.length < n) {
      this.groupOf = new Uint32Array(n);
      // operation ids of their own only for a call tree over another grouping
      this.opOf = this.callTree && this.callTree.operations !== this.groups ? new Uint32Array(n) : this.groupOf;
    }
    const { groups, callTree, groupOf, opOf } = this;
    const t = this.sums.traceCount;
    this.traceDurations = withRoom(this.traceDurations, t + 1);
    this.traceDurations[t] = analysis.duration;
    groups.assign(analysis.trace, groupOf);
    if (callTree) {
      if (opOf !== groupOf) {
        callTree.operations.assign(analysis.trace, opOf);
      }
      callTree.builder.add(analysis, opOf);
    }
    this.sums.add(analysis, groupOf, groups.size);
  }

  /** The aggregate of the traces added so far; adding more afterwards does not change it. */
  snapshot(): TraceSetAggregate {
    const { sums, groups, options } = this;
    const { totalDuration, spans, spanDuration, entrySelf, entryCritical } = sums;
    const columns = copyColumns(sums.columns());
    const size = columns.size;
    const chosen = rowGroups(columns, options.rows ?? AGGREGATE_ROWS);
    // row index of every group; "other" is row `others`
    // (when every group has a row, chosen is 0 .. size-1: group ids are row indices already)
    const others = chosen.length;
    const rowOf = new Uint32Array(size).fill(others);
    chosen.forEach((g, r) => (rowOf[g] = r));
    // with an "other" row, span and entry groups are renumbered to rows on copies: the sums go on
    let { spanGroup, entryGroup } = sums;
    let merged = { entries: sums.entries, traces: 0, self: entrySelf, critical: entryCritical };
    if (others < size) {
      spanGroup = spanGroup.slice(0, spans);
      entryGroup = entryGroup.slice(0, sums.entries);
      renumber(spanGroup, spans, rowOf);
      renumber(entryGroup, sums.entries, rowOf);
      const self = entrySelf.slice(0, sums.entries);
      const critical = entryCritical.slice(0, sums.entries);
      merged = { ...mergeOtherPerTrace(entryGroup, self, critical, sums.entryStart, others), self, critical };
    }
    const duration = percentilesByGroup(spanGroup, spanDuration, spans, others + 1);
    const selfPerTrace = percentilesByGroup(entryGroup, merged.self, merged.entries, others + 1);
    const criticalPerTrace = percentilesByGroup(entryGroup, merged.critical, merged.entries, others + 1);
    const rowSums = (
      r: number,
      traces: number,
      count: number,
      total: number,
      self: number,
      critical: number,
      min: number,
      max: number
    ): AggregateSums => ({
      traces,
      count,
      total,
      selfTotal: self,
      criticalPath: critical,
      duration: { ...duration[r], min, avg: total / count, max },
      selfPerTrace: selfPerTrace[r],
      criticalPathPerTrace: criticalPerTrace[r],
      selfShare: totalDuration > 0 ? self / totalDuration : 0,
      criticalPathShare: totalDuration > 0 ? critical / totalDuration : 0,
      shareDenominator: totalDuration,
    });
    const rows: AggregateRow[] = Array.from(chosen, (g, r) => ({
      key: groups.keyOf(g),
      label: groups.labelOf(g),
      parts: groups.partsOf(g),
      ...rowSums(
        r,
        columns.traces[g],
        columns.count[g],
        columns.total[g],
        columns.self[g],
        columns.critical[g],
        columns.min[g],
        columns.max[g]
      ),
    }));
    let other: AggregateOther | null = null;
    if (others < size) {
      const o = { count: 0, total: 0, self: 0, critical: 0, min: Infinity, max: 0 };
      for (let g = 0; g < size; g++) {
        if (rowOf[g] === others) {
          o.count += columns.count[g];
          o.total += columns.total[g];
          o.self += columns.self[g];
          o.critical += columns.critical[g];
          o.min = Math.min(o.min, columns.min[g]);
          o.max = Math.max(o.max, columns.max[g]);
        }
      }
      other = {
        groups: size - others,
        ...rowSums(others, merged.traces, o.count, o.total, o.self, o.critical, o.min, o.max),
      };
    }
    return {
      traceCount: sums.traceCount,
      totalDuration,
      traceDuration: percentiles(this.traceDurations.slice(0, sums.traceCount)),
      rows: rows.sort(byCriticalPath),
      other,
      columns,
      groups,
      callTree: this.callTree && this.callTree.builder.result(this.callTree.operations, options.callTree || undefined),
    };
  }
}

/** `columns` copied (a snapshot's own, unchanged by later adds). */
function copyColumns(columns: AggregateColumns): AggregateColumns {
  const { size, traces, count, total, self, critical, min, max } = columns;
  return {
    size,
    traces: traces.slice(),
    count: count.slice(),
    total: total.slice(),
    self: self.slice(),
    critical: critical.slice(),
    min: min.slice(),
    max: max.slice(),
  };
}

/** Aggregates analysed traces by `groupBy` (default: operation): accumulated, then one snapshot. */
export function aggregateTraces(
  analyses: readonly TraceAnalysis[],
  groupBy: GroupBy = { kind: 'operation' },
  options: AggregateOptions = {}
): TraceSetAggregate {
  let spans = 0;
  for (const { trace } of analyses) {
    spans += trace.spanCount;
  }
  const accumulator = new TraceSetAccumulator(groupBy, options, spans);
  for (const analysis of analyses) {
    accumulator.add(analysis);
  }
  return accumulator.snapshot();
}
