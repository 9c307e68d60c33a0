import { traceqlAttribute, traceqlDuration, traceqlFilter, traceqlString } from './traceql';

describe('traceqlString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['a\nb\tc\rd', '"a\\nb\\tc\\rd"'],
    ['bell\u0007', '"bell\\u0007"'],
    ['ünï 😀', '"ünï 😀"'],
  ])('%j → %s', (value, literal) => {
    expect(traceqlString(value)).toBe(literal);
  });

  it('round-trips through a JSON-style unquote', () => {
    const value = 'x"\\\n\t\u0001ü😀';
    expect(JSON.parse(traceqlString(value))).toBe(value);
  });
});

describe('traceqlAttribute', () => {
  it('leaves dotted identifiers bare and quotes anything else', () => {
    expect(traceqlAttribute('resource', 'service.name')).toBe('resource.service.name');
    expect(traceqlAttribute('span', 'x_request_id')).toBe('span.x_request_id');
    expect(traceqlAttribute('span', 'http request "id"')).toBe('span."http request \\"id\\""');
  });
});

describe('traceqlDuration', () => {
  it('formats milliseconds and rejects nonsense', () => {
    expect(traceqlDuration(250)).toBe('250ms');
    expect(traceqlDuration(1.5)).toBe('1.5ms');
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
