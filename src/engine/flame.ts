/**
 * Converts a merged call tree into the nested-set columns `@grafana/flamegraph` reads:
 * rows in depth-first pre-order (each node followed by its whole subtree, siblings by label),
 * `level` = depth, `value` = the node's inclusive value, `self` = its exclusive value, `label`.
 * A flame graph needs every value ≥ the sum of its children's values. Per measure (all in ns):
 * - `self` (work): `self` = summed self time of the node's spans, `value` = self + children's
 *   values (summed self time of the subtree, which exceeds wall time when children run in parallel).
 * - `criticalPath`: `self` = summed critical-path time of the node's spans, `value` = self +
 *   children's values (the subtree's time on the critical path; sections never overlap, so node
 *   0's value is the summed critical-path length of the traces).
 * - `total`: `value` = the node's summed span durations, raised to its children's summed values
 *   when those add up to more (children running in parallel, or async ones outliving it);
 *   `self` = value − children's values (0 when raised). Node 0: summed trace durations.
 * O(nodes log nodes). An "other" node of a bounded tree (call-tree-bound.ts) is labelled with how
 * many call paths it merges, e.g. "other (12 call paths)".
 */
import { inclusiveOf } from './call-tree-bound';
import { CallTree, CallTreeShape, NodeColumns } from './call-tree';

/** What a flame graph's values measure (see the file header). */
export type FlameMeasure = 'self' | 'criticalPath' | 'total';

export const FLAME_MEASURES: readonly FlameMeasure[] = ['self', 'criticalPath', 'total'];

export interface FlameFrameColumns {
  level: number[];
  value: number[];
  self: number[];
  label: string[];
  /** call-tree node of each row */
  node: number[];
  /** a diff flame graph's comparison side (`value` and `self` are then the baseline's) */
  valueRight?: number[];
  selfRight?: number[];
  /** the unit of every value */
  unit: 'ns';
}

/** The flame graph of a tree under each measure. */
export type FlameFrames = Record<FlameMeasure, FlameFrameColumns>;

/** Label of a call-tree node as shown in the flame graph: "service: operation" (see the file header). */
export function nodeLabel(tree: CallTreeShape, node: number): string {
  if (node === 0) {
    return 'all traces';
  }
  const merged = tree.merged[node];
  return merged > 0
    ? `other (${merged} call ${merged === 1 ? 'path' : 'paths'})`
    : `${tree.service[node]}: ${tree.operation[node]}`;
}

/** The nested-set rows of `tree`: node and depth, pre-order, siblings by label. */
export function nestedSetRows(tree: CallTreeShape): { node: number[]; level: number[]; label: string[] } {
  const n = tree.parent.length;
  const kids: number[][] = Array.from({ length: n }, () => []);
  for (let node = 1; node < n; node++) {
    kids[tree.parent[node]].push(node);
  }
  const labels = Array.from({ length: n }, (_, node) => nodeLabel(tree, node));
  const out = { node: [] as number[], level: [] as number[], label: [] as string[] };
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    out.node.push(node);
    out.level.push(level);
    out.label.push(labels[node]);
    // pushed in reverse label order so they pop in label order
    const ordered = kids[node].sort((a, b) => (labels[a] < labels[b] ? 1 : labels[a] > labels[b] ? -1 : 0));
    for (const child of ordered) {
      stack.push([child, level + 1]);
    }
  }
  return out;
}

/** Per node, the inclusive value and the self value of `measure` (see the file header). */
export function flameValues(
  parent: Int32Array,
  columns: NodeColumns,
  measure: FlameMeasure
): { value: Float64Array; self: Float64Array } {
  if (measure !== 'total') {
    const own = measure === 'self' ? columns.self : columns.critical;
    return { value: inclusiveOf(parent, own), self: own };
  }
  const n = parent.length;
  const value = new Float64Array(n);
  const children = new Float64Array(n);
  // nodes are created after their parent, so a reverse scan sees children first
  for (let node = n - 1; node >= 0; node--) {
    value[node] = Math.max(columns.total[node], children[node]);
    if (node > 0) {
      children[parent[node]] += value[node];
    }
  }
  const self = value.map((v, node) => v - children[node]);
  return { value, self };
}

/** The columns of `tree` under `measure`, in the order of `rows` (`nestedSetRows`). */
function frameOf(tree: CallTree, rows: ReturnType<typeof nestedSetRows>, measure: FlameMeasure): FlameFrameColumns {
  const { value, self } = flameValues(tree.parent, tree, measure);
  return {
    level: rows.level,
    value: rows.node.map((node) => value[node]),
    self: rows.node.map((node) => self[node]),
    label: rows.label,
    node: rows.node,
    unit: 'ns',
  };
}

/** Nested-set flame graph columns of `tree` under `measure` (see the file header). */
export function callTreeToFlameFrame(tree: CallTree, measure: FlameMeasure): FlameFrameColumns {
  return frameOf(tree, nestedSetRows(tree), measure);
}

/** The columns `frame` makes for each measure. */
export function framesByMeasure(frame: (measure: FlameMeasure) => FlameFrameColumns): FlameFrames {
  return { self: frame('self'), criticalPath: frame('criticalPath'), total: frame('total') };
}

/** The flame graph columns of `tree` under every measure (rows ordered once). */
export function callTreeToFlameFrames(tree: CallTree): FlameFrames {
  const rows = nestedSetRows(tree);
  return framesByMeasure((measure) => frameOf(tree, rows, measure));
}
