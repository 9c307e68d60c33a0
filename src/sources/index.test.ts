import { installFakeBackend } from '../../tests/support/backendSrv';
import { recordedAnswer } from '../../tests/support/recordedBackend';
import { createTraceSource } from './index';

/** Grafana's backendSrv answering successive requests with the named recordings, in order. */
function grafanaAnswers(...names: string[]) {
  const queue = [...names];
  return installFakeBackend((request) => recordedAnswer(request, queue.shift()!)).requests;
}

describe('createTraceSource', () => {
  it('a jaeger datasource gets the Jaeger source through Grafana’s proxy', async () => {
    const requests = grafanaAnswers('jaeger-api-services');
    const source = createTraceSource({ uid: 'my jaeger', type: 'jaeger' });
    expect([source.kind, source.target]).toEqual(['jaeger', 'Jaeger (datasource "my jaeger")']);
    expect((await source.services({})).slice(0, 2)).toEqual(['api-gateway', 'auth-service']);
    expect(requests.map((r) => r.url)).toEqual(['/api/datasources/proxy/uid/my%20jaeger/api/services']);
  });

  it('through Grafana, Jaeger’s text error body still names the missing trace', async () => {
    grafanaAnswers('jaeger-api-trace-v3-not-found');
    const source = createTraceSource({ uid: 'j', type: 'jaeger' });
    await expect(source.traceById('0123456789abcdef0123456789abcdef')).rejects.toMatchObject({
      kind: 'trace-not-found',
      upstreamMessage: 'No traces found',
      message:
        'Trace not found in Jaeger (datasource "j"): No traces found. It may be outside the searched time range or past retention.',
    });
  });

  it('through Grafana, a Jaeger without API v3 falls back to v1', async () => {
    const requests = grafanaAnswers('jaeger-api-unknown-v3-path', 'jaeger-api-trace-v1');
    const source = createTraceSource({ uid: 'j', type: 'jaeger' });
    const fetched = await source.traceById('862e40707a2b002c061be0fb0f2c677f');
    expect(fetched.format).toBe('jaeger');
    expect(requests.map((r) => r.url)).toEqual([
      '/api/datasources/proxy/uid/j/api/v3/traces/862e40707a2b002c061be0fb0f2c677f',
      '/api/datasources/proxy/uid/j/api/traces/862e40707a2b002c061be0fb0f2c677f',
    ]);
  });

  it('a tempo datasource gets the Tempo source', async () => {
    const requests = grafanaAnswers('tempo-tag-values');
    const source = createTraceSource({ uid: 'tempo', type: 'tempo' });
    expect([source.kind, source.target]).toEqual(['tempo', 'Tempo (datasource "tempo")']);
    expect(await source.services({})).toHaveLength(5);
    expect(requests.map((r) => r.url)).toEqual([
      '/api/datasources/proxy/uid/tempo/api/v2/search/tag/resource.service.name/values',
    ]);
  });

  it('any other type is a DataError naming it', () => {
    expect(() => createTraceSource({ uid: 'logs', type: 'loki' })).toThrow(
      expect.objectContaining({
        name: 'DataError',
        kind: 'datasource-not-found',
        message:
          'Datasource "logs" is of type "loki": TraceLens reads traces from Tempo and Jaeger datasources. Pick one of those.',
      })
    );
  });
});
