/**
 * Pruning a huge trace's waterfall: which subtrees fold into one row.
 *
 * Rule. The subtree of span `x` (x and all its descendants) is *collapsible* when
 * - none of its spans has a section on the analysis' critical path (the path of the analysis'
 *   mode: pass the `withPathMode` view),
 * - its summed self time is below `selfFraction` × the trace duration (default 0.5%), and
 * - it holds at least 2 spans (a single span is shown as itself).
 * A collapsible subtree's own subtrees are collapsible too (fewer spans, less self time, still off
 * the path), so expanding a folded row shows its children each again as a span (a leaf) or as a
 * folded row by the same rule.
 *
 * `pruneTrace` computes per span the subtree's span count, summed self time and time range (the
 * earliest effective start and latest effective end in it) and whether it is collapsible: one
 * pass over the tree's preorder backwards, O(n), no recursion (a 1M-deep chain is fine).
 * `prunedRows` lists the rows shown: spans in tree order, where a collapsible subtree that is not
 * expanded is one *group* row (its root), and a span the user collapsed hides its subtree. A
 * subtree is a run of the preorder as long as its size, so a hidden one is skipped in one step:
 * O(rows shown).
 * `foldedGroup` reads what a folded row shows. `foldedAncestors` gives the group roots above a span, to expand so the span shows: O(depth).
 * `selfTimeHotspots` gives the N spans with the most self time, largest first: one pass, O(n · N) at worst.
 */
import type { TraceAnalysis } from './analyze';

/** Default share of the trace duration below which an off-path subtree's self time folds it. */
export const PRUNE_SELF_FRACTION = 0.005;

export interface Pruning {
  /** spans in the subtree of span i, itself included */
  readonly size: Uint32Array;
  /** summed self time of the subtree of span i, ns */
  readonly self: Float64Array;
  /** earliest effective start / latest effective end in the subtree of span i, ns since trace start */
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** 1 when the subtree of span i is collapsible (file header) */
  readonly collapsible: Uint8Array;
  /** the self-time bound: subtrees with summed self time below it (and off the path) fold, ns */
  readonly threshold: number;
}

/** Subtree sums and collapsibility of every span (file header). O(n). */
export function pruneTrace(analysis: TraceAnalysis, selfFraction = PRUNE_SELF_FRACTION): Pruning {
  const n = analysis.trace.spanCount;
  const { preorder, parent } = analysis.tree;
  const { effStart, effEnd } = analysis.intervals;
  const size = new Uint32Array(n).fill(1);
  const self = Float64Array.from(analysis.selfTime);
  const start = Float64Array.from(effStart);
  const end = Float64Array.from(effEnd);
  // 1 while the subtree holds a critical-path span
  const onPath = new Uint8Array(n);
  const pathSpans = analysis.criticalPath.span;
  for (let k = 0; k < pathSpans.length; k++) {
    onPath[pathSpans[k]] = 1;
  }
  // children come after their parent in preorder: walking it backwards folds each subtree into its parent
  for (let k = n - 1; k >= 0; k--) {
    const x = preorder[k];
    const p = parent[x];
    if (p >= 0) {
      size[p] += size[x];
      self[p] += self[x];
      start[p] = start[x] < start[p] ? start[x] : start[p];
      end[p] = end[x] > end[p] ? end[x] : end[p];
      onPath[p] |= onPath[x];
    }
  }
  const threshold = selfFraction * analysis.duration;
  const collapsible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    collapsible[i] = onPath[i] === 0 && self[i] < threshold && size[i] >= 2 ? 1 : 0;
  }
  return { size, self, start, end, collapsible, threshold };
}

/** What a folded row shows: the subtree of span `root`. */
export interface FoldedGroup {
  spans: number;
  /** summed self time, ns */
  selfTime: number;
  /** earliest start and latest end in the subtree, ns since trace start */
  start: number;
  end: number;
}

export function foldedGroup(pruning: Pruning, root: number): FoldedGroup {
  return {
    spans: pruning.size[root],
    selfTime: pruning.self[root],
    start: pruning.start[root],
    end: pruning.end[root],
  };
}

export interface PrunedRows {
  /** the span of each row: the span itself, or the root of a folded subtree */
  readonly span: Uint32Array;
  /** 1 when the row is a folded subtree (a group) rather than one span */
  readonly group: Uint8Array;
}

/**
 * The rows shown, in tree order: a collapsible subtree whose root is not in `expanded` is one group
 * row; a span in `collapsed` (the user's own collapse) is shown and its subtree hidden. Two walks
 * over the rows (counting them, then filling arrays of that length): O(rows shown).
 */
export function prunedRows(
  analysis: TraceAnalysis,
  pruning: Pruning,
  expanded: ReadonlySet<number>,
  collapsed: ReadonlySet<number>
): PrunedRows {
  const { preorder } = analysis.tree;
  const folded = (i: number) => pruning.collapsible[i] === 1 && !expanded.has(i);
  // the preorder position of the row after span i's row: past its subtree when that is hidden
  const next = (k: number, i: number) => (folded(i) || collapsed.has(i) ? k + pruning.size[i] : k + 1);
  let rows = 0;
  for (let k = 0; k < preorder.length; k = next(k, preorder[k])) {
    rows++;
  }
  const span = new Uint32Array(rows);
  const group = new Uint8Array(rows);
  for (let k = 0, n = 0; k < preorder.length; k = next(k, preorder[k]), n++) {
    span[n] = preorder[k];
    group[n] = folded(preorder[k]) ? 1 : 0;
  }
  return { span, group };
}

/**
 * The spans above span `i` whose subtrees fold while not expanded — the collapsible ancestors, from
 * the outermost down (`i` itself excluded): expanding them all makes `i` a row. O(depth of i).
 */
export function foldedAncestors(analysis: TraceAnalysis, pruning: Pruning, i: number): number[] {
  const out: number[] = [];
  for (let p = analysis.tree.parent[i]; p >= 0; p = analysis.tree.parent[p]) {
    if (pruning.collapsible[p] === 1) {
      out.push(p);
    }
  }
  return out.reverse();
}

/**
 * The `count` spans with the most self time, largest first (ties: the earlier in tree order);
 * spans without self time are never hotspots. One pass in tree order keeping the best `count` in
 * a sorted list (a span enters only with more self time than the last kept, so an equal later one
 * stays behind): O(n) for the usual ascending-free traces, O(n · count) at worst.
 */
export function selfTimeHotspots(analysis: TraceAnalysis, count: number): Uint32Array {
  const { selfTime } = analysis;
  const { preorder } = analysis.tree;
  const top: number[] = [];
  for (let k = 0; k < preorder.length && count > 0; k++) {
    const i = preorder[k];
    const self = selfTime[i];
    if (self <= 0 || (top.length === count && self <= selfTime[top[count - 1]])) {
      continue;
    }
    let at = top.length;
    while (at > 0 && selfTime[top[at - 1]] < self) {
      at--;
    }
    top.splice(at, 0, i);
    top.length = Math.min(top.length, count);
  }
  return Uint32Array.from(top);
}
