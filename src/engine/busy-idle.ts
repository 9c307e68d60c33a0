/**
 * Busy vs idle time per service. For a service S:
 * - `active`: time S had at least one span open (union of its spans' effective intervals);
 * - `busy`: time S was doing its own work (union of the self intervals of its spans — the parts
 *   not covered by any child, whatever service the child belongs to);
 * - `waiting`: `active − busy`, time S had spans open but all of them were waiting on children
 *   (downstream services, or queued async work).
 * Shares use the trace duration as denominator. O(n) plus two radix sorts. `sumServiceBusyIdle`
 * sums these per service over a set of traces.
 */
import { TraceAnalysis } from './analyze';
import { groupSpans } from './grouping';
import { unionLengthByGroup } from './interval-union';
import { selfTimeOf } from './self-time';

export interface ServiceBusyIdle {
  service: string;
  spanCount: number;
  /** ns */
  active: number;
  busy: number;
  waiting: number;
  /** busy / trace duration */
  busyShare: number;
  /** the trace duration, ns */
  shareDenominator: number;
}

/** Busy/idle per service, busiest first. */
export function serviceBusyIdle(analysis: TraceAnalysis): ServiceBusyIdle[] {
  const { trace, tree, intervals, duration } = analysis;
  const n = trace.spanCount;
  const grouping = groupSpans(trace, { kind: 'service' });
  const groups = grouping.keys.length;
  const active = unionLengthByGroup(grouping.groupOf, intervals.effStart, intervals.effEnd, groups);
  const flat: number[] = [];
  const owner: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = flat.length;
    selfTimeOf(tree, intervals, i, flat);
    for (let k = before; k < flat.length; k += 2) {
      owner.push(grouping.groupOf[i]);
    }
  }
  const m = owner.length;
  const gapStart = new Float64Array(m);
  const gapEnd = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    gapStart[k] = flat[2 * k];
    gapEnd[k] = flat[2 * k + 1];
  }
  const busy = unionLengthByGroup(Uint32Array.from(owner), gapStart, gapEnd, groups);
  const spanCount = new Uint32Array(groups);
  for (let i = 0; i < n; i++) {
    spanCount[grouping.groupOf[i]]++;
  }
  const rows: ServiceBusyIdle[] = [];
  for (let g = 0; g < groups; g++) {
    rows.push({
      service: grouping.parts[g][0] as string,
      spanCount: spanCount[g],
      active: active[g],
      busy: busy[g],
      waiting: active[g] - busy[g],
      busyShare: duration > 0 ? busy[g] / duration : 0,
      shareDenominator: duration,
    });
  }
  return rows.sort((a, b) => b.busy - a.busy || (a.service < b.service ? -1 : 1));
}

/** Busy/idle of one service summed over a set of traces. */
export interface ServiceBusyIdleSums {
  service: string;
  /** the service's spans in all the traces */
  spanCount: number;
  /** ns, summed over the traces */
  busy: number;
  waiting: number;
  /** traces the service has spans in */
  traces: number;
}

/** Busy/idle per service summed over `analyses`, services in first-seen order. O(spans of all traces). */
export function sumServiceBusyIdle(analyses: readonly TraceAnalysis[]): ServiceBusyIdleSums[] {
  const byService = new Map<string, ServiceBusyIdleSums>();
  for (const analysis of analyses) {
    for (const s of serviceBusyIdle(analysis)) {
      const sums = byService.get(s.service) ?? { service: s.service, spanCount: 0, busy: 0, waiting: 0, traces: 0 };
      sums.spanCount += s.spanCount;
      sums.busy += s.busy;
      sums.waiting += s.waiting;
      sums.traces++;
      byService.set(s.service, sums);
    }
  }
  return [...byService.values()];
}
