import { createFetchTransport, createJaegerClient, JaegerTrace } from '../data';
import { fetchReplaying, recorded, wireText } from '../../tests/support/recorded';
import { traceMatches } from './jaeger-filter';
import { jaegerHit } from './jaeger-hits';
import { createJaegerSource } from './jaeger-source';
import { TraceFilter } from './types';

// Replays only real Jaeger v2 (module v1.76.0, Badger) answers: tests/integration/fixtures/jaeger-api-*.json.
const source = (...names: string[]) => {
  const replay = fetchReplaying(...names.map((n) => recorded(n)));
  const transport = createFetchTransport('http://jaeger', 'Jaeger', replay.impl);
  return {
    jaeger: createJaegerSource(createJaegerClient(transport), 'jaeger-uid', transport.target),
    urls: replay.urls,
  };
};
const TARGET = 'Jaeger at http://jaeger';
const H = 'q"uote & sl/ash ü😀\n';
const HOSTILE_REQUEST_ID = 'req "x" & y/z=1 ü😀\nline2';
const RANGE = { start: 1796023578.389, end: 1796023580.885 };
const query = (url: string) => Object.fromEntries(new URL(url).searchParams);
/** The parameters of the request whose answer a fixture holds. */
const recordedQuery = (name: string) => Object.fromEntries(new URLSearchParams(recorded(name).request.split('?')[1]));

// Hits worked out by hand from the recorded bodies: root = the span without a CHILD_OF reference,
// start = first span start, duration = last span end − first start, errors = spans tagged error=true.
const ERROR_TRACE = {
  traceId: 'ba4227c384325e4b884bfa3fe0302427',
  rootService: 'frontend',
  rootName: 'GET /checkout',
  startMs: 1796023579389,
  durationMs: 44.54,
  serviceStats: {
    frontend: { spanCount: 2, errorCount: 2 },
    'api-gateway': { spanCount: 4, errorCount: 2 },
    'auth-service': { spanCount: 1, errorCount: 1 },
    'user-service': { spanCount: 2, errorCount: 0 },
    'order-worker': { spanCount: 1, errorCount: 0 },
  },
};
const SLOW_TRACE = {
  traceId: '862e40707a2b002c061be0fb0f2c677f',
  rootService: 'frontend',
  rootName: 'GET /checkout',
  startMs: 1796023579409,
  durationMs: 63.663,
  serviceStats: {
    frontend: { spanCount: 2, errorCount: 0 },
    'api-gateway': { spanCount: 4, errorCount: 0 },
    'auth-service': { spanCount: 1, errorCount: 0 },
    'user-service': { spanCount: 2, errorCount: 0 },
    'order-worker': { spanCount: 1, errorCount: 0 },
  },
};

describe('Jaeger source: search', () => {
  it('describes itself', () => {
    const { jaeger } = source('jaeger-api-services');
    expect([jaeger.kind, jaeger.uid, jaeger.target]).toEqual(['jaeger', 'jaeger-uid', TARGET]);
    expect(jaeger.capabilities).toEqual({ traceql: false, tagSuggestions: false, dependencies: true });
  });

  it('status error → tag error=true; hits computed from the whole traces', async () => {
    const { jaeger, urls } = source('jaeger-api-search-error');
    const hits = await jaeger.search({ filter: { service: 'frontend', status: 'error' } }, { limit: 20, ...RANGE });
    expect(query(urls[0])).toEqual(recordedQuery('jaeger-api-search-error'));
    expect(hits).toEqual([ERROR_TRACE]);
  });

  it('a span attribute → a tag (x_request_id)', async () => {
    const { jaeger, urls } = source('jaeger-api-search-request-id');
    const hits = await jaeger.search(
      { filter: { service: 'frontend', spanAttributes: { x_request_id: 'req-7-002ac01a15e9' } } },
      { limit: 20, ...RANGE }
    );
    expect(query(urls[0])).toEqual(recordedQuery('jaeger-api-search-request-id'));
    expect(hits).toEqual([
      {
        traceId: '459643cbb80e72fa151561cab0457f1b',
        rootService: 'frontend',
        rootName: 'GET /account',
        startMs: 1796023579429,
        durationMs: 10.649,
        serviceStats: {
          frontend: { spanCount: 2, errorCount: 0 },
          'api-gateway': { spanCount: 3, errorCount: 0 },
          'auth-service': { spanCount: 1, errorCount: 0 },
          'user-service': { spanCount: 2, errorCount: 0 },
        },
      },
    ]);
  });

  it('hostile service and tag value: sent intact, found, and read back', async () => {
    const { jaeger, urls } = source('jaeger-api-search-hostile');
    const hits = await jaeger.search(
      { filter: { service: `${H}frontend`, spanAttributes: { x_request_id: HOSTILE_REQUEST_ID } } },
      { limit: 20, ...RANGE }
    );
    expect(query(urls[0])).toEqual(recordedQuery('jaeger-api-search-hostile'));
    expect(query(urls[0]).tags).toBe('{"x_request_id":"req \\"x\\" & y/z=1 ü😀\\nline2"}');
    expect(hits).toEqual([
      {
        traceId: 'b150f910c372397e39daff88f12a7b2c',
        rootService: `${H}frontend`,
        rootName: 'GET /checkout',
        startMs: 1796023579449,
        durationMs: 16.003,
        serviceStats: {
          [`${H}frontend`]: { spanCount: 2, errorCount: 0 },
          [`${H}api-gateway`]: { spanCount: 4, errorCount: 0 },
          [`${H}auth-service`]: { spanCount: 1, errorCount: 0 },
          [`${H}user-service`]: { spanCount: 2, errorCount: 0 },
          [`${H}order-worker`]: { spanCount: 1, errorCount: 0 },
        },
      },
    ]);
  });

  it('operation and min duration (Go durations); Jaeger’s order is kept', async () => {
    const op = source('jaeger-api-search-operation');
    const byOp = await op.jaeger.search(
      { filter: { service: 'api-gateway', spanName: 'GET /api/checkout' } },
      { limit: 20, ...RANGE }
    );
    expect(query(op.urls[0])).toEqual(recordedQuery('jaeger-api-search-operation'));
    expect(byOp).toEqual([SLOW_TRACE, ERROR_TRACE]);

    const min = source('jaeger-api-search-min-duration');
    const slow = await min.jaeger.search(
      { filter: { service: 'user-service', minDurationMs: 20 } },
      { limit: 20, ...RANGE }
    );
    expect(query(min.urls[0])).toEqual(recordedQuery('jaeger-api-search-min-duration'));
    expect(slow).toEqual([SLOW_TRACE, ERROR_TRACE]);
  });

  it('keeps only traces where one span meets every condition: Jaeger’s maxDuration matched other services’ spans', async () => {
    // Jaeger returned both traces for service=user-service&maxDuration=1.5ms because of api-gateway's
    // 'orders publish' spans (475 and 853 µs); no user-service span is that short.
    const { jaeger, urls } = source('jaeger-api-search-max-duration');
    const hits = await jaeger.search(
      { filter: { service: 'user-service', maxDurationMs: 1.5 } },
      { limit: 20, ...RANGE }
    );
    expect(query(urls[0])).toEqual(recordedQuery('jaeger-api-search-max-duration'));
    expect((recorded('jaeger-api-search-max-duration').body.data as JaegerTrace[]).map((t) => t.traceID)).toEqual([
      SLOW_TRACE.traceId,
      ERROR_TRACE.traceId,
    ]);
    expect(hits).toEqual([]);
  });

  it('status ok → otel.status_code=OK, as Jaeger stores OTLP status', async () => {
    const { jaeger, urls } = source('jaeger-api-search-status-ok');
    const hits = await jaeger.search({ filter: { service: 'status-probe', status: 'ok' } }, { limit: 20, ...RANGE });
    expect({ ...query(urls[0]), limit: undefined }).toEqual({
      ...recordedQuery('jaeger-api-search-status-ok'),
      limit: undefined,
    });
    expect(hits).toEqual([
      {
        traceId: '5a7a7e5000000000000000000000beef',
        rootService: 'status-probe',
        rootName: 'probe ok',
        startMs: 1796023579569,
        durationMs: 9,
        serviceStats: { 'status-probe': { spanCount: 3, errorCount: 1 } },
      },
    ]);
  });

  it('status unset has no tag in Jaeger: searched without one, kept when a span carries no status', async () => {
    const { jaeger, urls } = source('jaeger-api-search-status-probe');
    const hits = await jaeger.search({ filter: { service: 'status-probe', status: 'unset' } }, { limit: 20, ...RANGE });
    expect({ ...query(urls[0]), limit: undefined }).toEqual({
      ...recordedQuery('jaeger-api-search-status-probe'),
      limit: undefined,
    });
    expect(hits.map((h) => h.rootName)).toEqual(['probe ok']);
    const none = source('jaeger-api-search-status-probe');
    expect(
      await none.jaeger.search(
        { filter: { service: 'status-probe', status: 'unset', spanName: 'probe error' } },
        { limit: 20 }
      )
    ).toEqual([]);
  });

  it('by service alone: every trace Jaeger returned, in its order', async () => {
    const { jaeger, urls } = source('jaeger-api-search-service');
    const hits = await jaeger.search({ filter: { service: 'auth-service' } }, { limit: 20, ...RANGE });
    expect(query(urls[0])).toEqual(recordedQuery('jaeger-api-search-service'));
    expect(hits.map((h) => [h.traceId, h.rootName, h.durationMs])).toEqual([
      ['459643cbb80e72fa151561cab0457f1b', 'GET /account', 10.649],
      [SLOW_TRACE.traceId, 'GET /checkout', 63.663],
      [ERROR_TRACE.traceId, 'GET /checkout', 44.54],
    ]);
  });

  it('an int attribute is compared as Jaeger compares it, by its text', async () => {
    const { jaeger } = source('jaeger-api-search-status-code');
    const hits = await jaeger.search(
      { filter: { service: 'frontend', spanAttributes: { 'http.status_code': '502' } } },
      { limit: 20 }
    );
    expect(hits).toEqual([ERROR_TRACE]);
  });

  it('an unknown service finds nothing', async () => {
    const { jaeger } = source('jaeger-api-search-unknown-service');
    expect(await jaeger.search({ filter: { service: 'no-such-service' } }, { limit: 20, ...RANGE })).toEqual([]);
  });

  it('refuses TraceQL and a search without service, before sending', async () => {
    const { jaeger, urls } = source('jaeger-api-search-no-service');
    await expect(jaeger.search({ traceql: '{ status = error }' }, { limit: 20 })).rejects.toMatchObject({
      kind: 'query-syntax',
      message: `${TARGET} is a Jaeger datasource: it takes no TraceQL. Search with the builder (service, span name, status, duration, attributes).`,
    });
    await expect(jaeger.search({ filter: { status: 'error' } }, { limit: 20 })).rejects.toMatchObject({
      kind: 'query-syntax',
      message: `${TARGET} searches one service at a time: pick a service (Jaeger answers "parameter 'service' is required" without one).`,
    });
    await expect(jaeger.search({ filter: { service: 'x', minDurationMs: NaN } }, { limit: 20 })).rejects.toMatchObject({
      kind: 'query-syntax',
      message: 'NaN ms is not a duration Jaeger can search for.',
    });
    expect(urls).toEqual([]);
  });
});

describe('Jaeger source: one-span check on real traces', () => {
  const trace = (recorded('jaeger-api-search-request-id').body.data as JaegerTrace[])[0];
  it.each<[TraceFilter, boolean]>([
    [{ service: 'frontend', resourceAttributes: { 'deployment.environment': 'tracelens-test' } }, true],
    [{ service: 'frontend', resourceAttributes: { 'deployment.environment': 'prod' } }, false],
    // x_request_id is a span tag, not a process tag
    [{ resourceAttributes: { x_request_id: 'req-7-002ac01a15e9' } }, false],
    [
      { service: 'api-gateway', spanAttributes: { x_request_id: 'req-7-002ac01a15e9', 'http.status_code': '200' } },
      true,
    ],
    // the tags are on frontend's server span, the operation is its client span's
    [
      { service: 'frontend', spanName: 'GET /api/account', spanAttributes: { x_request_id: 'req-7-002ac01a15e9' } },
      false,
    ],
    [{ service: 'user-service', spanName: 'SELECT users', minDurationMs: 3.93, maxDurationMs: 3.932 }, true],
    [{ service: 'user-service', spanName: 'SELECT users', minDurationMs: 3.931 }, false],
  ])('%j → %s', (filter, want) => {
    expect(traceMatches(trace, filter)).toBe(want);
  });
});

describe('Jaeger source: hits while the root has not arrived', () => {
  it('a recorded trace without its root span: no root service or name; start and extent from the spans there', () => {
    const whole = (recorded('jaeger-api-search-request-id').body.data as JaegerTrace[])[0];
    const partial = { ...whole, spans: whole.spans.filter((s) => s.operationName !== 'GET /account') };
    expect(jaegerHit(partial)).toEqual({
      traceId: '459643cbb80e72fa151561cab0457f1b',
      rootService: undefined,
      rootName: undefined,
      // 'GET /api/account' (frontend client) starts 1187 µs after the root and ends at 1796023579439083 µs
      startMs: 1796023579430.187,
      durationMs: 8.896,
      serviceStats: {
        frontend: { spanCount: 1, errorCount: 0 },
        'api-gateway': { spanCount: 3, errorCount: 0 },
        'auth-service': { spanCount: 1, errorCount: 0 },
        'user-service': { spanCount: 2, errorCount: 0 },
      },
    });
    expect(jaegerHit({ ...whole, spans: [] })).toBeUndefined();
  });
});

describe('Jaeger source: traces, lists, dependencies, Explore', () => {
  const ID = '862e40707a2b002c061be0fb0f2c677f';

  it('traceById: v3 OTLP JSON, or Jaeger JSON from v1 where v3 is missing', async () => {
    const v3 = source('jaeger-api-trace-v3');
    expect(await v3.jaeger.traceById(ID, { start: 1796023578.389, end: 1796023580.885 })).toEqual({
      format: 'otlp',
      raw: wireText(recorded('jaeger-api-trace-v3')),
    });
    expect(query(v3.urls[0])).toEqual(recordedQuery('jaeger-api-trace-v3'));
    const v1 = source('jaeger-api-unknown-v3-path', 'jaeger-api-trace-v1');
    expect(await v1.jaeger.traceById(ID)).toEqual({ format: 'jaeger', raw: wireText(recorded('jaeger-api-trace-v1')) });
  });

  it('traceById: a missing trace is trace-not-found', async () => {
    await expect(
      source('jaeger-api-trace-v3-not-found').jaeger.traceById('0123456789abcdef0123456789abcdef')
    ).rejects.toMatchObject({
      kind: 'trace-not-found',
      upstreamMessage: 'No traces found',
    });
  });

  it('services sorted; operations: unique names', async () => {
    const s = source('jaeger-api-services');
    expect((await s.jaeger.services({})).slice(0, 4)).toEqual([
      'api-gateway',
      'auth-service',
      'frontend',
      'order-worker',
    ]);
    const o = source('jaeger-api-operations-hostile');
    expect(await o.jaeger.operations(`${H}user-service`, {})).toEqual(['GET /users/{id}', 'SELECT users']);
    expect(query(o.urls[0])).toEqual(recordedQuery('jaeger-api-operations-hostile'));
  });

  it('tag suggestions: none', async () => {
    const { jaeger, urls } = source('jaeger-api-services');
    expect(await jaeger.tagNames('span', {})).toEqual([]);
    expect(await jaeger.tagValues('span.http.route', {})).toEqual([]);
    expect(urls).toEqual([]);
  });

  it('dependencies over the range, from /api/dependencies', async () => {
    const { jaeger, urls } = source('jaeger-api-dependencies');
    const edges = await jaeger.dependencies({ start: 1796019980.885, end: 1796023580.885 });
    expect(query(urls[0])).toEqual(recordedQuery('jaeger-api-dependencies'));
    expect(edges[0]).toEqual({ parent: 'frontend', child: 'api-gateway', callCount: 3 });
    expect(edges[4]).toEqual({ parent: `${H}frontend`, child: `${H}api-gateway`, callCount: 1 });
    expect(edges).toHaveLength(8);
  });

  it('exploreQuery: Grafana’s Jaeger query model', () => {
    const { jaeger } = source('jaeger-api-services');
    expect(jaeger.exploreQuery({ traceId: ID })).toEqual({ query: ID });
    expect(
      jaeger.exploreQuery({ filter: { service: `${H}frontend`, spanAttributes: { x_request_id: HOSTILE_REQUEST_ID } } })
    ).toEqual({
      queryType: 'search',
      service: `${H}frontend`,
      tags: 'x_request_id="req \\"x\\" & y/z\\=1 ü😀\nline2"',
    });
    expect(() => jaeger.exploreQuery({ traceql: '{}' })).toThrow(expect.objectContaining({ kind: 'query-syntax' }));
  });
});
