/**
 * Critical path: the chain of work that determined when the trace ended.
 *
 * Definition. Each span's *subtree end* is the latest effective end in its subtree, so work
 * that outlives its parent (asynchronous children, a CONSUMER finishing after its PRODUCER)
 * still counts as part of the parent's subtree. Starting at the trace end, the walk is at a span
 * `x` with a point in time `t`; among `x`'s children whose subtree ended at or before `t`
 * (happens-before: a child still running at `t` cannot be what `x` waited for at `t`) it takes
 * the one that ended last, `c` (of two that ended together, the later-starting one, then the
 * larger span id: the tree's sibling order). The interval from `c`'s subtree end to `t` is `x`'s own blocking
 * work, the walk descends into `c` with `t = subtreeEnd(c)`, and afterwards continues in `x` with
 * `t = start(c)`. When no child qualifies, `x` owns `[start(x), t]`. Roots are treated as the
 * children of a virtual node spanning the trace, so several roots chain the same way.
 * Every section is clipped to its span's effective interval: time when the owning span was not
 * running (the queue gap between a PRODUCER's end and its CONSUMER's start, or a gap between
 * roots) belongs to no section. Sections therefore never overlap and add up to at most the
 * trace duration.
 *
 * Complexity: subtree ends in one reverse pre-order pass, children ordered by subtree end with
 * one stable radix sort, then an explicit-stack walk that looks at each child once: O(n)
 * (no recursion; a 1M-deep chain or 1M siblings is fine).
 */
import { EffectiveIntervals } from './clip';
import { sortByKey } from './sort';
import { SpanTree } from './tree';

export interface CriticalPath {
  /** sections in time order: span index and `[start, end)` in ns since trace start */
  readonly span: Uint32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** critical-path time per span (sum of its sections), ns */
  readonly perSpan: Float64Array;
}

/** Children of every span (and the roots) ordered by subtree end, latest first; ties reverse the pre-order. */
function byLatestSubtreeEnd(tree: SpanTree, subEnd: Float64Array) {
  const n = subEnd.length;
  const ascending = sortByKey(subEnd, tree.preorder);
  const kids = new Uint32Array(n);
  const roots = new Uint32Array(tree.roots.length);
  const fill = tree.childOffsets.slice(0, n);
  let r = 0;
  for (let k = n - 1; k >= 0; k--) {
    const x = ascending[k];
    const p = tree.parent[x];
    if (p >= 0) {
      kids[fill[p]++] = x;
    } else {
      roots[r++] = x;
    }
  }
  return { kids, roots };
}

/** Computes the critical path (see the file header). */
export function criticalPath(tree: SpanTree, eff: EffectiveIntervals): CriticalPath {
  const { effStart, effEnd } = eff;
  const n = effStart.length;
  const subEnd = Float64Array.from(effEnd);
  for (let k = n - 1; k >= 0; k--) {
    const x = tree.preorder[k];
    const p = tree.parent[x];
    if (p >= 0 && subEnd[x] > subEnd[p]) {
      subEnd[p] = subEnd[x];
    }
  }
  const { kids, roots } = byLatestSubtreeEnd(tree, subEnd);
  const offsets = tree.childOffsets;

  // Sections are found from the end backwards; at most one per chosen child plus one per span.
  const secSpan = new Uint32Array(2 * n + 1);
  const secStart = new Float64Array(2 * n + 1);
  const secEnd = new Float64Array(2 * n + 1);
  let count = 0;
  const emit = (x: number, a: number, b: number) => {
    const from = a > effStart[x] ? a : effStart[x];
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

  // Explicit stack of (span, t, next child position); span -1 is the virtual root.
  const stackSpan = new Int32Array(n + 1);
  const stackT = new Float64Array(n + 1);
  const stackNext = new Uint32Array(n + 1);
  let traceEnd = 0;
  for (let r = 0; r < roots.length; r++) {
    traceEnd = subEnd[roots[r]] > traceEnd ? subEnd[roots[r]] : traceEnd;
  }
  let top = 1;
  stackSpan[0] = -1;
  stackT[0] = traceEnd;
  stackNext[0] = 0;
  while (top > 0) {
    const f = top - 1;
    const x = stackSpan[f];
    const t = stackT[f];
    const list = x < 0 ? roots : kids;
    const first = x < 0 ? 0 : offsets[x];
    const last = x < 0 ? roots.length : offsets[x + 1];
    let p = first + stackNext[f];
    while (p < last && subEnd[list[p]] > t) {
      p++;
    }
    if (p < last) {
      const c = list[p];
      stackNext[f] = p + 1 - first;
      if (x >= 0) {
        emit(x, subEnd[c], t);
      }
      stackT[f] = effStart[c];
      stackSpan[top] = c;
      stackT[top] = subEnd[c];
      stackNext[top] = 0;
      top++;
    } else {
      if (x >= 0) {
        emit(x, effStart[x], t);
      }
      top--;
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
