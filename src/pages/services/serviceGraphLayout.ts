/**
 * Layered layout of the service graph: a node's layer is the length of the longest path reaching
 * it from a node without callers (edges that close a cycle are ignored, found by a DFS that skips
 * back edges); nodes in a layer are ordered by name. O(V + E) plus the per-layer sort.
 */
import type { ServiceGraphEdge } from '../../data';

export interface GraphLayout {
  /** node → [layer, position in layer] */
  nodes: Map<string, { layer: number; slot: number }>;
  layers: number;
  /** the most nodes in one layer */
  width: number;
}

export function layoutGraph(edges: ServiceGraphEdge[]): GraphLayout {
  const out = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const e of edges) {
    out.set(e.client, [...(out.get(e.client) ?? []), e.server]);
    indegree.set(e.server, (indegree.get(e.server) ?? 0) + 1);
    indegree.set(e.client, indegree.get(e.client) ?? 0);
  }
  // Drop back edges (found by an iterative DFS) so the rest is a DAG.
  const state = new Map<string, 1 | 2>();
  const dag = new Map<string, string[]>();
  for (const root of [...indegree.keys()].sort()) {
    if (state.has(root)) {
      continue;
    }
    const stack: Array<[string, number]> = [[root, 0]];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = (out.get(top[0]) ?? [])[top[1]++];
      if (next === undefined) {
        state.set(top[0], 2);
        stack.pop();
      } else if (state.get(next) !== 1) {
        dag.set(top[0], [...(dag.get(top[0]) ?? []), next]);
        if (!state.has(next)) {
          state.set(next, 1);
          stack.push([next, 0]);
        }
      }
    }
  }
  // Longest-path layering in topological order (Kahn).
  const incoming = new Map<string, number>([...indegree.keys()].map((n) => [n, 0]));
  dag.forEach((targets) => targets.forEach((t) => incoming.set(t, incoming.get(t)! + 1)));
  const layer = new Map<string, number>();
  const queue = [...incoming]
    .filter(([, d]) => d === 0)
    .map(([n]) => n)
    .sort();
  queue.forEach((n) => layer.set(n, 0));
  for (let k = 0; k < queue.length; k++) {
    const n = queue[k];
    for (const t of dag.get(n) ?? []) {
      layer.set(t, Math.max(layer.get(t) ?? 0, layer.get(n)! + 1));
      incoming.set(t, incoming.get(t)! - 1);
      if (incoming.get(t) === 0) {
        queue.push(t);
      }
    }
  }
  const byLayer = new Map<number, string[]>();
  layer.forEach((l, n) => byLayer.set(l, [...(byLayer.get(l) ?? []), n]));
  const nodes = new Map<string, { layer: number; slot: number }>();
  let width = 0;
  byLayer.forEach((names, l) => {
    names.sort().forEach((n, slot) => nodes.set(n, { layer: l, slot }));
    width = Math.max(width, names.length);
  });
  return { nodes, layers: byLayer.size, width };
}
