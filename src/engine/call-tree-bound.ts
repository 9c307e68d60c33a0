/**
 * Bounds a merged call tree (call-tree.ts) for display. A node keeps its place when it is among
 * the `maxNodes` nodes with the largest inclusive self time (its own plus its subtree's; ties go
 * to the earlier node, so a kept node's parent is always kept), among the `maxChildren` largest
 * children of its parent, and its parent keeps its place. Every other node is merged, with its
 * whole subtree, into one "other" child of its nearest kept ancestor: that node sums their
 * span counts, durations and self times and counts the nodes merged (`merged`), and has no
 * children. Nothing is dropped: the sums over the bounded tree equal those over the full one.
 * Size: at most maxNodes kept nodes plus one "other" node per kept node. Parents still come
 * before their children. O(nodes) in practice: selections (percentile.ts `select`, top-n.ts), no
 * sort.
 */
import { select } from './percentile';
import { topIds } from './top-n';

/** The numeric columns of a call tree (parents before children). */
export interface TreeColumns {
  /** parent node, -1 for node 0 */
  readonly parent: Int32Array;
  readonly count: Float64Array;
  readonly total: Float64Array;
  readonly self: Float64Array;
}

export interface BoundedTree extends TreeColumns {
  /** node of the full tree each node stands for, -1 for an "other" node */
  readonly source: Int32Array;
  /** full-tree nodes merged into each "other" node, 0 for the rest */
  readonly merged: Uint32Array;
}

/** Inclusive self time: each node's self plus its descendants'. */
function inclusiveSelf(tree: TreeColumns): Float64Array {
  const inclusive = Float64Array.from(tree.self);
  for (let node = inclusive.length - 1; node > 0; node--) {
    inclusive[tree.parent[node]] += inclusive[node];
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

/** The bounded tree (see the file header); `maxNodes` ≥ 1. */
export function boundTree(tree: TreeColumns, maxNodes: number, maxChildren: number): BoundedTree {
  const n = tree.parent.length;
  const inclusive = inclusiveSelf(tree);
  const amongLargest = amongLargestSiblings(tree.parent, inclusive, maxChildren);
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
    count: new Float64Array(room),
    total: new Float64Array(room),
    self: new Float64Array(room),
    source: new Int32Array(room),
    merged: new Uint32Array(room),
  };
  out.parent[0] = -1;
  let size = 1;
  for (let node = 0; node < n; node++) {
    const p = tree.parent[node];
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
    out.count[at] += tree.count[node];
    out.total[at] += tree.total[node];
    out.self[at] += tree.self[node];
  }
  return {
    parent: out.parent.subarray(0, size),
    count: out.count.subarray(0, size),
    total: out.total.subarray(0, size),
    self: out.self.subarray(0, size),
    source: out.source.subarray(0, size),
    merged: out.merged.subarray(0, size),
  };
}
