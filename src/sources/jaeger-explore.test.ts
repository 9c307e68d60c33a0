import { jaegerExploreQuery, logfmt } from './jaeger-explore';

const T = 'Jaeger (datasource "j")';

/**
 * How Grafana reads `tags` back: npm logfmt `parse` (1.3.2 and 1.4.0, lib/logfmt_parser.js), then
 * `String()` of every value (Grafana's Jaeger datasource, util.ts convertTagsLogfmt). Restated from
 * that parser's rules — pairs end at unquoted spaces, `"` toggles quoting and is dropped, `\` takes
 * the next character, the first unquoted `=` starts the value, an empty unquoted value is null, one
 * final newline is stripped — and checked against logfmt 1.3.2 and 1.4.0 on these cases.
 */
function grafanaReads(text: string): Record<string, string> {
  const line = text.endsWith('\n') ? text.slice(0, -1) : text;
  const out: Record<string, string> = {};
  let mode: 'between' | 'key' | 'value' = 'between';
  let quoted = false;
  let hadQuote = false;
  let key = '';
  let value = '';
  const finish = () => {
    if (mode === 'key' && key) {
      out[key] = 'true';
    } else if (mode === 'value') {
      out[key] = value === '' && !hadQuote ? 'null' : value;
    }
    value = '';
    mode = 'between';
    quoted = hadQuote = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' && !quoted) {
      finish();
    } else if (c === '=' && !quoted) {
      mode = 'value';
    } else if (c === '\\') {
      value += line[++i];
    } else if (c === '"') {
      quoted = !quoted;
      hadQuote = true;
    } else if (mode === 'between') {
      mode = 'key';
      key = c;
    } else if (mode === 'key') {
      key += c;
    } else {
      value += c;
    }
  }
  finish();
  return out;
}

describe('logfmt as Grafana’s Jaeger query editor reads it', () => {
  it.each([
    [{ error: 'true' }, 'error=true'],
    [{ 'http.status_code': '502', x_request_id: 'abc' }, 'http.status_code=502 x_request_id=abc'],
    [{ k: 'two words' }, 'k="two words"'],
    [{ k: 'say "hi"' }, 'k="say \\"hi\\""'],
    [{ k: 'a=b&c/d' }, 'k=a\\=b&c/d'],
    [{ k: 'back\\slash' }, 'k=back\\\\slash'],
    [{ k: '' }, 'k=""'],
    [{ id: '007', big: '12345678901234567890', no: 'false' }, 'id=007 big=12345678901234567890 no=false'],
    [{ k: 'ü😀\nline2' }, 'k="ü😀\nline2"'],
    [{ k: 'ends with newline\n' }, 'k="ends with newline\n"'],
  ])('%j → %s, read back unchanged', (tags, line) => {
    expect(logfmt(tags)).toBe(line);
    expect(grafanaReads(line)).toEqual(tags);
  });

  it('refuses what Grafana would read differently', () => {
    expect(() => logfmt({ 'two words': 'x' })).toThrow(
      'Grafana\'s Jaeger query editor cannot hold the tag name "two words".'
    );
    expect(() => logfmt({ 'a=b': 'x' })).toThrow(expect.objectContaining({ kind: 'query-syntax' }));
    expect(() => logfmt({ 'a"b': 'x' })).toThrow(expect.objectContaining({ kind: 'query-syntax' }));
    expect(() => logfmt({ 'a\\b': 'x' })).toThrow(expect.objectContaining({ kind: 'query-syntax' }));
    expect(logfmt({ id: '007' })).toBe('id=007');
  });
});

describe('jaegerExploreQuery', () => {
  it('a trace id is {query}', () => {
    expect(jaegerExploreQuery({ traceId: 'abc' }, T)).toEqual({ query: 'abc' });
  });

  it('a filter is a search with logfmt tags and Go durations; unset fields are left out', () => {
    expect(
      jaegerExploreQuery(
        {
          filter: {
            service: 'api-gateway',
            spanName: 'GET /api/checkout',
            status: 'error',
            minDurationMs: 1.5,
            maxDurationMs: 30,
            spanAttributes: { x_request_id: 'a "b"' },
            resourceAttributes: { 'deployment.environment': 'prod' },
          },
        },
        T
      )
    ).toEqual({
      queryType: 'search',
      service: 'api-gateway',
      operation: 'GET /api/checkout',
      tags: 'deployment.environment=prod x_request_id="a \\"b\\"" error=true',
      minDuration: '1.5ms',
      maxDuration: '30ms',
    });
    expect(jaegerExploreQuery({ filter: { service: 'x', status: 'ok' } }, T)).toEqual({
      queryType: 'search',
      service: 'x',
      tags: 'otel.status_code=OK',
    });
    expect(jaegerExploreQuery({ filter: {} }, T)).toEqual({ queryType: 'search' });
  });

  it('TraceQL is refused: Jaeger has none', () => {
    expect(() => jaegerExploreQuery({ traceql: '{}' }, T)).toThrow(
      expect.objectContaining({
        kind: 'query-syntax',
        message: `${T} is a Jaeger datasource: it takes no TraceQL. Search with the builder (service, span name, status, duration, attributes).`,
      })
    );
  });
});
