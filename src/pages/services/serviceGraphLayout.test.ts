import { layoutGraph } from './serviceGraphLayout';

const edge = (client: string, server: string) => ({ client, server, rate: 1, failedRate: 0, p95Seconds: 0.01 });

describe('layoutGraph', () => {
  it('layers the generated topology by longest call path', () => {
    const layout = layoutGraph([
      edge('user', 'frontend'),
      edge('frontend', 'api-gateway'),
      edge('api-gateway', 'auth-service'),
      edge('api-gateway', 'user-service'),
      edge('api-gateway', 'order-worker'),
      edge('user-service', 'postgres'),
    ]);
    expect(Object.fromEntries(layout.nodes)).toEqual({
      user: { layer: 0, slot: 0 },
      frontend: { layer: 1, slot: 0 },
      'api-gateway': { layer: 2, slot: 0 },
      'auth-service': { layer: 3, slot: 0 },
      'order-worker': { layer: 3, slot: 1 },
      'user-service': { layer: 3, slot: 2 },
      postgres: { layer: 4, slot: 0 },
    });
    expect(layout).toMatchObject({ layers: 5, width: 3 });
  });

  it('terminates on cycles, dropping the back edge', () => {
    const layout = layoutGraph([edge('a', 'b'), edge('b', 'c'), edge('c', 'a')]);
    expect(Object.fromEntries(layout.nodes)).toEqual({
      a: { layer: 0, slot: 0 },
      b: { layer: 1, slot: 0 },
      c: { layer: 2, slot: 0 },
    });
  });
});
