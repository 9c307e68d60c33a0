/**
 * Critical path: the chain of work that determined when the trace ended.
 *
 * Children of a span `x` are of two sorts:
 * - *sync*: `x` waits for it. A child that is not async and ends (effectively) by `x`'s end.
 * - *async*: `x` does not wait for it. A CONSUMER, a FOLLOWS_FROM child (`FLAG_ASYNC`, tree.ts),
 *   or any child that outlives `x` (`x` ended without waiting for it: fire-and-forget work).
 * The *reach* of a span is the latest effective end in its subtree.
 *
 * Rule. The path stays with the synchronous chain while that chain runs; async work is on the
 * path only for the time it runs after every span that did not wait for it has ended. The walk
 * runs backwards from the trace end, at a span `x` with a time `t` and a floor `f` (nothing at or
 * before `f` is explained here; sections are clipped to `(f, t]`):
 * - Tail (`t` > end(x): work under `x` went on after `x` ended): among `x`'s children whose reach
 *   is after end(x), take the one with the latest reach ≤ `t` (ties: the later-starting, then the
 *   larger id), `c`; descend into `c` with `t = reach(c)` and floor `max(f, end(x))` — `x`'s own
 *   time is `x`'s, never its async child's — then continue with `t = max(start(c), end(x))`. With
 *   no such child left, continue with `t = end(x)`.
 * - Own time (`t` ≤ end(x)): among `x`'s sync children that ended at or before `t`
 *   (happens-before: a child still running at `t` is not what `x` waited for at `t`), take the one
 *   that ended last, `c` (ties as above). `(end(c), t]` is `x`'s own blocking work; descend into
 *   `c` with `t = end(c)`, then continue in `x` with `t = start(c)`. With none left, `x` owns
 *   `(start(x), t]`.
 * - Roots are the children of a virtual span over the whole trace and chain by reach: the root
 *   with the latest reach ≤ `t` is entered with `t = its reach`, then `t = its start`.
 * Every section is clipped to its span's effective interval: time when the owning span was not
 * running (a message waiting in a queue between a PRODUCER's end and its CONSUMER's start)
 * belongs to no section. Sections never overlap and add up to at most the trace duration; no
 * section of an async child's subtree lies before its parent's end.
 *
 * Worked example (µs): R [0,50] calls producer P [10,30]; P's consumer C runs [20,80] and ends the
 * trace. Tail of R (t=80 > 50) → P (reach 80), floor 50; tail of P → C, floor 50: C owns (50,80].
 * Back in P, t = max(20, 30) = 30 ≤ floor: done. Back in R at t = 50: P is a sync child that
 * ended at 30 → R owns (30,50]; P owns (10,30] (C is async, not waited for); R owns (0,10].
 * Path: R[0,10] P[10,30] R[30,50] C[50,80]. Had C run [20,40] instead, R [0,50] would own
 * (30,50] and C would not be on the path at all: R[0,10] P[10,30] R[30,50].
 *
 * Complexity: reach in one reverse pre-order pass, sync children ordered by end with one stable
 * radix sort (ties reverse the pre-order), tail children and roots by reach (a sort of the few
 * spans that outlive their parent, and of the roots), then an explicit-stack walk in which
 * every span is entered at most once for its tail and once for its own time: O(n) (no
 * recursion; a 1M-deep chain or 1M siblings is fine).
 * Definitions: src/engine/DEFINITIONS.md (shared with the Collector connector in collector/).
 */
import { EffectiveIntervals } from './clip';
import { sortByKey } from './sort';
import { FLAG_ASYNC, SpanTree } from './tree';

export interface CriticalPath {
  /** sections in time order: span index and `[start, end)` in ns since trace start */
  readonly span: Uint32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** critical-path time per span (sum of its sections), ns */
  readonly perSpan: Float64Array;
}

/** Latest effective end in each span's subtree. */
function reachOf(tree: SpanTree, effEnd: Float64Array): Float64Array {
  const reach = Float64Array.from(effEnd);
  for (let k = reach.length - 1; k >= 0; k--) {
    const x = tree.preorder[k];
    const p = tree.parent[x];
    if (p >= 0 && reach[x] > reach[p]) {
      reach[p] = reach[x];
    }
  }
  return reach;
}

/**
 * `list` (spans in pre-order) placed, latest key first (ties reverse the pre-order), into CSR
 * slots from `tree.childOffsets[parent]`; returns the spans and each parent's end of slots.
 */
function byLatest(tree: SpanTree, keys: Float64Array, list: Uint32Array) {
  const n = keys.length;
  if (list.length === 0) {
    return { spans: list, fill: tree.childOffsets };
  }
  const ascending = sortByKey(keys, list);
  const spans = new Uint32Array(n);
  const fill = tree.childOffsets.slice(0, n);
  for (let k = ascending.length - 1; k >= 0; k--) {
    const x = ascending[k];
    spans[fill[tree.parent[x]]++] = x;
  }
  return { spans, fill };
}

/** Computes the critical path (see the file header). */
export function criticalPath(tree: SpanTree, eff: EffectiveIntervals): CriticalPath {
  const { effStart, effEnd } = eff;
  const { parent, preorder, childOffsets: offsets, flags } = tree;
  const n = effStart.length;
  const reach = reachOf(tree, effEnd);
  const syncList = new Uint32Array(n);
  const tailList = new Uint32Array(n);
  let syncCount = 0;
  let tailCount = 0;
  const asyncBit = FLAG_ASYNC; // a local: an imported binding can cost a property load per use
  for (let k = 0; k < n; k++) {
    const x = preorder[k];
    const p = parent[x];
    if (p >= 0 && !(flags[x] & asyncBit) && effEnd[x] <= effEnd[p]) {
      syncList[syncCount++] = x;
    }
    if (p >= 0 && reach[x] > effEnd[p]) {
      tailList[tailCount++] = x;
    }
  }
  const { spans: syncKids, fill: syncEnd } = byLatest(tree, effEnd, syncList.subarray(0, syncCount));
  const { spans: tailKids, fill: tailEnd } = byLatest(tree, reach, tailList.subarray(0, tailCount));
  const roots = sortByKey(reach, tree.roots).reverse();

  // Sections are found from the end backwards; at most one per sync child taken plus one per span.
  const secSpan = new Uint32Array(2 * n + 1);
  const secStart = new Float64Array(2 * n + 1);
  const secEnd = new Float64Array(2 * n + 1);
  let count = 0;
  const emit = (x: number, a: number, b: number, floor: number) => {
    const from = Math.max(a, effStart[x], floor);
    const to = b < effEnd[x] ? b : effEnd[x];
    if (to <= from) {
      return;
    }
    if (count > 0 && secSpan[count - 1] === x && secStart[count - 1] === to) {
      secStart[count - 1] = from;
      return;
    }
    secSpan[count] = x;
    secStart[count] = from;
    secEnd[count] = to;
    count++;
  };

  // Explicit stack of (span, t, floor, next tail child, next sync child or root); span -1 is the virtual root.
  const stackSpan = new Int32Array(n + 1);
  const stackT = new Float64Array(n + 1);
  const stackFloor = new Float64Array(n + 1);
  const stackTail = new Uint32Array(n + 1);
  const stackSync = new Uint32Array(n + 1);
  stackSpan[0] = -1;
  stackT[0] = roots.length > 0 ? reach[roots[0]] : 0;
  let top = 1;
  while (top > 0) {
    const f = top - 1;
    const x = stackSpan[f];
    const t = stackT[f];
    const floor = stackFloor[f];
    // the span to descend into next (-1: none), with its t and floor
    let c = -1;
    let ct = 0;
    let cf = floor;
    if (x < 0) {
      let r = stackSync[f];
      while (r < roots.length && reach[roots[r]] > t) {
        r++;
      }
      stackSync[f] = r + 1;
      if (r < roots.length) {
        c = roots[r];
        ct = reach[c];
        cf = 0;
        stackT[f] = effStart[c];
      } else {
        top--;
      }
    } else if (t <= floor) {
      top--;
    } else if (t > effEnd[x]) {
      let p = stackTail[f];
      while (p < tailEnd[x] && reach[tailKids[p]] > t) {
        p++;
      }
      stackTail[f] = p + 1;
      if (p < tailEnd[x]) {
        c = tailKids[p];
        ct = reach[c];
        cf = floor > effEnd[x] ? floor : effEnd[x];
        stackT[f] = effStart[c] > effEnd[x] ? effStart[c] : effEnd[x];
      } else {
        stackT[f] = effEnd[x];
      }
    } else {
      let p = stackSync[f];
      while (p < syncEnd[x] && effEnd[syncKids[p]] > t) {
        p++;
      }
      stackSync[f] = p + 1;
      if (p < syncEnd[x]) {
        c = syncKids[p];
        ct = effEnd[c];
        emit(x, ct, t, floor);
        stackT[f] = effStart[c];
      } else {
        emit(x, effStart[x], t, floor);
        top--;
      }
    }
    if (c >= 0) {
      stackSpan[top] = c;
      stackT[top] = ct;
      stackFloor[top] = cf;
      stackTail[top] = offsets[c];
      stackSync[top] = offsets[c];
      top++;
    }
  }

  const span = new Uint32Array(count);
  const start = new Float64Array(count);
  const end = new Float64Array(count);
  const perSpan = new Float64Array(n);
  for (let k = 0; k < count; k++) {
    const from = count - 1 - k;
    span[k] = secSpan[from];
    start[k] = secStart[from];
    end[k] = secEnd[from];
    perSpan[span[k]] += end[k] - start[k];
  }
  return { span, start, end, perSpan };
}
