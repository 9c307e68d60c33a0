import { traceqlAttribute, traceqlDuration, traceqlFilter, traceqlString } from './traceql';

// Why these forms: quote.ts. That Tempo's rules read each literal back as the value, and that
// Grafana's TraceQL grammar accepts it: traceql-grammar.test.ts.
describe('traceqlString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['tab\there, bell\u0007, CR\r', '"tab\there, bell\u0007, CR\r"'],
    ['line1\nline2 "q" \\', '`line1\nline2 "q" \\`'],
    ['a\nb\tc\rd', '"a\\nb\tc\rd"'],
    ['nul\u0000', '"nul\\u0000"'],
    ['ünï 😀', '"ünï 😀"'],
  ])('%j → %s', (value, literal) => {
    expect(traceqlString(value)).toBe(literal);
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
  });
});

describe('traceqlDuration', () => {
  it('formats milliseconds and rejects nonsense', () => {
    expect(traceqlDuration(250)).toBe('250ms');
    expect(traceqlDuration(1.5)).toBe('1.5ms');
    expect(traceqlDuration(0.0000004)).toBe('0ms');
    expect(traceqlDuration(1e21)).toBe('9223372036854ms');
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
