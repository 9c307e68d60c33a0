import { traceqlAttribute, traceqlDuration, traceqlEquals, traceqlFilter } from './traceql';

// Why these forms: quote.ts. That Tempo's rules read each condition back as the value, and that
// Grafana's TraceQL grammar accepts it: traceql-grammar.test.ts.
describe('traceqlEquals', () => {
  it.each([
    ['plain', 'name = "plain"'],
    ['say "hi"', 'name = "say \\"hi\\""'],
    ['back\\slash', 'name = "back\\\\slash"'],
    ['tab\there, bell\u0007, CR\r, DEL\u007f, LS\u2028', 'name = "tab\there, bell\u0007, CR\r, DEL\u007f, LS\u2028"'],
    ['line1\nline2 "q" \\', 'name = `line1\nline2 "q" \\`'],
    ['ünï 😀', 'name = "ünï 😀"'],
    ['lone \ud800 surrogate', 'name = "lone \ufffd surrogate"'],
    // no literal carries these for both readers: the regex matching exactly the value, RE2 escapes doubled
    ['a\nb\tc\rd', 'name =~ "^a\\\\nb\tc\\\\rd$"'],
    ['nul\u0000', 'name =~ "^nul\\\\x00$"'],
    ['a.b\u0000(c)', 'name =~ "^a\\\\.b\\\\x00\\\\(c\\\\)$"'],
  ])('%j → %s', (value, condition) => {
    expect(traceqlEquals('name', value)).toBe(condition);
  });
});

describe('traceqlAttribute', () => {
  it('leaves dotted identifiers bare and quotes anything else', () => {
    expect(traceqlAttribute('resource', 'service.name')).toBe('resource.service.name');
    expect(traceqlAttribute('span', 'x_request_id')).toBe('span.x_request_id');
    expect(traceqlAttribute('span', 'http request "id"')).toBe('span."http request \\"id\\""');
    // a bare name starting with a scope word is not an attribute to Grafana's grammar; a quoted name takes only \" and \\
    expect(traceqlAttribute('span', 'spanId')).toBe('span."spanId"');
    expect(traceqlAttribute('', 'line\nbreak')).toBe('."line\nbreak"');
    expect(traceqlAttribute('event', 'kind')).toBe('event.kind');
    expect(traceqlAttribute('span', 'lone\udc00')).toBe('span."lone\ufffd"');
    expect(() => traceqlAttribute('span', 'nul\u0000')).toThrow(RangeError);
  });
});

describe('traceqlDuration', () => {
  it('formats milliseconds and rejects nonsense', () => {
    expect(traceqlDuration(250)).toBe('250ms');
    expect(traceqlDuration(1.5)).toBe('1.5ms');
    expect(traceqlDuration(0.0000004)).toBe('0ms');
    expect(traceqlDuration(1e21)).toBe('9223372036854ms');
    expect(traceqlDuration(Infinity)).toBe('9223372036854ms');
    expect(() => traceqlDuration(-1)).toThrow(RangeError);
    expect(() => traceqlDuration(NaN)).toThrow(RangeError);
  });
});

describe('traceqlFilter', () => {
  it('is {} without conditions', () => {
    expect(traceqlFilter({})).toBe('{}');
  });

  it('joins every condition into one spanset with &&', () => {
    expect(
      traceqlFilter({
        service: 'api-gateway',
        spanName: 'GET /users/{id}',
        status: 'error',
        minDurationMs: 500,
        resourceAttributes: { 'deployment.environment': 'prod' },
        spanAttributes: { x_request_id: 'a"b' },
      })
    ).toBe(
      '{ resource.service.name = "api-gateway" && name = "GET /users/{id}" && status = error && duration > 500ms && resource.deployment.environment = "prod" && span.x_request_id = "a\\"b" }'
    );
  });
});

describe('traceqlFilter max duration', () => {
  it('writes duration < max last, after the attributes (the search page’s URLs keep their text)', () => {
    expect(traceqlFilter({ maxDurationMs: 2 })).toBe('{ duration < 2ms }');
    expect(traceqlFilter({ service: 'a', minDurationMs: 1.5, maxDurationMs: 250, spanAttributes: { k: 'v' } })).toBe(
      '{ resource.service.name = "a" && duration > 1.5ms && span.k = "v" && duration < 250ms }'
    );
  });

  it('rejects a nonsense max like the min', () => {
    expect(() => traceqlFilter({ maxDurationMs: -1 })).toThrow(RangeError);
  });
});
