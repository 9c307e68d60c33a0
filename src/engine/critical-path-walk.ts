/**
 * The backward walk of the critical path (rule and worked examples: critical-path.ts), split in
 * two steps so that both path modes share the first:
 * - `pathOrders`: the reach of every span (latest effective end in its subtree, one reverse
 *   pre-order pass), each span's sync children ordered latest end first (one stable radix sort;
 *   ties reverse the pre-order) and its tail children (those whose reach is after its end)
 *   latest reach first (a sort of the few spans that outlive their parent). O(n).
 * - `walkPath`: the explicit-stack walk from the trace end backwards, with the roots in the order
 *   and by the key the mode chains them (reach for `async`, effective end for `sync`) and tails
 *   followed or not. Every span is entered at most once for its tail and once for its own time:
 *   O(n), no recursion (a 1M-deep chain or 1M siblings is fine).
 */
import { EffectiveIntervals } from './clip';
import { sortByKey } from './sort';
import { FLAG_ASYNC, SpanTree } from './tree';

/** Children lists in CSR slots from `tree.childOffsets[parent]`: `spans[childOffsets[x] .. end[x]-1]`. */
interface ChildOrder {
  readonly spans: Uint32Array;
  readonly end: Uint32Array;
}

export interface PathOrders {
  /** latest effective end in each span's subtree */
  readonly reach: Float64Array;
  /** sync children, latest effective end first */
  readonly sync: ChildOrder;
  /** children whose reach is after their parent's end, latest reach first */
  readonly tail: ChildOrder;
  /** how many spans are tail children (0: no work outlives its parent; both modes agree) */
  readonly tailCount: number;
}

/** The sections a walk found, in time order, and the critical-path time per span (ns). */
export interface PathSections {
  readonly span: Uint32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly perSpan: Float64Array;
  /** sum of the sections, ns */
  readonly length: number;
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
 * slots from `tree.childOffsets[parent]`.
 */
function byLatest(tree: SpanTree, keys: Float64Array, list: Uint32Array): ChildOrder {
  const n = keys.length;
  if (list.length === 0) {
    return { spans: list, end: tree.childOffsets };
  }
  const ascending = sortByKey(keys, list);
  const spans = new Uint32Array(n);
  const end = tree.childOffsets.slice(0, n);
  for (let k = ascending.length - 1; k >= 0; k--) {
    const x = ascending[k];
    spans[end[tree.parent[x]]++] = x;
  }
  return { spans, end };
}

/** Reach, sync children and tail children of every span (see the file header). */
export function pathOrders(tree: SpanTree, eff: EffectiveIntervals): PathOrders {
  const { effEnd } = eff;
  const { parent, preorder, flags } = tree;
  const n = effEnd.length;
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
  return {
    reach,
    sync: byLatest(tree, effEnd, syncList.subarray(0, syncCount)),
    tail: byLatest(tree, reach, tailList.subarray(0, tailCount)),
    tailCount,
  };
}

/** Tail children that are never followed: every span's list is empty. */
export function noTails(tree: SpanTree): ChildOrder {
  return { spans: new Uint32Array(0), end: tree.childOffsets };
}

/** Buffers of a walk, allocated once for the walks of both modes. */
export interface WalkScratch {
  /** sections found from the end backwards: at most one per sync child taken plus one per span */
  readonly secSpan: Uint32Array;
  readonly secStart: Float64Array;
  readonly secEnd: Float64Array;
  /** explicit stack of (span, t, floor, next tail child, next sync child or root); span -1 is the virtual root */
  readonly stackSpan: Int32Array;
  readonly stackT: Float64Array;
  readonly stackFloor: Float64Array;
  readonly stackTail: Uint32Array;
  readonly stackSync: Uint32Array;
}

/** Buffers for walks over `n` spans. */
export function walkScratch(n: number): WalkScratch {
  return {
    secSpan: new Uint32Array(2 * n + 1),
    secStart: new Float64Array(2 * n + 1),
    secEnd: new Float64Array(2 * n + 1),
    stackSpan: new Int32Array(n + 1),
    stackT: new Float64Array(n + 1),
    stackFloor: new Float64Array(n + 1),
    stackTail: new Uint32Array(n + 1),
    stackSync: new Uint32Array(n + 1),
  };
}

/**
 * Walks the path backwards from the trace end (critical-path.ts). `roots` are ordered by
 * `rootKey` latest first: a root is entered with `t = rootKey[root]`. With `tail` = noTails the
 * walk never enters work that outlives its parent.
 */
export function walkPath(
  tree: SpanTree,
  eff: EffectiveIntervals,
  orders: PathOrders,
  tail: ChildOrder,
  roots: Uint32Array,
  rootKey: Float64Array,
  scratch: WalkScratch
): PathSections {
  const { effStart, effEnd } = eff;
  const offsets = tree.childOffsets;
  const { reach } = orders;
  const { spans: syncKids, end: syncEnd } = orders.sync;
  const { spans: tailKids, end: tailEnd } = tail;
  const n = effStart.length;

  const { secSpan, secStart, secEnd, stackSpan, stackT, stackFloor, stackTail, stackSync } = scratch;
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

  stackSpan[0] = -1;
  stackFloor[0] = 0;
  stackTail[0] = 0;
  stackSync[0] = 0;
  stackT[0] = roots.length > 0 ? rootKey[roots[0]] : 0;
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
      while (r < roots.length && rootKey[roots[r]] > t) {
        r++;
      }
      stackSync[f] = r + 1;
      if (r < roots.length) {
        c = roots[r];
        ct = rootKey[c];
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
  let length = 0;
  for (let k = 0; k < count; k++) {
    const from = count - 1 - k;
    span[k] = secSpan[from];
    start[k] = secStart[from];
    end[k] = secEnd[from];
    perSpan[span[k]] += end[k] - start[k];
    length += end[k] - start[k];
  }
  return { span, start, end, perSpan, length };
}
