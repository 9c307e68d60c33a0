/**
 * Converts a merged call tree into the nested-set columns `@grafana/flamegraph` reads:
 * rows in depth-first pre-order (each node followed by its whole subtree, siblings by label),
 * `level` = depth, `value` = the node's inclusive value, `self` = its exclusive value, `label`.
 * A flame graph needs every value ≥ the sum of its children's values; wall-clock durations
 * break that when calls run in parallel, so the value used is *work*: `self` = summed self time
 * of the node's spans and `value` = self + children's values (summed self time of the subtree,
 * which exceeds wall time when children run in parallel). Units: ns. O(nodes log nodes).
 * An "other" node of a bounded tree (call-tree-bound.ts) is labelled with how many call paths it
 * merges, e.g. "other (12 call paths)".
 */
import { CallTree } from './call-tree';

export interface FlameFrameColumns {
  level: number[];
  value: number[];
  self: number[];
  label: string[];
  /** the unit of value and self */
  unit: 'ns';
}

/** Label of a call-tree node as shown in the flame graph: "service: operation" (see the file header). */
function labelOf(tree: CallTree, node: number): string {
  if (node === 0) {
    return 'all traces';
  }
  const merged = tree.merged[node];
  return merged > 0
    ? `other (${merged} call ${merged === 1 ? 'path' : 'paths'})`
    : `${tree.service[node]}: ${tree.operation[node]}`;
}

/** Nested-set flame graph columns of `tree` (see the file header). */
export function callTreeToFlameFrame(tree: CallTree): FlameFrameColumns {
  const n = tree.parent.length;
  const inclusive = Float64Array.from(tree.self);
  // nodes are created after their parent, so a reverse scan sees children first
  for (let node = n - 1; node > 0; node--) {
    inclusive[tree.parent[node]] += inclusive[node];
  }
  const kids: number[][] = Array.from({ length: n }, () => []);
  for (let node = 1; node < n; node++) {
    kids[tree.parent[node]].push(node);
  }
  const labels = Array.from({ length: n }, (_, node) => labelOf(tree, node));
  const out: FlameFrameColumns = { level: [], value: [], self: [], label: [], unit: 'ns' };
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    out.level.push(level);
    out.value.push(inclusive[node]);
    out.self.push(tree.self[node]);
    out.label.push(labels[node]);
    // pushed in reverse label order so they pop in label order
    const ordered = kids[node].sort((a, b) => (labels[a] < labels[b] ? 1 : labels[a] > labels[b] ? -1 : 0));
    for (const child of ordered) {
      stack.push([child, level + 1]);
    }
  }
  return out;
}
