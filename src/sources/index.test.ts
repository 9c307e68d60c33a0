import { of, throwError } from 'rxjs';
import { recorded, wireText } from '../../tests/support/recorded';
import { createTraceSource } from './index';

const fetchMock = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: fetchMock }),
}));

// What Grafana's backendSrv emits for a recorded answer: the body as asked for (text requests get
// the text, error bodies included), or a FetchError carrying it.
function grafanaAnswers(...names: string[]) {
  for (const name of names) {
    fetchMock.mockImplementationOnce((req: { responseType: string }) => {
      const r = recorded(name);
      const data = req.responseType === 'text' ? wireText(r) : r.body;
      return r.status < 300
        ? of({ data, status: r.status, ok: true })
        : throwError(() => ({ status: r.status, statusText: '', data }));
    });
  }
}
const url = (call: number) => fetchMock.mock.calls[call][0].url;

beforeEach(() => fetchMock.mockReset());

describe('createTraceSource', () => {
  it('a jaeger datasource gets the Jaeger source through Grafana’s proxy', async () => {
    grafanaAnswers('jaeger-api-services');
    const source = createTraceSource({ uid: 'my jaeger', type: 'jaeger' });
    expect([source.kind, source.target]).toEqual(['jaeger', 'Jaeger (datasource "my jaeger")']);
    expect((await source.services({})).slice(0, 2)).toEqual(['api-gateway', 'auth-service']);
    expect(url(0)).toBe('/api/datasources/proxy/uid/my%20jaeger/api/services');
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
    grafanaAnswers('jaeger-api-unknown-v3-path', 'jaeger-api-trace-v1');
    const source = createTraceSource({ uid: 'j', type: 'jaeger' });
    const fetched = await source.traceById('862e40707a2b002c061be0fb0f2c677f');
    expect(fetched.format).toBe('jaeger');
    expect([url(0), url(1)]).toEqual([
      '/api/datasources/proxy/uid/j/api/v3/traces/862e40707a2b002c061be0fb0f2c677f',
      '/api/datasources/proxy/uid/j/api/traces/862e40707a2b002c061be0fb0f2c677f',
    ]);
  });

  it('a tempo datasource gets the Tempo source', async () => {
    grafanaAnswers('tempo-tag-values');
    const source = createTraceSource({ uid: 'tempo', type: 'tempo' });
    expect([source.kind, source.target]).toEqual(['tempo', 'Tempo (datasource "tempo")']);
    expect(await source.services({})).toHaveLength(5);
    expect(url(0)).toBe('/api/datasources/proxy/uid/tempo/api/v2/search/tag/resource.service.name/values');
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
