import fc from 'fast-check';
import { DataError, dataError, ErrorReason, ErrorValues, targetText } from '../data';
import { inZhHans } from '../../tests/support/i18n';
import { errorText, noteText } from './errorText';

/** One example of every sentence's values (the type makes the table name every reason). */
const EXAMPLES: { [R in ErrorReason]: ErrorValues[R] } = {
  'request-cancelled': { target: 'Tempo (datasource "tempo")', path: 'api/search' },
  'no-answer': { target: 'Tempo (datasource "tempo")', path: 'api/search', within: '1.5 s' },
  unreachable: { target: 'Prometheus (datasource "prom")', cause: 'connection refused' },
  'not-json': { target: 'Tempo (datasource "tempo")', path: 'api/search', cause: 'Unexpected token <' },
  unauthorized: { target: 'Tempo (datasource "tempo")', said: 'Unauthorized' },
  forbidden: { target: 'Tempo (datasource "tempo")' },
  'datasource-not-found': { target: 'Tempo (datasource "tempo")', said: 'Unable to find datasource' },
  'trace-not-found': { target: 'Tempo (datasource "tempo")' },
  'traceql-metrics-disabled': { target: 'Tempo (datasource "tempo")', said: 'localblocks processor not found' },
  'query-rejected': { target: 'Tempo (datasource "tempo")', said: 'parse error at line 1, col 27' },
  'query-not-executed': { target: 'Prometheus (datasource "prom")' },
  'not-ready': { target: 'Tempo (datasource "tempo")', status: 503, said: 'Ingester not ready' },
  'gateway-timeout': { target: 'Tempo (datasource "tempo")', path: 'api/search' },
  'http-failed': { target: 'Tempo (datasource "tempo")', path: 'api/nope', status: 404, said: '404 page not found' },
  'trace-too-large': { traceId: 'abc123', target: 'Tempo (datasource "tempo")', status: 422, said: 'too big' },
  'partial-trace': { target: 'Tempo (datasource "tempo")', said: 'trace exceeds max size' },
  'prometheus-failed': { target: 'Prometheus (datasource "prom")', path: 'api/v1/query' },
  'not-a-trace-id': { traceId: 'xyz' },
  'trace-absent': { traceId: 'abc123', target: 'Tempo (datasource "tempo")' },
  'trace-not-json': { traceId: 'abc123', target: 'Tempo (datasource "tempo")', cause: 'Unexpected end' },
  'trace-without-result': { traceId: 'abc123', target: 'Jaeger (datasource "jaeger")' },
  'trace-not-jaeger-json': { traceId: 'abc123', target: 'Jaeger (datasource "jaeger")' },
  'trace-load-cancelled': { traceId: 'abc123', target: 'Tempo (datasource "tempo")' },
  'trace-unreadable': { traceId: 'abc123', target: 'Jaeger (datasource "jaeger")', cause: 'no trace' },
  'trace-failed': { traceId: 'abc123', target: 'Tempo (datasource "tempo")', cause: 'out of memory' },
  'stitch-cancelled': { traceId: 'abc123' },
  'jaeger-one-service': { target: 'Jaeger (datasource "jaeger")' },
  'jaeger-bad-duration': { ms: -1 },
  'jaeger-tag-name': { name: '"a b"' },
  'jaeger-no-traceql': { target: 'Jaeger (datasource "jaeger")' },
  'not-traceql': { cause: 'a duration must be a number of ms ≥ 0, got -1' },
  'no-dependency-api': { target: 'Tempo (datasource "tempo")' },
  'not-a-vector': { expr: 'up', resultType: 'matrix' },
  'native-histogram': { metric: 'traces_span_metrics_duration_seconds' },
  'no-service-graph': {},
  'no-peer-label': { metric: 'traces_spanmetrics_calls_total' },
  'bucket-without-le': { le: 'undefined' },
  'no-span-metrics': {},
  'mixed-schemes': { metrics: 'traces_spanmetrics_calls_total, calls_total' },
  'span-metric-labels': { metric: 'traces_spanmetrics_calls_total' },
  'no-connector-metrics': {},
  'unknown-scheme-setting': { setting: 'nope', presets: 'tempo, otel' },
  'no-datasource': { uid: 'gone' },
  'datasource-wrong-type': { uid: 'loki', type: 'loki' },
};

const reasons = Object.keys(EXAMPLES) as ErrorReason[];
const make = (reason: ErrorReason, values: ErrorValues[ErrorReason]) =>
  dataError(reason, values as ErrorValues[typeof reason]);

describe('errorText in en-US', () => {
  it.each(reasons)('%s says the English message to the letter', (reason) => {
    const e = make(reason, EXAMPLES[reason]);
    expect(errorText(e)).toBe(e.message);
  });

  it('says the message to the letter whatever the values hold (slashes, quotes, braces, markup)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '/', '"', "'", '<', '&', '{', '}', '$', '(', ':', ' ') });
    fc.assert(
      fc.property(fc.constantFrom(...reasons), text, text, (reason, a, b) => {
        const values = Object.fromEntries(
          Object.entries(EXAMPLES[reason]).map(([k, v], i) => [k, typeof v === 'string' ? (i % 2 ? a : b) : v])
        ) as ErrorValues[ErrorReason];
        const e = make(reason, values);
        expect(errorText(e)).toBe(e.message);
      })
    );
  });

  it('says a target from its parts as the transports write it (datasource, URL, bare name)', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'T', ' ', '"', '/', ':') });
    const parts = fc.oneof(
      fc.record({ name, datasource: name }),
      fc.record({ name, url: name.filter((u) => u !== '') }),
      fc.record({ name })
    );
    fc.assert(
      fc.property(parts, (p) => {
        const e = make('unreachable', { target: targetText(p), parts: p, cause: 'refused' });
        expect(errorText(e)).toBe(e.message);
      })
    );
    const viaUrl = { name: 'Prometheus', url: 'http://prom:9090' };
    expect(errorText(make('trace-absent', { traceId: 'a1', target: targetText(viaUrl), parts: viaUrl }))).toBe(
      'Trace a1 not found in Prometheus at http://prom:9090.'
    );
  });

  it('names the server’s words, or says none were given', () => {
    expect(errorText(make('unauthorized', { target: 'Tempo' }))).toBe(
      "Tempo refused the request as unauthenticated (401). Check the datasource's credentials."
    );
    expect(errorText(make('prometheus-failed', { target: 'Prometheus', path: 'api/v1/query' }))).toBe(
      'Prometheus (api/v1/query) failed: no reason given'
    );
  });

  it('says an error without words, or anything else, by its own text', () => {
    expect(errorText(new DataError('cancelled', 'Loading trace a was cancelled.'))).toBe(
      'Loading trace a was cancelled.'
    );
    expect(errorText(new RangeError('out of range'))).toBe('out of range');
    expect(errorText('plain')).toBe('plain');
  });

  it('says a coverage note by its failure, else by its message', () => {
    const error = make('trace-absent', { traceId: 'a1', target: 'Tempo' });
    expect(noteText({ traceId: 'a1', message: 'ignored', error })).toBe('Trace a1 not found in Tempo.');
    expect(noteText({ traceId: 'a1', message: '2 spans repaired' })).toBe('2 spans repaired');
  });
});

describe('errorText in zh-Hans', () => {
  inZhHans();

  it('says an unreachable datasource in Chinese with its name and cause', () => {
    expect(errorText(make('unreachable', EXAMPLES.unreachable))).toBe(
      'Prometheus (datasource "prom") 无法访问：connection refused。请检查它是否在运行，以及其 URL 是否正确。'
    );
  });

  it('says a trace too large in Chinese with its id, status and the server’s words', () => {
    expect(errorText(make('trace-too-large', EXAMPLES['trace-too-large']))).toBe(
      '追踪 abc123 超出了 Tempo (datasource "tempo") 可提供的大小：HTTP 422（too big）。Tempo 拒绝超过 ' +
        'max_bytes_per_trace 限制（默认 5 MB）的追踪；这是服务器设置（Tempo 的 overrides），请联系 Tempo 的运维人员调高。'
    );
  });

  it('says the target in Chinese from its parts: a datasource, a URL', () => {
    const tempo = { name: 'Tempo', datasource: 'tempo' };
    expect(errorText(make('trace-absent', { traceId: 'a1', target: targetText(tempo), parts: tempo }))).toBe(
      '在 Tempo 数据源“tempo” 中找不到追踪 a1。'
    );
    const prom = { name: 'Prometheus', url: 'http://prom:9090' };
    expect(errorText(make('query-rejected', { target: targetText(prom), parts: prom }))).toBe(
      'http://prom:9090 上的 Prometheus 拒绝了查询'
    );
  });

  it('says the server’s words after a Chinese colon, and nothing when there are none', () => {
    expect(errorText(make('query-rejected', { target: 'Tempo', said: 'syntax error' }))).toBe(
      'Tempo 拒绝了查询：syntax error'
    );
    expect(errorText(make('query-rejected', { target: 'Tempo' }))).toBe('Tempo 拒绝了查询');
  });

  it('says a cancelled load and a cancelled stitch in Chinese', () => {
    expect(errorText(make('trace-load-cancelled', EXAMPLES['trace-load-cancelled']))).toBe(
      '从 Tempo (datasource "tempo") 加载追踪 abc123 已取消。'
    );
    expect(errorText(make('stitch-cancelled', EXAMPLES['stitch-cancelled']))).toBe('拼接追踪 abc123 已取消。');
  });

  it('translates every sentence (none falls back to English)', () => {
    const english = reasons.filter((reason) => {
      const e = make(reason, EXAMPLES[reason]);
      return errorText(e) === e.message;
    });
    expect(english).toEqual([]);
  });
});
