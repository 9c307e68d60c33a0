/**
 * Breakdown summed over many traces. Per component (grouping.ts): traces containing it, span
 * count, summed duration / self / critical-path time, and exact nearest-rank p50/p90/p99
 * (percentile.ts) of (a) its span durations and (b) its per-trace self and critical-path time
 * over the traces containing it. Shares use the summed trace durations as the denominator.
 * Also builds the merged call tree (call-tree.ts). O(total spans + Σ values·log values).
 */
import { TraceAnalysis } from './analyze';
import { byCriticalPath, groupTotals } from './breakdown';
import { buildCallTree, CallTree } from './call-tree';
import { GroupBy, Grouping, groupSpans } from './grouping';
import { Percentiles, percentiles } from './percentile';

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

/** Growable float64 list. */
class Values {
  data = new Float64Array(8);
  n = 0;

  push(v: number): void {
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.n * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = v;
  }

  percentiles(): Percentiles {
    return percentiles(this.data.subarray(0, this.n));
  }
}

interface Accumulator {
  key: string;
  label: string;
  parts: Array<string | null>;
  traces: number;
  count: number;
  total: number;
  self: number;
  critical: number;
  min: number;
  max: number;
  durations: Values;
  selfPerTrace: Values;
  criticalPerTrace: Values;
}

/** Aggregates analysed traces by `groupBy` (default: operation). See the file header. */
export function aggregateTraces(analyses: readonly TraceAnalysis[], groupBy: GroupBy = { kind: 'operation' }): TraceSetAggregate {
  const byKey = new Map<string, Accumulator>();
  const traceDurations = new Float64Array(analyses.length);
  let totalDuration = 0;
  const operationGroupings: Grouping[] = [];
  analyses.forEach((analysis, t) => {
    const { trace } = analysis;
    traceDurations[t] = analysis.duration;
    totalDuration += analysis.duration;
    const grouping = groupSpans(trace, groupBy);
    if (groupBy.kind === 'operation') {
      operationGroupings.push(grouping);
    }
    const groups = grouping.keys.length;
    const sums = groupTotals(analysis, grouping.groupOf, groups);
    const acc: Accumulator[] = grouping.keys.map((key, g) => {
      let a = byKey.get(key);
      if (a === undefined) {
        a = {
          key,
          label: grouping.labels[g],
          parts: grouping.parts[g],
          traces: 0,
          count: 0,
          total: 0,
          self: 0,
          critical: 0,
          min: Infinity,
          max: 0,
          durations: new Values(),
          selfPerTrace: new Values(),
          criticalPerTrace: new Values(),
        };
        byKey.set(key, a);
      }
      a.traces++;
      a.count += sums.count[g];
      a.total += sums.total[g];
      a.self += sums.self[g];
      a.critical += sums.critical[g];
      a.min = Math.min(a.min, sums.min[g]);
      a.max = Math.max(a.max, sums.max[g]);
      a.selfPerTrace.push(sums.self[g]);
      a.criticalPerTrace.push(sums.critical[g]);
      return a;
    });
    for (let i = 0; i < trace.spanCount; i++) {
      acc[grouping.groupOf[i]].durations.push(trace.end[i] - trace.start[i]);
    }
  });
  const rows: AggregateRow[] = [...byKey.values()].map((a) => ({
    key: a.key,
    label: a.label,
    parts: a.parts,
    traces: a.traces,
    count: a.count,
    total: a.total,
    selfTotal: a.self,
    criticalPath: a.critical,
    duration: { ...a.durations.percentiles(), min: a.min, avg: a.total / a.count, max: a.max },
    selfPerTrace: a.selfPerTrace.percentiles(),
    criticalPathPerTrace: a.criticalPerTrace.percentiles(),
    selfShare: totalDuration > 0 ? a.self / totalDuration : 0,
    criticalPathShare: totalDuration > 0 ? a.critical / totalDuration : 0,
    shareDenominator: totalDuration,
  }));
  return {
    traceCount: analyses.length,
    totalDuration,
    traceDuration: percentiles(traceDurations),
    rows: rows.sort(byCriticalPath),
    callTree: buildCallTree(analyses, groupBy.kind === 'operation' ? operationGroupings : undefined),
  };
}
