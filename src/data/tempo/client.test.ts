import { createFetchTransport } from '../fetch-transport';
import { fetchReplaying, recorded, wireText } from '../recorded';
import { createTempoClient } from './client';

const client = (...names: string[]) => {
  const replay = fetchReplaying(...names.map((n) => recorded(n)));
  return { tempo: createTempoClient(createFetchTransport('http://tempo', 'Tempo', replay.impl)), urls: replay.urls };
};
const ID = '8d3115b67acbe152b049ac86d48a02e0';

describe('Tempo client', () => {
  it('search sends q, limit, spss and whole-second start/end', async () => {
    const { tempo, urls } = client('tempo-search');
    const res = await tempo.search('{ status = error }', { limit: 5, spss: 2, start: 100.9, end: 200.2 });
    expect(urls[0]).toBe('http://tempo/api/search?q=%7B+status+%3D+error+%7D&limit=5&spss=2&start=100&end=200');
    expect(res.traces?.[0]).toMatchObject({
      traceID: expect.any(String),
      rootServiceName: 'frontend',
      startTimeUnixNano: expect.any(String),
    });
  });

  it('traceById returns v2 raw text as sent, not partial', async () => {
    const { tempo, urls } = client('tempo-trace-v2');
    const fetched = await tempo.traceById(ID, { start: 1, end: 2 });
    expect(urls).toEqual([`http://tempo/api/v2/traces/${ID}?start=1&end=2`]);
    expect(fetched).toEqual({ raw: wireText(recorded('tempo-trace-v2')), apiVersion: 'v2' });
  });

  it('traceById reports Tempo’s 200 {"trace":{}} for an unknown id as trace-not-found', async () => {
    await expect(
      client('tempo-trace-v2-not-found').tempo.traceById('0123456789abcdef0123456789abcdef')
    ).rejects.toMatchObject({
      kind: 'trace-not-found',
    });
  });

  it('traceById falls back to v1 when the v2 route does not exist', async () => {
    const { tempo, urls } = client('tempo-unknown-path', 'tempo-trace-v1');
    const fetched = await tempo.traceById(ID);
    expect(urls).toEqual([`http://tempo/api/v2/traces/${ID}`, `http://tempo/api/traces/${ID}`]);
    expect(fetched.apiVersion).toBe('v1');
    expect(JSON.parse(fetched.raw).batches.length).toBeGreaterThan(0);
  });

  it('traceById on a v1-only Tempo reports a missing trace as trace-not-found', async () => {
    await expect(client('tempo-unknown-path', 'tempo-trace-v1-not-found').tempo.traceById(ID)).rejects.toMatchObject({
      kind: 'trace-not-found',
    });
  });

  it('traceById flags a PARTIAL v2 answer with a partial-trace warning', async () => {
    const body = { ...recorded('tempo-trace-v2').body, status: 'PARTIAL', message: 'trace exceeds max size' };
    const replay = fetchReplaying({ ...recorded('tempo-trace-v2'), body });
    const fetched = await createTempoClient(createFetchTransport('http://tempo', 'Tempo', replay.impl)).traceById(ID);
    expect(fetched.partial).toMatchObject({ kind: 'partial-trace', upstreamMessage: 'trace exceeds max size' });
  });

  it('traceById reads a large (> 1 MB) v2 answer from its text: spans present, PARTIAL and its message', async () => {
    const v2 = recorded('tempo-trace-v2').body;
    const spans = v2.trace.resourceSpans;
    const big = { ...v2, trace: { resourceSpans: Array.from({ length: 200 }, () => spans).flat() } };
    const run = async (body: object) => {
      const replay = fetchReplaying({ ...recorded('tempo-trace-v2'), body });
      return createTempoClient(createFetchTransport('http://tempo', 'Tempo', replay.impl)).traceById(ID);
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(1 << 20);
    expect((await run(big)).partial).toBeUndefined();
    const partial = await run({ ...big, status: 'PARTIAL', message: 'trace "x" exceeds max size' });
    expect(partial.partial).toMatchObject({ kind: 'partial-trace', upstreamMessage: 'trace "x" exceeds max size' });
  });

  it('traceById refuses a malformed id without a request', async () => {
    const { tempo, urls } = client('tempo-trace-v2');
    await expect(tempo.traceById('../../admin')).rejects.toMatchObject({ kind: 'query-syntax' });
    expect(urls).toEqual([]);
  });

  it('tagNames flattens scopes; tagValues encodes the tag', async () => {
    const names = await client('tempo-tags').tempo.tagNames({ scope: 'span' });
    expect(names.find((s) => s.scope === 'span')?.tags).toEqual(expect.arrayContaining(['http.route', 'x_request_id']));
    const { tempo, urls } = client('tempo-tag-values');
    const values = await tempo.tagValues('resource.service.name', { q: '{}' });
    expect(urls[0]).toBe('http://tempo/api/v2/search/tag/resource.service.name/values?q=%7B%7D');
    expect(values).toEqual(expect.arrayContaining([{ type: 'string', value: 'frontend' }]));
  });

  it('metricsQueryRange sends step as a duration', async () => {
    const { tempo, urls } = client('tempo-metrics-query-range');
    const res = await tempo.metricsQueryRange('{ } | rate()', { start: 10, end: 70, step: 30 });
    expect(urls[0]).toBe('http://tempo/api/metrics/query_range?q=%7B+%7D+%7C+rate%28%29&start=10&end=70&step=30s');
    expect(res.series?.[0].labels[0].key).toBe('resource.service.name');
  });
});
