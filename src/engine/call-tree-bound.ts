/**
 * Bounds a merged call tree (call-tree.ts, call-tree-diff.ts) for display. Nodes are ranked by
 * their inclusive `rank` (the node's own non-negative rank value plus its subtree's: self time for
 * a call tree). A node keeps its place when it is among the `maxNodes` nodes with the largest
 * inclusive rank (ties go to the earlier node, so a kept node's parent is always kept), among the
 * `maxChildren` largest children of its parent, and its parent keeps its place. Every other node
 * is merged, with its whole subtree, into one "other" child of its nearest kept ancestor: that
 * node sums their values in every column of `sums` and counts the nodes merged (`merged`), and
 * has no children. Nothing is dropped: each column's sum over the bounded tree equals its sum
 * over the full one. Size: at most maxNodes kept nodes plus one "other" node per kept node.
 * Parents still come before their children. O(nodes · columns) in practice: selections
 * (percentile.ts `select`, top-n.ts), no sort.
 */
import { select } from './percentile';
import { topIds } from './top-n';

export interface BoundedTree {
  /** parent node, -1 for node 0 */
  readonly parent: Int32Array;
  /** the summed columns, in the order given */
  readonly sums: Float64Array[];
  /** node of the full tree each node stands for, -1 for an "other" node */
  readonly source: Int32Array;
  /** full-tree nodes merged into each "other" node, 0 for the rest */
  readonly merged: Uint32Array;
}

/** Each node's `own` value plus its descendants' (parents before children). */
export function inclusiveOf(parent: Int32Array, own: ArrayLike<number>): Float64Array {
  const inclusive = Float64Array.from(own);
  for (let node = inclusive.length - 1; node > 0; node--) {
    inclusive[parent[node]] += inclusive[node];
  }
  return inclusive;
}

/**
 * Per node, 1 when it is among the `maxChildren` largest children of its parent: all children
 * of a parent with at most that many, else a selection among them.
 */
function amongLargestSiblings(parent: Int32Array, inclusive: Float64Array, maxChildren: number): Uint8Array {
  const n = parent.length;
  const children = new Uint32Array(n);
  for (let node = 1; node < n; node++) {
    children[parent[node]]++;
  }
  const ok = new Uint8Array(n);
  ok[0] = 1;
  // children of the parents with too many: listed per parent, then selected
  const crowded = new Map<number, number[]>();
  for (let node = 1; node < n; node++) {
    const p = parent[node];
    if (children[p] <= maxChildren) {
      ok[node] = 1;
    } else {
      const list = crowded.get(p) ?? [];
      list.push(node);
      crowded.set(p, list);
    }
  }
  crowded.forEach((list) => {
    for (const child of topIds(Uint32Array.from(list), maxChildren, inclusive)) {
      ok[child] = 1;
    }
  });
  return ok;
}

/**
 * The cut of the `keep` largest inclusive self times among nodes 1 .. n-1, ties going to the
 * earlier node: the nodes above `cut` are in, and the first `ties` nodes at `cut`.
 */
function globalCut(inclusive: Float64Array, keep: number): { cut: number; ties: number } {
  const m = inclusive.length - 1;
  if (keep >= m) {
    return { cut: -Infinity, ties: 0 };
  }
  if (keep <= 0) {
    return { cut: Infinity, ties: 0 };
  }
  const values = inclusive.slice(1);
  select(values, 0, m, m - keep);
  const cut = values[m - keep];
  let above = 0;
  for (let k = m - keep + 1; k < m; k++) {
    above += values[k] > cut ? 1 : 0;
  }
  return { cut, ties: keep - above };
}

/** `column` summed by new node: `out[to[node]] += column[node]`, `size` new nodes. */
function sumInto(column: Float64Array, to: Int32Array, size: number): Float64Array {
  const out = new Float64Array(size);
  for (let node = 0; node < column.length; node++) {
    out[to[node]] += column[node];
  }
  return out;
}

/**
 * The bounded tree (see the file header) of the tree `parent` (parents before children), ranked
 * by `rank`, with the columns `sums` added up; `maxNodes` ≥ 1.
 */
export function boundTree(
  parent: Int32Array,
  rank: Float64Array,
  sums: readonly Float64Array[],
  maxNodes: number,
  maxChildren: number
): BoundedTree {
  const n = parent.length;
  const inclusive = inclusiveOf(parent, rank);
  const amongLargest = amongLargestSiblings(parent, inclusive, maxChildren);
  const global = globalCut(inclusive, maxNodes - 1);
  const cut = global.cut;
  let ties = global.ties;
  // new id of each full-tree node: its own node when kept, else the "other" node it joins
  const to = new Int32Array(n);
  /** per full-tree node: its "other" child in the new tree, 0 until made */
  const otherOf = new Int32Array(n);
  // every new node stands for at least one full-tree node, and each "other" node for a kept one
  const room = Math.min(n, 2 * maxNodes);
  const out = {
    parent: new Int32Array(room),
    source: new Int32Array(room),
    merged: new Uint32Array(room),
  };
  out.parent[0] = -1;
  let size = 1;
  for (let node = 0; node < n; node++) {
    const p = parent[node];
    // among the maxNodes − 1 largest (ties are counted off in node order, kept or not)
    const top = node > 0 && (inclusive[node] > cut || (inclusive[node] === cut && ties-- > 0));
    let at: number;
    if (node === 0 || (top && amongLargest[node] === 1 && out.source[to[p]] === p)) {
      at = node === 0 ? 0 : size++;
      out.parent[at] = node === 0 ? -1 : to[p];
      out.source[at] = node;
    } else if (out.source[to[p]] === p) {
      // the first merged child of a kept node makes its "other" node
      if (otherOf[p] === 0) {
        otherOf[p] = size++;
        out.parent[otherOf[p]] = to[p];
        out.source[otherOf[p]] = -1;
      }
      at = otherOf[p];
      out.merged[at]++;
    } else {
      // below a merged node: joins the same "other" node
      at = to[p];
      out.merged[at]++;
    }
    to[node] = at;
  }
  return {
    parent: out.parent.subarray(0, size),
    sums: sums.map((column) => sumInto(column, to, size)),
    source: out.source.subarray(0, size),
    merged: out.merged.subarray(0, size),
  };
}
