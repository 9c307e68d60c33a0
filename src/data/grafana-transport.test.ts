import { Observable } from 'rxjs';
import { createGrafanaProxyTransport } from './grafana-transport';
import { recorded, wireText } from '../../tests/support/recorded';
import { fetchError, installFakeBackend } from '../../tests/support/backendSrv';
import { recordedAnswer } from '../../tests/support/recordedBackend';

describe('createGrafanaProxyTransport', () => {
  it('calls the datasource proxy by uid with the defined params', async () => {
    const { requests } = installFakeBackend((request) => recordedAnswer(request, 'tempo-tag-values'));
    const t = createGrafanaProxyTransport('my tempo', 'Tempo');
    const res = await t.get<{ tagValues: unknown[] }>('/api/v2/search/tag/resource.service.name/values', {
      start: 1,
      end: undefined,
    });
    expect(requests).toEqual([
      expect.objectContaining({
        url: '/api/datasources/proxy/uid/my%20tempo/api/v2/search/tag/resource.service.name/values',
        method: 'GET',
        params: { start: 1 },
        responseType: 'json',
        showErrorAlert: false,
      }),
    ]);
    expect(res.tagValues.length).toBeGreaterThan(0);
    expect(t.target).toBe('Tempo (datasource "my tempo")');
  });

  it('asks for text when told to', async () => {
    const { requests } = installFakeBackend((request) => recordedAnswer(request, 'tempo-trace-v2'));
    const text = await createGrafanaProxyTransport('tempo').get('api/v2/traces/1', {}, { responseType: 'text' });
    expect(requests[0].responseType).toBe('text');
    expect(text).toBe(wireText(recorded('tempo-trace-v2')));
  });

  it('classifies upstream errors passed through Grafana', async () => {
    const r = recorded('prom-syntax-error');
    installFakeBackend((request) => recordedAnswer(request, r));
    await expect(
      createGrafanaProxyTransport('prometheus', 'Prometheus').get('api/v1/query', { query: 'sum(' })
    ).rejects.toMatchObject({
      kind: 'query-syntax',
      upstreamMessage: r.body.error,
    });
  });

  // Grafana's own answers: not recorded (recording them takes a running Grafana, not run here).
  it('classifies Grafana’s own proxy errors (unknown uid, upstream down)', async () => {
    installFakeBackend((request) => fetchError(request, 404, { message: 'Unable to find datasource' }));
    await expect(createGrafanaProxyTransport('nope').get('api/search')).rejects.toMatchObject({
      kind: 'datasource-not-found',
    });
    installFakeBackend((request) => fetchError(request, 502, ''));
    await expect(createGrafanaProxyTransport('tempo').get('api/search')).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it('unsubscribes (cancelling the HTTP request) when the caller aborts', async () => {
    const unsubscribed = jest.fn();
    installFakeBackend(() => new Observable(() => unsubscribed));
    const controller = new AbortController();
    const pending = createGrafanaProxyTransport('tempo').get('api/search', {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    expect(unsubscribed).toHaveBeenCalled();
  });

  it('times out and unsubscribes', async () => {
    const unsubscribed = jest.fn();
    installFakeBackend(() => new Observable(() => unsubscribed));
    await expect(createGrafanaProxyTransport('tempo').get('api/search', {}, { timeoutMs: 10 })).rejects.toMatchObject({
      kind: 'timeout',
    });
    expect(unsubscribed).toHaveBeenCalled();
  });
});
