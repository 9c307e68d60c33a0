/**
 * Breakdown summed over many traces. Per component (grouping.ts): traces containing it, span
 * count, summed duration / self / critical-path time, and exact nearest-rank p50/p90/p99
 * (percentile.ts) of (a) its span durations and (b) its per-trace self and critical-path time
 * over the traces containing it. Shares use the summed trace durations as the denominator.
 * Also builds the merged call tree (call-tree.ts). One pass over the traces with group ids shared
 * by all of them (grouping.ts `GroupIndex`: per trace, only its distinct strings are hashed),
 * then the percentiles of every component in one batch (percentile.ts: a counting pass and
 * selection, no full sorts): O(total spans) in practice, O(total spans · log) at worst.
 */
import { TraceAnalysis } from './analyze';
import { byCriticalPath, GroupTotals } from './breakdown';
import { CallTree, CallTreeBuilder } from './call-tree';
import { GroupBy, GroupIndex } from './grouping';
import { Percentiles, percentiles, percentilesByGroup } from './percentile';

export interface AggregateRow {
  key: string;
  label: string;
  parts: Array<string | null>;
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

export interface TraceSetAggregate {
  traceCount: number;
  /** summed trace durations, ns */
  totalDuration: number;
  /** trace durations, ns */
  traceDuration: Percentiles;
  rows: AggregateRow[];
  callTree: CallTree;
}

interface Accumulator {
  traces: number;
  count: number;
  total: number;
  self: number;
  critical: number;
  min: number;
  max: number;
}

/** `a` if it has room for `size` values, else a copy with room for at least twice as many. */
function withRoom<T extends Uint32Array | Float64Array>(a: T, size: number): T {
  if (size <= a.length) {
    return a;
  }
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(size, 2 * a.length));
  bigger.set(a);
  return bigger;
}

/** Aggregates analysed traces by `groupBy` (default: operation). See the file header. */
export function aggregateTraces(analyses: readonly TraceAnalysis[], groupBy: GroupBy = { kind: 'operation' }): TraceSetAggregate {
  let spanTotal = 0;
  let spanMax = 0;
  for (const { trace } of analyses) {
    spanTotal += trace.spanCount;
    spanMax = Math.max(spanMax, trace.spanCount);
  }
  const groups = new GroupIndex(groupBy);
  const operations = groupBy.kind === 'operation' ? groups : new GroupIndex({ kind: 'operation' });
  const groupOf = new Uint32Array(spanMax);
  const opOf = operations === groups ? groupOf : new Uint32Array(spanMax);
  const callTree = new CallTreeBuilder(spanTotal);
  const totals = new GroupTotals();
  const acc: Accumulator[] = [];
  // values for the percentiles, each with its group: span durations, and per (trace, group)
  // the trace's self and critical-path time of the group
  const spanGroup = new Uint32Array(spanTotal);
  const spanDuration = new Float64Array(spanTotal);
  const perTraceRoom = Math.min(spanTotal, 16 * analyses.length);
  let perTraceGroup = new Uint32Array(perTraceRoom);
  let perTraceSelf = new Float64Array(perTraceRoom);
  let perTraceCritical = new Float64Array(perTraceRoom);
  let spans = 0;
  let perTrace = 0;
  const traceDurations = new Float64Array(analyses.length);
  let totalDuration = 0;
  for (let t = 0; t < analyses.length; t++) {
    const analysis = analyses[t];
    const { trace } = analysis;
    traceDurations[t] = analysis.duration;
    totalDuration += analysis.duration;
    groups.assign(trace, groupOf);
    if (opOf !== groupOf) {
      operations.assign(trace, opOf);
    }
    callTree.add(analysis, opOf);
    totals.reserve(groups.keys.length);
    totals.sum(analysis, groupOf);
    while (acc.length < groups.keys.length) {
      acc.push({ traces: 0, count: 0, total: 0, self: 0, critical: 0, min: Infinity, max: 0 });
    }
    perTraceGroup = withRoom(perTraceGroup, perTrace + totals.touchedCount);
    perTraceSelf = withRoom(perTraceSelf, perTrace + totals.touchedCount);
    perTraceCritical = withRoom(perTraceCritical, perTrace + totals.touchedCount);
    const { count, total, self, critical, min, max, touched } = totals;
    for (let k = 0; k < totals.touchedCount; k++) {
      const g = touched[k];
      const a = acc[g];
      a.traces++;
      a.count += count[g];
      a.total += total[g];
      a.self += self[g];
      a.critical += critical[g];
      a.min = Math.min(a.min, min[g]);
      a.max = Math.max(a.max, max[g]);
      perTraceGroup[perTrace] = g;
      perTraceSelf[perTrace] = self[g];
      perTraceCritical[perTrace] = critical[g];
      perTrace++;
    }
    const { start, end } = trace;
    for (let i = 0; i < trace.spanCount; i++) {
      spanGroup[spans] = groupOf[i];
      spanDuration[spans] = end[i] - start[i];
      spans++;
    }
  }
  const groupCount = groups.keys.length;
  const duration = percentilesByGroup(spanGroup, spanDuration, spans, groupCount);
  const selfPerTrace = percentilesByGroup(perTraceGroup, perTraceSelf, perTrace, groupCount);
  const criticalPerTrace = percentilesByGroup(perTraceGroup, perTraceCritical, perTrace, groupCount);
  const rows: AggregateRow[] = acc.map((a, g) => ({
    key: groups.keys[g],
    label: groups.labels[g],
    parts: groups.parts[g],
    traces: a.traces,
    count: a.count,
    total: a.total,
    selfTotal: a.self,
    criticalPath: a.critical,
    duration: { ...duration[g], min: a.min, avg: a.total / a.count, max: a.max },
    selfPerTrace: selfPerTrace[g],
    criticalPathPerTrace: criticalPerTrace[g],
    selfShare: totalDuration > 0 ? a.self / totalDuration : 0,
    criticalPathShare: totalDuration > 0 ? a.critical / totalDuration : 0,
    shareDenominator: totalDuration,
  }));
  return {
    traceCount: analyses.length,
    totalDuration,
    traceDuration: percentiles(traceDurations),
    rows: rows.sort(byCriticalPath),
    callTree: callTree.result(operations),
  };
}
