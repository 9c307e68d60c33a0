import { pickDependencyEdges } from './edges';

const edge = (client: string, server: string, rate: number, failedRate = 0, p95Seconds = 0.05) => ({
  client,
  server,
  rate,
  failedRate,
  p95Seconds,
});

describe('pickDependencyEdges', () => {
  it('prefers service-graph edges when they exist', () => {
    expect(
      pickDependencyEdges({
        serviceGraph: [edge('frontend', 'api-gateway', 2, 0.5, 0.12)],
        spanMetricsPeer: [edge('api-gateway', 'user-service', 1)],
      })
    ).toEqual({ source: 'service-graph', edges: [edge('frontend', 'api-gateway', 2, 0.5, 0.12)] });
  });

  it('falls back to peer edges when the service graph is empty in the range', () => {
    expect(
      pickDependencyEdges({ serviceGraph: [], spanMetricsPeer: [edge('api-gateway', 'user-service', 1, 0.25, 0.03)] })
    ).toEqual({ source: 'span-metrics-peer', edges: [edge('api-gateway', 'user-service', 1, 0.25, 0.03)] });
  });

  it('turns Jaeger call counts into rates over the range, drops self-calls, and knows no errors or latency', () => {
    // 1800 calls in 3600 s = 0.5/s; 36 calls = 0.01/s; api-gateway → api-gateway is a self-call
    expect(
      pickDependencyEdges({
        spanMetricsPeer: [],
        jaegerDependencies: {
          rangeSec: 3600,
          edges: [
            { parent: 'frontend', child: 'api-gateway', callCount: 1800 },
            { parent: 'api-gateway', child: 'api-gateway', callCount: 7 },
            { parent: 'api-gateway', child: 'auth-service', callCount: 36 },
          ],
        },
      })
    ).toEqual({
      source: 'jaeger-dependencies',
      edges: [
        { client: 'frontend', server: 'api-gateway', rate: 0.5, failedRate: NaN, p95Seconds: NaN },
        { client: 'api-gateway', server: 'auth-service', rate: 0.01, failedRate: NaN, p95Seconds: NaN },
      ],
    });
  });

  it('says none when no source has an edge between two services', () => {
    expect(pickDependencyEdges({})).toEqual({ source: 'none', edges: [] });
    expect(
      pickDependencyEdges({
        serviceGraph: [edge('a', 'a', 1)],
        jaegerDependencies: { rangeSec: 60, edges: [{ parent: 'b', child: 'b', callCount: 3 }] },
      })
    ).toEqual({ source: 'none', edges: [] });
  });
});
