/**
 * Per-group sums over many traces, in typed columns indexed by group id (grouping.ts
 * `GroupIndex`): traces containing the group, span count, summed span duration, self time and
 * critical-path time, min and max span duration (ns). Optionally keeps what percentiles need:
 * each span's (group, duration), and per (trace, group) the trace's self and critical-path time
 * of the group, trace t's entries being [entryStart[t], entryStart[t+1]). One pass over each
 * trace's spans with two ints of bookkeeping per group (the last trace that touched it, its
 * entry there): O(spans) per trace, amortised O(1) per new group, no object per group.
 */
import { TraceAnalysis } from './analyze';

/** Per group id (0 .. size-1): the sums, ns. */
export interface AggregateColumns {
  readonly size: number;
  readonly traces: Float64Array;
  readonly count: Float64Array;
  readonly total: Float64Array;
  readonly self: Float64Array;
  readonly critical: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
}

/**
 * `a` if it has room for `size` values, else a copy with room for at least `factor` times as many
 * (default 2), but not more than `limit` (≥ size) when given.
 */
export function withRoom<T extends Uint32Array | Float64Array>(a: T, size: number, limit = Infinity, factor = 2): T {
  if (size <= a.length) {
    return a;
  }
  const bigger = new (a.constructor as new (n: number) => T)(Math.min(limit, Math.max(size, factor * a.length)));
  bigger.set(a);
  return bigger;
}

export class GroupSums {
  /** Idle instance: keeps this class's object shape alive across full GCs (see OtlpJsonReader.shapeKeeper). */
  static readonly shapeKeeper: GroupSums = new GroupSums(false);

  traceCount = 0;
  /** summed trace durations, ns */
  totalDuration = 0;
  /** groups with a column entry */
  size = 0;
  private traces = new Float64Array(64);
  private count = new Float64Array(64);
  private total = new Float64Array(64);
  private self = new Float64Array(64);
  private critical = new Float64Array(64);
  private min = new Float64Array(64);
  private max = new Float64Array(64);
  /** per group: 1 + the last trace that touched it (0: none) */
  private lastTrace = new Uint32Array(64);
  /** per group: its entry in the last trace that touched it */
  private entryOf = new Uint32Array(64);
  // kept values (when `keepValues`)
  spans = 0;
  spanGroup = new Uint32Array(0);
  spanDuration = new Float64Array(0);
  entries = 0;
  entryGroup = new Uint32Array(0);
  entrySelf = new Float64Array(0);
  entryCritical = new Float64Array(0);
  readonly entryStart: number[] = [0];

  /** `keepValues`: keep the values for percentiles; `spanRoom`: spans to make room for at once. */
  constructor(
    private readonly keepValues: boolean,
    spanRoom = 0
  ) {
    if (keepValues) {
      this.spanGroup = new Uint32Array(spanRoom);
      this.spanDuration = new Float64Array(spanRoom);
    }
  }

  /** Adds the spans of `analysis`; `groupOf[i]` is span i's group id, all below `groups`. */
  add(analysis: TraceAnalysis, groupOf: Uint32Array, groups: number): void {
    const { trace, selfTime } = analysis;
    const perSpanCritical = analysis.criticalPath.perSpan;
    const n = trace.spanCount;
    const mark = ++this.traceCount;
    this.totalDuration += analysis.duration;
    this.reserve(groups, n);
    const { traces, count, total, self, critical, min, max, lastTrace, entryOf } = this;
    const { keepValues, spanGroup, spanDuration, entryGroup, entrySelf, entryCritical } = this;
    const { start, end } = trace;
    let spans = this.spans;
    let entries = this.entries;
    for (let i = 0; i < n; i++) {
      const g = groupOf[i];
      const d = end[i] - start[i];
      const s = selfTime[i];
      const c = perSpanCritical[i];
      if (lastTrace[g] !== mark) {
        lastTrace[g] = mark;
        if (traces[g]++ === 0) {
          min[g] = Infinity;
        }
        if (keepValues) {
          entryOf[g] = entries;
          entryGroup[entries] = g;
          entrySelf[entries] = 0;
          entryCritical[entries] = 0;
          entries++;
        }
      }
      count[g]++;
      total[g] += d;
      self[g] += s;
      critical[g] += c;
      min[g] = d < min[g] ? d : min[g];
      max[g] = d > max[g] ? d : max[g];
      if (keepValues) {
        const e = entryOf[g];
        entrySelf[e] += s;
        entryCritical[e] += c;
        spanGroup[spans] = g;
        spanDuration[spans] = d;
        spans++;
      }
    }
    this.spans = spans;
    this.entries = entries;
    this.entryStart.push(entries);
  }

  /** The columns (views of the current arrays: valid until the next `add`). */
  columns(): AggregateColumns {
    const size = this.size;
    return {
      size,
      traces: this.traces.subarray(0, size),
      count: this.count.subarray(0, size),
      total: this.total.subarray(0, size),
      self: this.self.subarray(0, size),
      critical: this.critical.subarray(0, size),
      min: this.min.subarray(0, size),
      max: this.max.subarray(0, size),
    };
  }

  /** Makes room for `groups` groups and, when values are kept, `spans` more spans and entries. */
  private reserve(groups: number, spans: number): void {
    this.size = Math.max(this.size, groups);
    this.traces = withRoom(this.traces, groups);
    this.count = withRoom(this.count, groups);
    this.total = withRoom(this.total, groups);
    this.self = withRoom(this.self, groups);
    this.critical = withRoom(this.critical, groups);
    this.min = withRoom(this.min, groups);
    this.max = withRoom(this.max, groups);
    this.lastTrace = withRoom(this.lastTrace, groups);
    this.entryOf = withRoom(this.entryOf, groups);
    if (this.keepValues) {
      this.spanGroup = withRoom(this.spanGroup, this.spans + spans);
      this.spanDuration = withRoom(this.spanDuration, this.spans + spans);
      this.entryGroup = withRoom(this.entryGroup, this.entries + spans);
      this.entrySelf = withRoom(this.entrySelf, this.entries + spans);
      this.entryCritical = withRoom(this.entryCritical, this.entries + spans);
    }
  }
}
