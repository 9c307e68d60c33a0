import { createFetchTransport } from '../fetch-transport';
import { fetchReplaying, recorded, wireText } from '../../../tests/support/recorded';
import { createJaegerClient } from './client';

// Every body replayed here is a real Jaeger v2 (module v1.76.0, Badger) answer recorded by
// tests/integration/record-jaeger-fixtures.ts (tests/integration/fixtures/jaeger-api-*.json);
// tempo-unknown-path is a real Go `404 page not found`, the answer of a router without the path.
const client = (...names: string[]) => {
  const replay = fetchReplaying(...names.map((n) => recorded(n)));
  return {
    jaeger: createJaegerClient(createFetchTransport('http://jaeger', 'Jaeger', replay.impl)),
    urls: replay.urls,
  };
};
const ID = '862e40707a2b002c061be0fb0f2c677f';
const MISSING = '0123456789abcdef0123456789abcdef';
const HOSTILE_SERVICE = 'q"uote & sl/ash ü😀\nfrontend';
const HOSTILE_REQUEST_ID = 'req "x" & y/z=1 ü😀\nline2';
const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('Jaeger client: traceById', () => {
  it('asks API v3 with an RFC3339 range and returns the OTLP body as sent', async () => {
    const { jaeger, urls } = client('jaeger-api-trace-v3');
    const fetched = await jaeger.traceById(ID, { start: 1796023578.389, end: 1796023580 });
    expect(urls).toEqual([
      `http://jaeger/api/v3/traces/${ID}?start_time=2026-11-30T07%3A26%3A18.389Z&end_time=2026-11-30T07%3A26%3A20Z`,
    ]);
    expect(fetched).toEqual({ raw: wireText(recorded('jaeger-api-trace-v3')), apiVersion: 'v3' });
    expect(JSON.parse(fetched.raw).result.resourceSpans).toHaveLength(5);
  });

  it('writes µs fractions and lowercases the id', async () => {
    const { jaeger, urls } = client('jaeger-api-trace-v3');
    await jaeger.traceById(ID.toUpperCase(), { start: 0.000001, end: 1.25 });
    expect(params(urls[0])).toEqual({ start_time: '1970-01-01T00:00:00.000001Z', end_time: '1970-01-01T00:00:01.25Z' });
    expect(new URL(urls[0]).pathname).toBe(`/api/v3/traces/${ID}`);
  });

  it('a missing trace is trace-not-found with Jaeger’s words, and v1 is not asked', async () => {
    const { jaeger, urls } = client('jaeger-api-trace-v3-not-found');
    await expect(jaeger.traceById(MISSING)).rejects.toMatchObject({
      name: 'DataError',
      kind: 'trace-not-found',
      status: 404,
      upstreamMessage: 'No traces found',
      message:
        'Trace not found in Jaeger at http://jaeger: No traces found. It may be outside the searched time range or past retention.',
    });
    expect(urls).toEqual([`http://jaeger/api/v3/traces/${MISSING}`]);
  });

  it('falls back to v1 when v3 answers with Jaeger UI’s page (the route is missing)', async () => {
    const { jaeger, urls } = client('jaeger-api-unknown-v3-path', 'jaeger-api-trace-v1');
    const fetched = await jaeger.traceById(ID, { start: 10, end: 20.5 });
    expect(urls).toEqual([
      `http://jaeger/api/v3/traces/${ID}?start_time=1970-01-01T00%3A00%3A10Z&end_time=1970-01-01T00%3A00%3A20.5Z`,
      `http://jaeger/api/traces/${ID}?start=10000000&end=20500000`,
    ]);
    expect(fetched).toEqual({ raw: wireText(recorded('jaeger-api-trace-v1')), apiVersion: 'v1' });
  });

  it('falls back to v1 on a non-JSON 404 too; v1’s 404 is trace-not-found', async () => {
    const { jaeger, urls } = client('tempo-unknown-path', 'jaeger-api-trace-v1-not-found');
    await expect(jaeger.traceById(MISSING)).rejects.toMatchObject({
      kind: 'trace-not-found',
      upstreamMessage: 'trace not found',
    });
    expect(urls).toEqual([`http://jaeger/api/v3/traces/${MISSING}`, `http://jaeger/api/traces/${MISSING}`]);
  });

  it('an answer that is neither a v3 nor a v1 trace is bad-response', async () => {
    await expect(client('jaeger-api-services').jaeger.traceById(ID)).rejects.toMatchObject({
      kind: 'bad-response',
      message: `Jaeger at http://jaeger answered trace ${ID} without a "result".`,
    });
    await expect(client('jaeger-api-unknown-path').jaeger.traceById(ID)).rejects.toMatchObject({
      kind: 'bad-response',
      message: `Jaeger at http://jaeger answered trace ${ID} with something that is not Jaeger's trace JSON.`,
    });
  });

  it.each(['../../admin', 'not-a-trace-id', '', 'g'.repeat(32), 'a'.repeat(33), `${ID}\n`, `${ID.slice(0, 31)}/`])(
    'refuses %j before sending',
    async (id) => {
      const { jaeger, urls } = client('jaeger-api-trace-v3');
      await expect(jaeger.traceById(id)).rejects.toMatchObject({
        kind: 'query-syntax',
        message: `'${id}' is not a trace id: expected up to 32 hexadecimal digits.`,
      });
      expect(urls).toEqual([]);
    }
  );
});

describe('Jaeger client: search', () => {
  it('sends every parameter; tags as a JSON map; start/end in whole µs', async () => {
    const { jaeger, urls } = client('jaeger-api-search-min-duration');
    const traces = await jaeger.search({
      service: 'user-service',
      operation: 'SELECT users',
      tags: { 'http.status_code': '502', error: 'true' },
      minDuration: '20ms',
      maxDuration: '1.5ms',
      limit: 20,
      start: 1796023578389000.4,
      end: 1796023580884999.2,
    });
    expect(urls).toEqual([
      'http://jaeger/api/traces?service=user-service&operation=SELECT+users&tags=%7B%22http.status_code%22%3A%22502%22%2C%22error%22%3A%22true%22%7D&minDuration=20ms&maxDuration=1.5ms&limit=20&start=1796023578389000&end=1796023580885000',
    ]);
    expect(traces.map((t) => t.traceID)).toEqual([ID, 'ba4227c384325e4b884bfa3fe0302427']);
  });

  it('leaves out what is not given (no empty tags map)', async () => {
    const { jaeger, urls } = client('jaeger-api-search-unknown-service');
    expect(await jaeger.search({ service: 'no-such-service', tags: {} })).toEqual([]);
    expect(urls).toEqual(['http://jaeger/api/traces?service=no-such-service']);
  });

  it('hostile service names and tag values reach Jaeger intact (and matched a real trace)', async () => {
    const { jaeger, urls } = client('jaeger-api-search-hostile');
    const traces = await jaeger.search({ service: HOSTILE_SERVICE, tags: { x_request_id: HOSTILE_REQUEST_ID } });
    expect(urls[0]).toBe(
      'http://jaeger/api/traces?service=q%22uote+%26+sl%2Fash+%C3%BC%F0%9F%98%80%0Afrontend&tags=%7B%22x_request_id%22%3A%22req+%5C%22x%5C%22+%26+y%2Fz%3D1+%C3%BC%F0%9F%98%80%5Cnline2%22%7D'
    );
    expect(params(urls[0])).toEqual({
      service: HOSTILE_SERVICE,
      tags: JSON.stringify({ x_request_id: HOSTILE_REQUEST_ID }),
    });
    // the recorded request carried the same values: Jaeger found the one trace with them
    const asked = new URLSearchParams(recorded('jaeger-api-search-hostile').request.split('?')[1]);
    expect([asked.get('service'), asked.get('tags')]).toEqual([params(urls[0]).service, params(urls[0]).tags]);
    expect(traces.map((t) => t.traceID)).toEqual(['b150f910c372397e39daff88f12a7b2c']);
  });

  it('without a service: query-syntax before sending (Jaeger itself answers 400)', async () => {
    const { jaeger, urls } = client('jaeger-api-search-no-service');
    await expect(jaeger.search({ service: '' })).rejects.toMatchObject({
      kind: 'query-syntax',
      message:
        'Jaeger at http://jaeger searches one service at a time: pick a service (Jaeger answers "parameter \'service\' is required" without one).',
    });
    expect(urls).toEqual([]);
  });

  it('a duration Jaeger cannot parse is query-syntax with Jaeger’s words', async () => {
    await expect(
      client('jaeger-api-search-bad-duration').jaeger.search({ service: 'user-service', minDuration: '20' })
    ).rejects.toMatchObject({
      kind: 'query-syntax',
      status: 400,
      upstreamMessage: 'unable to parse param \'minDuration\': time: missing unit in duration "20"',
      message:
        'Jaeger at http://jaeger rejected the query: unable to parse param \'minDuration\': time: missing unit in duration "20"',
    });
  });
});

describe('Jaeger client: how Jaeger v2 on Badger matches tags (recorded)', () => {
  it('otel.status_code=ERROR finds the trace with an ERROR span; UNSET finds nothing (unset spans carry no tag)', async () => {
    const error = client('jaeger-api-search-status-error');
    expect(
      (await error.jaeger.search({ service: 'status-probe', tags: { 'otel.status_code': 'ERROR' } })).map(
        (t) => t.traceID
      )
    ).toEqual(['5a7a7e5000000000000000000000beef']);
    const unset = client('jaeger-api-search-status-unset');
    expect(await unset.jaeger.search({ service: 'status-probe', tags: { 'otel.status_code': 'UNSET' } })).toEqual([]);
    expect(unset.urls[0]).toBe(
      'http://jaeger/api/traces?service=status-probe&tags=%7B%22otel.status_code%22%3A%22UNSET%22%7D'
    );
  });

  it('an int tag matches its decimal text: http.status_code "502"', async () => {
    const { jaeger } = client('jaeger-api-search-status-code');
    const traces = await jaeger.search({ service: 'frontend', tags: { 'http.status_code': '502' } });
    expect(traces.map((t) => t.traceID)).toEqual(['ba4227c384325e4b884bfa3fe0302427']);
  });
});

describe('Jaeger client: services, operations, dependencies', () => {
  it('services: Jaeger’s list as sent', async () => {
    const { jaeger, urls } = client('jaeger-api-services');
    expect(await jaeger.services()).toEqual([
      'api-gateway',
      'auth-service',
      'frontend',
      'order-worker',
      'q"uote & sl/ash ü😀\napi-gateway',
      'q"uote & sl/ash ü😀\nauth-service',
      'q"uote & sl/ash ü😀\nfrontend',
      'q"uote & sl/ash ü😀\norder-worker',
      'q"uote & sl/ash ü😀\nuser-service',
      'status-probe',
      'user-service',
    ]);
    expect(urls).toEqual(['http://jaeger/api/services']);
  });

  it('operations: name and span kind (Badger stores no kind: "")', async () => {
    const { jaeger, urls } = client('jaeger-api-operations');
    expect(await jaeger.operations('user-service')).toEqual([
      { name: 'GET /users/{id}', spanKind: '' },
      { name: 'SELECT users', spanKind: '' },
    ]);
    expect(urls).toEqual(['http://jaeger/api/operations?service=user-service']);
  });

  it('operations: a hostile service reaches the URL encoded', async () => {
    const { jaeger, urls } = client('jaeger-api-operations-hostile');
    expect((await jaeger.operations('q"uote & sl/ash ü😀\nuser-service')).map((o) => o.name)).toEqual([
      'GET /users/{id}',
      'SELECT users',
    ]);
    expect(urls).toEqual([
      'http://jaeger/api/operations?service=q%22uote+%26+sl%2Fash+%C3%BC%F0%9F%98%80%0Auser-service',
    ]);
  });

  it('operations: spanKind is sent; Badger ignores it (server operations come back for client)', async () => {
    const { jaeger, urls } = client('jaeger-api-operations-client');
    expect((await jaeger.operations('api-gateway', 'client')).map((o) => o.name)).toEqual([
      'GET /api/account',
      'GET /api/checkout',
      'GET /users/{id}',
      'POST /auth/verify',
      'orders publish',
    ]);
    expect(urls).toEqual(['http://jaeger/api/operations?service=api-gateway&spanKind=client']);
  });

  it('dependencies: endTs and lookback in whole ms; edges as sent', async () => {
    const { jaeger, urls } = client('jaeger-api-dependencies');
    const edges = await jaeger.dependencies(1796023580884.6, 3_600_000);
    expect(urls).toEqual(['http://jaeger/api/dependencies?endTs=1796023580885&lookback=3600000']);
    expect(edges.filter((e) => !e.parent.startsWith('q"'))).toEqual([
      { parent: 'frontend', child: 'api-gateway', callCount: 3 },
      { parent: 'api-gateway', child: 'auth-service', callCount: 3 },
      { parent: 'api-gateway', child: 'user-service', callCount: 3 },
      { parent: 'api-gateway', child: 'order-worker', callCount: 2 },
    ]);
    expect(edges).toHaveLength(8);
  });
});
