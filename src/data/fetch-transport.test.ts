import { DataError } from './errors';
import { createFetchTransport } from './fetch-transport';
import { fetchReplaying, recorded, wireText } from '../../tests/support/recorded';

describe('createFetchTransport', () => {
  it('joins base URL, path and defined params, and parses JSON', async () => {
    const { impl, urls } = fetchReplaying(recorded('tempo-tags'));
    const t = createFetchTransport('http://tempo:3200/', 'Tempo', impl);
    const body = await t.get<{ scopes: unknown[] }>('/api/v2/search/tags', { scope: 'span', q: undefined, start: 10 });
    expect(urls).toEqual(['http://tempo:3200/api/v2/search/tags?scope=span&start=10']);
    expect(body.scopes.length).toBeGreaterThan(0);
    expect(t.target).toBe('Tempo at http://tempo:3200');
  });

  it('returns the body untouched as text when asked (exact 64-bit numbers)', async () => {
    const r = recorded('tempo-trace-v2');
    const t = createFetchTransport('http://tempo:3200', 'Tempo', fetchReplaying(r).impl);
    expect(await t.get('api/v2/traces/x', {}, { responseType: 'text' })).toBe(wireText(r));
  });

  it('turns an HTTP error into a typed DataError with the server’s message', async () => {
    const t = createFetchTransport(
      'http://tempo:3200',
      'Tempo',
      fetchReplaying(recorded('tempo-search-syntax-error')).impl
    );
    await expect(t.get('api/search', { q: '{ resource.service.name = }' })).rejects.toMatchObject({
      kind: 'query-syntax',
      status: 400,
      upstreamMessage: expect.stringMatching(/^invalid TraceQL query/),
    });
  });

  it('reports a refused connection as unreachable', async () => {
    const refuse = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(createFetchTransport('http://127.0.0.1:1', 'Tempo', refuse).get('api/echo')).rejects.toMatchObject({
      kind: 'unreachable',
    });
  });

  describe('with a server that never answers', () => {
    // Like fetch: rejects once the signal aborts, at once if it already has.
    const hang = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        const abort = () => reject(new DOMException('aborted', 'AbortError'));
        init.signal?.aborted ? abort() : init.signal?.addEventListener('abort', abort);
      })) as unknown as typeof fetch;

    it('times out after timeoutMs', async () => {
      const pending = createFetchTransport('http://x', 'Tempo', hang).get('api/search', {}, { timeoutMs: 20 });
      await expect(pending).rejects.toBeInstanceOf(DataError);
      await expect(pending).rejects.toMatchObject({
        kind: 'timeout',
        message: 'Tempo at http://x (api/search) did not answer within 20 ms.',
      });
    });

    it('is cancelled by the caller’s signal, including one aborted before the call', async () => {
      const controller = new AbortController();
      const pending = createFetchTransport('http://x', 'Tempo', hang).get(
        'api/search',
        {},
        { signal: controller.signal }
      );
      controller.abort();
      await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
      await expect(
        createFetchTransport('http://x', 'Tempo', hang).get('api/search', {}, { signal: controller.signal })
      ).rejects.toMatchObject({
        kind: 'cancelled',
      });
    });
  });

  it('reports a 200 answer that is not JSON as bad-response', async () => {
    const html = { request: '', status: 200, contentType: 'text/html', body: '<html>login</html>' };
    await expect(
      createFetchTransport('http://x', 'Tempo', fetchReplaying(html).impl).get('api/search')
    ).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
