import { createFetchTransport, createTempoClient } from '../data';
import { fetchReplaying, recorded, wireText } from '../../tests/support/recorded';
import { createTempoSource } from './tempo-source';

const source = (...names: string[]) => {
  const replay = fetchReplaying(...names.map((n) => recorded(n)));
  const transport = createFetchTransport('http://tempo', 'Tempo', replay.impl);
  return { tempo: createTempoSource(createTempoClient(transport), 'tempo-uid', transport.target), urls: replay.urls };
};
const ID = '8d3115b67acbe152b049ac86d48a02e0';

describe('Tempo source', () => {
  it('describes itself', () => {
    const { tempo } = source('tempo-search');
    expect([tempo.kind, tempo.uid, tempo.target]).toEqual(['tempo', 'tempo-uid', 'Tempo at http://tempo']);
    expect(tempo.capabilities).toEqual({ traceql: true, tagSuggestions: true, dependencies: false });
  });

  it('search: a filter becomes one TraceQL spanset filter; hits come from Tempo’s answer', async () => {
    const { tempo, urls } = source('tempo-search');
    const hits = await tempo.search(
      { filter: { service: 'a"b', status: 'error', minDurationMs: 1.5, maxDurationMs: 250 } },
      { limit: 5, start: 100, end: 200 }
    );
    const q = new URL(urls[0]).searchParams;
    expect(q.get('q')).toBe(
      '{ resource.service.name = "a\\"b" && status = error && duration > 1.5ms && duration < 250ms }'
    );
    expect([q.get('limit'), q.get('start'), q.get('end')]).toEqual(['5', '100', '200']);
    // From tempo-search.json: one trace, its serviceStats with a missing errorCount read as 0.
    expect(hits).toEqual([
      {
        traceId: ID,
        rootService: 'frontend',
        rootName: 'GET /checkout',
        startMs: 1795255307454,
        durationMs: 18,
        serviceStats: {
          'api-gateway': { spanCount: 4, errorCount: 2 },
          'auth-service': { spanCount: 1, errorCount: 1 },
          frontend: { spanCount: 2, errorCount: 2 },
          'order-worker': { spanCount: 1, errorCount: 0 },
          'user-service': { spanCount: 2, errorCount: 0 },
        },
      },
    ]);
  });

  it('search passes TraceQL through as typed', async () => {
    const { tempo, urls } = source('tempo-search');
    await tempo.search({ traceql: '{ span.x = "&/ü\n" } | count() > 1' }, { limit: 3 });
    expect(urls[0]).toBe(
      'http://tempo/api/search?q=%7B+span.x+%3D+%22%26%2F%C3%BC%0A%22+%7D+%7C+count%28%29+%3E+1&limit=3'
    );
  });

  it('search refuses a negative duration with a query-syntax DataError, without a request', async () => {
    const { tempo, urls } = source('tempo-search');
    await expect(tempo.search({ filter: { minDurationMs: -1 } }, { limit: 5 })).rejects.toMatchObject({
      name: 'DataError',
      kind: 'query-syntax',
      message: 'The search filter cannot be written as TraceQL: a duration must be a number of ms ≥ 0, got -1.',
    });
    expect(urls).toEqual([]);
  });

  it('traceById returns the OTLP body as sent', async () => {
    const { tempo, urls } = source('tempo-trace-v2');
    expect(await tempo.traceById(ID, { start: 1, end: 2 })).toEqual({
      format: 'otlp',
      raw: wireText(recorded('tempo-trace-v2')),
    });
    expect(urls).toEqual([`http://tempo/api/v2/traces/${ID}?start=1&end=2`]);
  });

  it('traceById reports a missing trace as trace-not-found', async () => {
    await expect(source('tempo-trace-v2-not-found').tempo.traceById(ID)).rejects.toMatchObject({
      kind: 'trace-not-found',
    });
  });

  it('services: the values of resource.service.name, sorted', async () => {
    const { tempo, urls } = source('tempo-tag-values');
    expect(await tempo.services({ start: 10, end: 20 })).toEqual([
      'api-gateway',
      'auth-service',
      'frontend',
      'order-worker',
      'user-service',
    ]);
    expect(urls).toEqual(['http://tempo/api/v2/search/tag/resource.service.name/values?start=10&end=20']);
  });

  it('operations: span names of one service, the service escaped in TraceQL', async () => {
    const { tempo, urls } = source('tempo-tag-values');
    await tempo.operations('we"ird & sv/c ü\n', {});
    const url = new URL(urls[0]);
    expect(url.pathname).toBe('/api/v2/search/tag/name/values');
    // a value holding a newline is a raw `…` string (src/data/queries/quote.ts)
    expect(url.searchParams.get('q')).toBe('{ resource.service.name = `we"ird & sv/c ü\n` }');
  });

  it('tagNames: one scope’s names; tagValues: one tag’s values, the tag encoded in the path', async () => {
    const names = source('tempo-tags');
    expect(await names.tempo.tagNames('resource', {})).toEqual(['deployment.environment', 'service.name']);
    expect(names.urls).toEqual(['http://tempo/api/v2/search/tags?scope=resource']);
    const values = source('tempo-tag-values');
    expect(await values.tempo.tagValues('span.a/b c', { start: 1 })).toHaveLength(5);
    expect(values.urls).toEqual(['http://tempo/api/v2/search/tag/span.a%2Fb%20c/values?start=1']);
  });

  it('dependencies rejects: Tempo’s service graph lives in Prometheus', async () => {
    await expect(source('tempo-search').tempo.dependencies({})).rejects.toMatchObject({
      kind: 'query-failed',
      message:
        "Tempo at http://tempo has no dependency API: Tempo's service graph is metrics (traces_service_graph_*) in Prometheus.",
    });
  });

  it('exploreQuery: TraceQL for a trace id, a filter or a query', () => {
    const { tempo } = source('tempo-search');
    expect(tempo.exploreQuery({ traceId: ID })).toEqual({ queryType: 'traceql', query: ID });
    expect(tempo.exploreQuery({ filter: { service: 'x', maxDurationMs: 2 } })).toEqual({
      queryType: 'traceql',
      query: '{ resource.service.name = "x" && duration < 2ms }',
    });
    expect(tempo.exploreQuery({ traceql: '{ }' })).toEqual({ queryType: 'traceql', query: '{ }' });
  });
});
