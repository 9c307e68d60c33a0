import { PRESET_SCHEMES, ServiceGraphEdge, SpanMetrics } from '../../data';
import { loadDependencies } from './serviceLoaders';

const edge = (client: string, server: string, rate: number): ServiceGraphEdge => ({
  client,
  server,
  rate,
  failedRate: 0,
  p95Seconds: 0.02,
});

/** The span-metrics calls loadDependencies makes, answering with the given edges. */
function metricsWith(graph: ServiceGraphEdge[] | undefined, peer: ServiceGraphEdge[] | undefined) {
  const calls: string[] = [];
  const scheme = {
    ...PRESET_SCHEMES.otel,
    labels: { ...PRESET_SCHEMES.otel.labels, ...(peer ? { peerService: 'peer_service' } : {}) },
    ...(graph ? { serviceGraph: { requestMetric: 'r', failedMetric: 'f' } } : {}),
  };
  const metrics = {
    scheme,
    serviceGraphEdges: async () => (calls.push('service-graph'), graph!),
    peerEdges: async () => (calls.push('peer'), peer!),
  } as unknown as SpanMetrics;
  return { metrics, calls };
}

function jaeger(edges: Array<{ parent: string; child: string; callCount: number }>) {
  const asked: unknown[] = [];
  const source = {
    capabilities: { traceql: false, tagSuggestions: false, dependencies: true },
    dependencies: async (range: unknown) => (asked.push(range), edges),
  };
  return { source, asked };
}

const range = { start: 1_700_000_000, end: 1_700_003_600 };

describe('loadDependencies', () => {
  it('stops at the service graph when it has edges', async () => {
    const { metrics, calls } = metricsWith([edge('frontend', 'api-gateway', 3)], [edge('x', 'y', 1)]);
    const { source, asked } = jaeger([{ parent: 'a', child: 'b', callCount: 1 }]);
    expect(await loadDependencies(metrics, source, range)).toEqual({
      source: 'service-graph',
      edges: [edge('frontend', 'api-gateway', 3)],
    });
    expect(calls).toEqual(['service-graph']);
    expect(asked).toEqual([]);
  });

  it('asks the peer label when the service graph is empty, and Jaeger when both are', async () => {
    const peer = metricsWith([], [edge('api-gateway', 'user-service', 2)]);
    expect(await loadDependencies(peer.metrics, undefined, range)).toEqual({
      source: 'span-metrics-peer',
      edges: [edge('api-gateway', 'user-service', 2)],
    });
    expect(peer.calls).toEqual(['service-graph', 'peer']);

    const empty = metricsWith([], []);
    const { source, asked } = jaeger([{ parent: 'frontend', child: 'api-gateway', callCount: 720 }]);
    // 720 calls over the 3600 s range = 0.2 req/s
    expect(await loadDependencies(empty.metrics, source, range)).toEqual({
      source: 'jaeger-dependencies',
      edges: [{ client: 'frontend', server: 'api-gateway', rate: 0.2, failedRate: NaN, p95Seconds: NaN }],
    });
    expect(asked).toEqual([range]);
  });

  it('says none without span metrics or a dependency API', async () => {
    expect(await loadDependencies(undefined, undefined, range)).toEqual({ source: 'none', edges: [] });
  });
});
