/**
 * Dependency edges with a stated source. What: picks which source's edges the service graph draws.
 * Definition: sources in order of preference —
 *   1. `service-graph`: service-graph metrics (`client → server`; requests, failures, server-side p95);
 *   2. `span-metrics-peer`: span metrics of client spans with a peer-service label (`service → peer`;
 *      calls, errors, client-side p95 from the same histograms);
 *   3. `jaeger-dependencies`: the trace source's dependency API (Jaeger `/api/dependencies`, call
 *      counts only: rate = calls ÷ the range's seconds, failures and p95 unknown, NaN);
 * the first one that has at least one edge between two different services wins, else `none`. A
 * service calling itself is not an edge of the graph (Jaeger's memory storage lists such calls).
 * Pure; O(edges).
 */
import type { ServiceGraphEdge } from './spanmetrics';

export type EdgeSource = 'service-graph' | 'span-metrics-peer' | 'jaeger-dependencies' | 'none';

export interface SourcedEdges {
  source: EdgeSource;
  edges: ServiceGraphEdge[];
}

/** What each source answered; a source not asked (or not available) is absent. */
export interface EdgeCandidates {
  serviceGraph?: ServiceGraphEdge[];
  spanMetricsPeer?: ServiceGraphEdge[];
  /** call counts over the `rangeSec` seconds asked for */
  jaegerDependencies?: { edges: Array<{ parent: string; child: string; callCount: number }>; rangeSec: number };
}

const between = (edges: ServiceGraphEdge[]) => edges.filter((e) => e.client !== e.server);

export function pickDependencyEdges(found: EdgeCandidates): SourcedEdges {
  const deps = found.jaegerDependencies;
  const ordered: Array<[EdgeSource, ServiceGraphEdge[] | undefined]> = [
    ['service-graph', found.serviceGraph],
    ['span-metrics-peer', found.spanMetricsPeer],
    [
      'jaeger-dependencies',
      deps?.edges.map((d) => ({
        client: d.parent,
        server: d.child,
        rate: d.callCount / deps.rangeSec,
        failedRate: NaN,
        p95Seconds: NaN,
      })),
    ],
  ];
  for (const [source, edges] of ordered) {
    const kept = between(edges ?? []);
    if (kept.length > 0) {
      return { source, edges: kept };
    }
  }
  return { source: 'none', edges: [] };
}
