/*
 * The Tempo client against the answers recorded from a real Tempo (main 87c2dc380cec, the
 * `source` of every tests/integration/fixtures/tempo-*.json). No Tempo runs in the tests any more:
 * these recordings are the contract. What the recorded bodies mean for the batch that was sent
 * (span counts, self times, error counts) is checked in recorded-batch.test.ts.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import { traceqlFilter } from '../queries/traceql';
import { createFetchTransport } from '../fetch-transport';
import { fetchReplaying, recorded, wireText } from '../../../tests/support/recorded';
import { createTempoClient } from './client';
import { TempoSearchResponse } from './types';

const client = (...names: string[]) => {
  const replay = fetchReplaying(...names.map((n) => recorded(n)));
  return { tempo: createTempoClient(createFetchTransport('http://tempo', 'Tempo', replay.impl)), urls: replay.urls };
};
const ID = '8d3115b67acbe152b049ac86d48a02e0';
/** The query parameters of a URL or a recorded request path, decoded (so `+` and `%20` compare equal). */
const paramsOf = (url: string) => Object.fromEntries(new URL(url, 'http://tempo/').searchParams);

it('every recorded Tempo and Prometheus fixture names the server that answered and the day', () => {
  const names = readdirSync(join(__dirname, '../../../tests/integration/fixtures')).filter((f) =>
    /^(tempo|prom)-.*\.json$/.test(f)
  );
  expect(names.length).toBeGreaterThan(0);
  for (const file of names) {
    const r = recorded(file.replace(/\.json$/, ''));
    const source = file.startsWith('tempo-') ? 'Tempo main 87c2dc380cec (2025-05-29)' : 'Prometheus 2.42 (Debian)';
    expect([file, r.source, r.recorded]).toEqual([file, source, '2026-11-21']);
  }
});

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

  it('search: the request our builders write is the one Tempo answered, and its answer reads as typed', async () => {
    const fixture = recorded<TempoSearchResponse>('tempo-search');
    const want = paramsOf(fixture.request);
    const { tempo, urls } = client('tempo-search');
    const res = await tempo.search(traceqlFilter({ status: 'error' }), {
      limit: 5,
      spss: 2,
      start: Number(want.start),
      end: Number(want.end),
    });
    expect(paramsOf(urls[0])).toEqual(want);
    expect(want.q).toBe('{ status = error }');
    // one trace: hex id, root names, 64-bit start as a string, whole-ms duration
    expect(res.traces).toHaveLength(1);
    const [trace] = res.traces!;
    expect(trace).toMatchObject({
      traceID: ID,
      rootServiceName: 'frontend',
      rootTraceName: 'GET /checkout',
      startTimeUnixNano: '1795255307454000000',
      durationMs: 18,
    });
    // Tempo 2.x sends the first spanset twice: `spanSet` (deprecated) and `spanSets`
    expect(trace.spanSets).toEqual([trace.spanSet]);
    const spans = trace.spanSets!.flatMap((set) => set.spans);
    expect(spans.length).toBeLessThanOrEqual(2); // spss=2
    expect(trace.spanSet!.matched).toBe(5);
    for (const span of spans) {
      expect(span).toEqual({
        spanID: expect.stringMatching(/^[0-9a-f]{16}$/),
        startTimeUnixNano: expect.stringMatching(/^\d{19}$/),
        durationNanos: expect.stringMatching(/^\d+$/),
        attributes: [{ key: 'status', value: { stringValue: 'error' } }],
      });
    }
    // zero counts are omitted (protobuf JSON): order-worker and user-service had no errors
    expect(trace.serviceStats?.['order-worker']).toEqual({ spanCount: 1 });
    expect(res.metrics).toMatchObject({ inspectedBytes: expect.any(String), completedJobs: 1, totalJobs: 1 });
  });

  it('search leaves out the options not given (Tempo’s defaults apply)', async () => {
    const { tempo, urls } = client('tempo-search');
    await tempo.search('{}');
    expect(urls).toEqual(['http://tempo/api/search?q=%7B%7D']);
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

  // No recording has a PARTIAL answer: recording one takes a Tempo whose max_bytes_per_trace is below
  // the trace's size (Tempo 2.x answers 200 with status PARTIAL; Tempo 3 answers 422, see REFERENCE §1).
  it('traceById flags a PARTIAL v2 answer with a partial-trace warning', async () => {
    const body = { ...recorded('tempo-trace-v2').body, status: 'PARTIAL', message: 'trace exceeds max size' };
    const replay = fetchReplaying({ ...recorded('tempo-trace-v2'), body });
    const fetched = await createTempoClient(createFetchTransport('http://tempo', 'Tempo', replay.impl)).traceById(ID);
    expect(fetched.partial).toMatchObject({ kind: 'partial-trace', upstreamMessage: 'trace exceeds max size' });
  });

  // The recorded trace repeated to > 1 MB (the recordings are small); PARTIAL as above.
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

  // No Tempo 3 runs here and none was recorded: its 422 for a trace over max_bytes_per_trace is
  // REFERENCE §1's measured fact. The bodies stay empty rather than invented; the message needs none.
  it('traceById reads Tempo 3’s 422 (and a proxy’s 413) as a trace too large, naming the server setting', async () => {
    const refused = (status: number) => ({ ...recorded('tempo-trace-v2'), status, body: '' });
    const v2 = fetchReplaying(refused(422));
    const error = createTempoClient(createFetchTransport('http://tempo', 'Tempo', v2.impl)).traceById(ID);
    await expect(error).rejects.toMatchObject({ kind: 'trace-too-large', status: 422 });
    await expect(error).rejects.toThrow(
      `Trace ${ID} is larger than Tempo at http://tempo serves: HTTP 422. Tempo refuses traces over its ` +
        "max_bytes_per_trace limit (5 MB by default); it is a server setting (Tempo's overrides), so ask Tempo's operator to raise it."
    );
    // on the v1 route after v2's 404 too
    const v1 = fetchReplaying(recorded('tempo-unknown-path'), refused(413));
    const viaV1 = createTempoClient(createFetchTransport('http://tempo', 'Tempo', v1.impl)).traceById(ID);
    await expect(viaV1).rejects.toMatchObject({ kind: 'trace-too-large', status: 413 });
    expect(v1.urls.map((u) => new URL(u).pathname)).toEqual([`/api/v2/traces/${ID}`, `/api/traces/${ID}`]);
  });

  it('traceById refuses a malformed id without a request', async () => {
    const { tempo, urls } = client('tempo-trace-v2');
    await expect(tempo.traceById('../../admin')).rejects.toMatchObject({ kind: 'query-syntax' });
    expect(urls).toEqual([]);
  });

  it('tagNames lists every scope Tempo answered with its tags', async () => {
    const { tempo, urls } = client('tempo-tags');
    const fixture = recorded('tempo-tags');
    const want = paramsOf(fixture.request);
    const scopes = await tempo.tagNames({ start: Number(want.start), end: Number(want.end) });
    expect(paramsOf(urls[0])).toEqual(want);
    expect(scopes.map((s) => s.scope)).toEqual(['intrinsic', 'span', 'event', 'resource']);
    const byScope = Object.fromEntries(scopes.map((s) => [s.scope, s.tags]));
    expect(byScope.resource).toEqual(['deployment.environment', 'service.name']);
    expect(byScope.span).toEqual(
      expect.arrayContaining([
        'http.method',
        'http.route',
        'http.status_code',
        'x_request_id',
        'db.system',
        'db.statement',
        'peer.service',
      ])
    );
    expect(byScope.intrinsic).toEqual(expect.arrayContaining(['duration', 'name', 'status', 'rootServiceName']));
  });

  it('tagNames flattens scopes; tagValues encodes the tag', async () => {
    const names = await client('tempo-tags').tempo.tagNames({ scope: 'span' });
    expect(names.find((s) => s.scope === 'span')?.tags).toEqual(expect.arrayContaining(['http.route', 'x_request_id']));
    const { tempo, urls } = client('tempo-tag-values');
    const values = await tempo.tagValues('resource.service.name', { q: '{}' });
    expect(urls[0]).toBe('http://tempo/api/v2/search/tag/resource.service.name/values?q=%7B%7D');
    expect(values).toEqual(expect.arrayContaining([{ type: 'string', value: 'frontend' }]));
  });

  it('metricsQueryRange: the recorded rate() by service request, and samples whose 0 value Tempo omitted', async () => {
    const fixture = recorded('tempo-metrics-query-range');
    const want = paramsOf(fixture.request);
    const { tempo, urls } = client('tempo-metrics-query-range');
    const res = await tempo.metricsQueryRange(want.q, {
      start: Number(want.start),
      end: Number(want.end),
      step: Number(want.step.replace(/s$/, '')),
    });
    expect(paramsOf(urls[0])).toEqual(want);
    expect(want.q).toBe('{ } | rate() by (resource.service.name)');
    const services = (res.series ?? []).map(
      (s) => s.labels.find((l) => l.key === 'resource.service.name')?.value.stringValue
    );
    expect(services).toEqual(['api-gateway', 'auth-service', 'frontend', 'order-worker', 'user-service']);
    for (const series of res.series ?? []) {
      expect(series.samples?.map((x) => x.timestampMs)).toEqual([
        '1795255230000',
        '1795255260000',
        '1795255290000',
        '1795255320000',
      ]);
      // only the step with spans carries a value: the others omit it (0)
      expect(series.samples?.filter((x) => x.value !== undefined)).toHaveLength(1);
    }
  });

  it('Tempo’s own refusals come back typed: a TraceQL syntax error, TraceQL metrics without local-blocks', async () => {
    await expect(client('tempo-search-syntax-error').tempo.search('{ resource.service.name = }')).rejects.toMatchObject(
      {
        kind: 'query-syntax',
        status: 400,
        upstreamMessage: 'invalid TraceQL query: parse error at line 1, col 27: syntax error: unexpected }',
      }
    );
    await expect(
      client('tempo-metrics-no-local-blocks').tempo.metricsQueryRange('{} | rate()', { start: 0, end: 600, step: 60 })
    ).rejects.toMatchObject({ kind: 'traceql-metrics-disabled', status: 500 });
  });

  it('metricsQueryRange sends step as a duration', async () => {
    const { tempo, urls } = client('tempo-metrics-query-range');
    const res = await tempo.metricsQueryRange('{ } | rate()', { start: 10, end: 70, step: 30 });
    expect(urls[0]).toBe('http://tempo/api/metrics/query_range?q=%7B+%7D+%7C+rate%28%29&start=10&end=70&step=30s');
    expect(res.series?.[0].labels[0].key).toBe('resource.service.name');
  });
});
