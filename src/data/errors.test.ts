import fc from 'fast-check';
import { classifyFailure, DataError, partialTraceWarning, upstreamMessage } from './errors';
import { recorded, wireText } from '../../tests/support/recorded';

const tempo = { target: 'Tempo at http://127.0.0.1:13200', path: 'api/search' };
const http = (name: string) => {
  const r = recorded(name);
  return { type: 'http' as const, status: r.status, body: r.body };
};

describe('classifyFailure with real server answers', () => {
  it('a TraceQL parse error (Tempo, 400 text) is query-syntax carrying Tempo’s words', () => {
    const e = classifyFailure(http('tempo-search-syntax-error'), tempo);
    expect(e).toBeInstanceOf(DataError);
    expect(e.kind).toBe('query-syntax');
    expect(e.upstreamMessage).toBe('invalid TraceQL query: parse error at line 1, col 27: syntax error: unexpected }');
    expect(e.message).toBe(`${tempo.target} rejected the query: ${e.upstreamMessage}`);
  });

  it('a PromQL parse error (Prometheus, 400 bad_data) is query-syntax', () => {
    const e = classifyFailure(http('prom-syntax-error'), { target: 'Prometheus', path: 'api/v1/query' });
    expect(e.kind).toBe('query-syntax');
    expect(e.upstreamMessage).toBe('invalid parameter "query": 1:15: parse error: unclosed left parenthesis');
  });

  it('a PromQL execution error (422) is query-failed', () => {
    const e = classifyFailure(http('prom-execution-error'), { target: 'Prometheus', path: 'api/v1/query' });
    expect(e.kind).toBe('query-failed');
    expect(e.status).toBe(422);
    expect(e.upstreamMessage).toMatch(/^found duplicate series for the match group/);
  });

  it('v1 trace 404 (empty body) is trace-not-found', () => {
    const e = classifyFailure(http('tempo-trace-v1-not-found'), { ...tempo, path: 'api/traces/0123' });
    expect(e.kind).toBe('trace-not-found');
    expect(e.message).toMatch(/^Trace not found in Tempo/);
  });

  it('a 404 on another path is a plain failure naming the status', () => {
    const e = classifyFailure(http('tempo-unknown-path'), { ...tempo, path: 'api/nope' });
    expect(e.kind).toBe('query-failed');
    expect(e.message).toBe(`${tempo.target} (api/nope) failed with HTTP 404: 404 page not found`);
  });
});

// Grafana's own answers through its datasource proxy (bodies as Grafana's API writes them: {message}).
// Not recorded: recording them takes a running Grafana, which is not run here (AGPL, REFERENCE §5).
describe('classifyFailure with Grafana proxy answers', () => {
  const ds = { target: 'Tempo (datasource "tempo")', path: 'api/search' };

  it.each([
    [404, { message: 'Unable to find datasource' }, 'datasource-not-found'],
    [401, { message: 'Unauthorized' }, 'unauthorized'],
    [403, { message: 'Access denied to datasource' }, 'forbidden'],
    [502, '', 'unreachable'],
    [503, 'Ingester not ready', 'unreachable'],
    [504, '', 'timeout'],
    [500, { message: 'Unable to load datasource meta data' }, 'query-failed'],
  ])('HTTP %i %j → %s', (status, body, kind) => {
    expect(classifyFailure({ type: 'http', status, body }, ds).kind).toBe(kind);
  });

  it('TraceQL metrics without local-blocks is traceql-metrics-disabled', () => {
    // Tempo's recorded 500 (a Tempo without the local-blocks processor), as Grafana passes it on
    const e = classifyFailure(http('tempo-metrics-no-local-blocks'), { ...ds, path: 'api/metrics/query_range' });
    expect(e.kind).toBe('traceql-metrics-disabled');
    expect(e.message).toMatch(/local-blocks processor/);
  });
});

describe('classifyFailure without an HTTP answer', () => {
  it('names network failures, timeouts, cancellation and non-JSON bodies', () => {
    expect(classifyFailure({ type: 'network', cause: new TypeError('fetch failed') }, tempo)).toMatchObject({
      kind: 'unreachable',
      message:
        'Tempo at http://127.0.0.1:13200 is unreachable: fetch failed. Check that it is running and that its URL is right.',
    });
    expect(classifyFailure({ type: 'timeout', timeoutMs: 1500 }, tempo).message).toBe(
      `${tempo.target} (api/search) did not answer within 1.5 s.`
    );
    expect(classifyFailure({ type: 'cancelled' }, tempo).kind).toBe('cancelled');
    expect(classifyFailure({ type: 'bad-json', cause: new SyntaxError('Unexpected token <') }, tempo).kind).toBe(
      'bad-response'
    );
  });
});

describe('upstreamMessage', () => {
  it('reads text, {error} and {message} bodies', () => {
    expect(upstreamMessage('  boom \n')).toBe('boom');
    expect(upstreamMessage({ status: 'error', error: 'bad' })).toBe('bad');
    expect(upstreamMessage({ message: 'Unauthorized' })).toBe('Unauthorized');
    expect(upstreamMessage('')).toBeUndefined();
    expect(upstreamMessage({})).toBeUndefined();
  });
});

it('partialTraceWarning is a partial-trace DataError with Tempo’s message', () => {
  const w = partialTraceWarning(tempo, 'trace exceeds max size');
  expect(w).toMatchObject({ kind: 'partial-trace', upstreamMessage: 'trace exceeds max size' });
  expect(w.message).toBe(`${tempo.target} returned only part of this trace: trace exceeds max size.`);
  // Tempo's words are shown cut to 300 characters (+ "… (400 characters)"), invisible ones escaped
  const long = partialTraceWarning(tempo, `\u200b${'z'.repeat(399)}`);
  expect(long.message).toBe(
    `${tempo.target} returned only part of this trace: \\u200b${'z'.repeat(299)}… (400 characters).`
  );
});

// Jaeger v2 (module v1.76.0) answers, recorded by tests/integration/record-jaeger-fixtures.ts. Jaeger
// writes its JSON errors as text/plain; Grafana hands a text request's error body over unparsed, so
// each body is also tried as the text it was on the wire.
describe('classifyFailure with Jaeger answers', () => {
  const jaeger = { target: 'Jaeger at http://127.0.0.1:36686', path: '' };
  const cases: Array<[string, string, string, string]> = [
    ['jaeger-api-trace-v3-not-found', 'api/v3/traces/0123', 'trace-not-found', 'No traces found'],
    ['jaeger-api-trace-v1-not-found', 'api/traces/0123', 'trace-not-found', 'trace not found'],
    [
      'jaeger-api-trace-v3-malformed',
      'api/v3/traces/x',
      'query-syntax',
      'malformed parameter trace_id: strconv.ParseUint: parsing "not-a-trace-id": invalid syntax',
    ],
    [
      'jaeger-api-trace-v1-malformed',
      'api/traces/x',
      'query-syntax',
      'strconv.ParseUint: parsing "not-a-trace-id": invalid syntax',
    ],
    ['jaeger-api-search-no-service', 'api/traces', 'query-syntax', "parameter 'service' is required"],
    [
      'jaeger-api-search-error-bool-json',
      'api/traces',
      'query-syntax',
      "malformed 'tags' parameter, cannot unmarshal JSON: json: cannot unmarshal bool into Go value of type string",
    ],
  ];

  it.each(cases)('%s on %s → %s with Jaeger’s message', (name, path, kind, said) => {
    const r = recorded(name);
    for (const body of [r.body, wireText(r)]) {
      const e = classifyFailure({ type: 'http', status: r.status, body }, { ...jaeger, path });
      expect([e.kind, e.status, e.upstreamMessage]).toEqual([kind, r.status, said]);
    }
  });

  it('phrases them for people', () => {
    const notFound = recorded('jaeger-api-trace-v3-not-found');
    expect(
      classifyFailure({ type: 'http', status: 404, body: notFound.body }, { ...jaeger, path: 'api/v3/traces/1' })
        .message
    ).toBe(
      'Trace not found in Jaeger at http://127.0.0.1:36686: No traces found. It may be outside the searched time range or past retention.'
    );
    const noService = recorded('jaeger-api-search-no-service');
    expect(
      classifyFailure({ type: 'http', status: 400, body: noService.body }, { ...jaeger, path: 'api/traces' }).message
    ).toBe("Jaeger at http://127.0.0.1:36686 rejected the query: parameter 'service' is required");
  });

  it('upstreamMessage keeps text that only looks like JSON, and joins several v1 errors', () => {
    expect(upstreamMessage('{not json')).toBe('{not json');
    expect(
      upstreamMessage({
        data: null,
        errors: [
          { code: 500, msg: 'a' },
          { code: 500, msg: 'b' },
        ],
      })
    ).toBe('a; b');
    expect(upstreamMessage({ data: [], errors: null })).toBeUndefined();
  });
});

// Causes and bodies that are not Errors: each gives a readable message, never "[object Object]" or a throw.
describe('classifyFailure with any cause', () => {
  const ctx = { target: 'Tempo at http://t', path: 'api/search' };
  const unreachable = (cause: unknown) => classifyFailure({ type: 'network', cause }, ctx).message;
  const said = (m: string) => m.replace(/^Tempo at http:\/\/t is unreachable: (.*)\. Check .*$/s, '$1');

  it.each<[string, unknown, string]>([
    ['an Error', new TypeError('fetch failed'), 'fetch failed'],
    ['an Error without a message', new RangeError(''), 'RangeError'],
    ['a string', '  connection reset \n', 'connection reset'],
    ['an empty string', '', 'no details'],
    ['undefined', undefined, 'no details'],
    ['null', null, 'no details'],
    ['a number', 42, '42'],
    ['NaN', NaN, 'NaN'],
    ['a bigint', BigInt(7), '7'],
    ['a symbol', Symbol('boom'), 'symbol boom'],
    ['a plain object', { code: 'ECONNRESET', errno: -104 }, '{"code":"ECONNRESET","errno":-104}'],
    ['an empty object', {}, 'an object of type Object'],
    ['a null-prototype object', Object.create(null), 'an object'],
    ['a null-prototype object with a message', Object.assign(Object.create(null), { message: 'down' }), 'down'],
    ['{data: {message}}', { data: { message: 'Unable to find datasource' } }, 'Unable to find datasource'],
    // Grafana's FetchError, as getBackendSrv().fetch rejects
    [
      'a FetchError',
      { status: 502, statusText: 'Bad Gateway', data: { message: 'upstream down' }, config: { url: '/x' } },
      'HTTP 502 Bad Gateway: upstream down',
    ],
    ['a FetchError without data', { status: 0, statusText: '', data: null }, 'HTTP 0'],
    ['an array', [1, 'two'], '[1,"two"]'],
  ])('%s', (_label, cause, text) => {
    expect(said(unreachable(cause))).toBe(text);
  });

  it('objects that throw on toString, on JSON or on reading a field', () => {
    const hostile = {
      toString: () => {
        throw new Error('no');
      },
      toJSON: () => {
        throw new Error('no');
      },
    };
    expect(said(unreachable(hostile))).toBe('an object of type Object');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(said(unreachable(cyclic))).toBe('an object of type Object');
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      }
    );
    expect(said(unreachable(trap))).toBe('a value that cannot be read');
  });

  it('a long or invisible cause is cut to 300 characters with invisible characters escaped', () => {
    // 300 shown + "… (1000 characters)"
    expect(said(unreachable('x'.repeat(1000)))).toBe(`${'x'.repeat(300)}… (1000 characters)`);
    expect(said(unreachable('a\u200bb\u0000c\ufeffd\u00a0e'))).toBe('a\\u200bb\\u0000c\\ufeffd\\u00a0e');
    expect(classifyFailure({ type: 'bad-json', cause: { message: '<html>\u0007' } }, ctx).message).toBe(
      'Tempo at http://t (api/search) answered with something that is not JSON: <html>\\u0007'
    );
    expect(classifyFailure({ type: 'bad-json', cause: undefined }, ctx).message).toMatch(/not JSON: no details$/);
  });

  it('an upstream body is cut in the message (300 characters) and in upstreamMessage (4096)', () => {
    const html = `<html>${'y'.repeat(9994)}`; // 10,000 characters
    const e = classifyFailure({ type: 'http', status: 500, body: html }, ctx);
    expect(e.message).toBe(
      `Tempo at http://t (api/search) failed with HTTP 500: <html>${'y'.repeat(294)}… (4097 characters)`
    );
    expect(e.upstreamMessage).toBe(`${html.slice(0, 4096)}…`);
    const nbsp = classifyFailure({ type: 'http', status: 400, body: { error: 'bad\u00a0query\n' } }, ctx);
    expect(nbsp.message).toBe('Tempo at http://t rejected the query: bad\\u00a0query\\n');
    expect(nbsp.upstreamMessage).toBe('bad\u00a0query\n');
  });

  it('property: any cause or body gives a DataError with a short, non-empty, readable message', () => {
    // the longest: target + path + fixed words (~120) + 300 shown + "… (N characters)"
    const MAX = 500;
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
        fc.integer({ min: 0, max: 599 }),
        (cause, status) => {
          for (const failure of [
            { type: 'network' as const, cause },
            { type: 'bad-json' as const, cause },
            { type: 'http' as const, status, statusText: 'Whatever', body: cause },
          ]) {
            const e = classifyFailure(failure, ctx);
            expect(e).toBeInstanceOf(DataError);
            expect(typeof e.message).toBe('string');
            expect(e.message.length).toBeGreaterThan(0);
            expect(e.message.length).toBeLessThan(MAX);
            expect(e.message).not.toContain('[object Object]');
            expect(e.message).not.toContain('[object ');
          }
        }
      ),
      { numRuns: 1000 }
    );
  });
});
