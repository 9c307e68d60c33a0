import { classifyFailure, DataError, partialTraceWarning, upstreamMessage } from './errors';
import { recorded, wireText } from './recorded';

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
