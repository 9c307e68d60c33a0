/**
 * Services page view model: per-service (or per-operation) stats joined from separate span-metrics
 * queries, what the service graph says about where its edges come from, and a layered layout of it.
 *
 * Layout: a node's layer is the length of the longest path reaching it from a node without
 * callers (edges that close a cycle are ignored, found by a DFS that skips back edges); nodes
 * in a layer are ordered by name. O(V + E) plus the per-layer sort.
 */
import type { EdgeSource, GroupValue, ServiceGraphEdge } from '../../data';

export interface StatsRow {
  service: string;
  operation?: string;
  /** calls per second */
  rate: number;
  /** 0..1 */
  errorRatio: number;
  /** seconds; NaN when unknown */
  p50: number;
  p95: number;
  p99: number;
}

const rowKey = (v: { service: string; operation?: string }) => `${v.service}\u0000${v.operation ?? ''}`;

/** One row per group present in the rates, the other measures joined by group (NaN or 0 when missing). */
export function joinStats(
  rates: GroupValue[],
  errors: GroupValue[],
  p50: GroupValue[],
  p95: GroupValue[],
  p99: GroupValue[]
): StatsRow[] {
  const index = (values: GroupValue[]) => new Map(values.map((v) => [rowKey(v), v.value]));
  const [e, a, b, c] = [index(errors), index(p50), index(p95), index(p99)];
  return rates
    .map((r) => ({
      service: r.service,
      ...(r.operation !== undefined ? { operation: r.operation } : {}),
      rate: r.value,
      errorRatio: e.get(rowKey(r)) ?? 0,
      p50: a.get(rowKey(r)) ?? NaN,
      p95: b.get(rowKey(r)) ?? NaN,
      p99: c.get(rowKey(r)) ?? NaN,
    }))
    .sort((x, y) => x.service.localeCompare(y.service) || (x.operation ?? '').localeCompare(y.operation ?? ''));
}

/** The one line under the graph saying where its edges come from and what they measure. */
export const EDGE_SOURCE_TEXT: Record<EdgeSource, string> = {
  'service-graph':
    'Edges from service-graph metrics (traces_service_graph_*): requests, failures and the server side’s p95.',
  'span-metrics-peer':
    'Edges from span metrics of client spans with a peer-service label: calls, errors and the client side’s p95.',
  'jaeger-dependencies':
    'Edges from Jaeger’s dependencies API: call counts over the time range only, no errors or latency.',
  none: 'No dependency edges in this time range: no service-graph metrics, no client spans with a peer-service label, and no dependencies from the trace source.',
};

/** Which side of the call the edge latency is measured on. */
export const edgeLatencyTitle = (source: EdgeSource) => (source === 'span-metrics-peer' ? 'Client p95' : 'Server p95');

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
