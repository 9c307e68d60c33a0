import {
  builderFromParams,
  builderToFilter,
  builderToParams,
  builderToTraceql,
  formatTags,
  parseAttr,
  parseTags,
} from './searchQuery';

describe('search builder', () => {
  it('writes readable TraceQL with every value escaped', () => {
    expect(
      builderToTraceql({
        service: 'auth-service',
        status: 'error',
        minMs: 250,
        maxMs: 1500,
        attrs: [
          { scope: 'span', key: 'x_request_id', value: 'a"b\\c' },
          { scope: 'resource', key: 'deployment.environment', value: 'prod' },
        ],
      })
    ).toBe(
      '{ resource.service.name = "auth-service" && status = error && duration > 250ms && resource.deployment.environment = "prod" && span.x_request_id = "a\\"b\\\\c" && duration < 1500ms }'
    );
  });

  it('writes {} for an empty builder and a lone max duration', () => {
    expect(builderToTraceql({ attrs: [] })).toBe('{}');
    expect(builderToTraceql({ attrs: [], maxMs: 2 })).toBe('{ duration < 2ms }');
  });

  it('round-trips through the URL, values containing "=" included', () => {
    const state = {
      service: 'frontend',
      spanName: 'GET /checkout',
      status: 'ok' as const,
      minMs: 0,
      maxMs: undefined,
      attrs: [{ scope: 'span' as const, key: 'http.route', value: 'a=b' }],
    };
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(builderToParams(state))) {
      [v ?? []].flat().forEach((x) => params.append(k, x));
    }
    expect(builderFromParams(params)).toEqual(state);
  });

  it('ignores malformed URL values', () => {
    const state = builderFromParams(new URLSearchParams('status=bogus&min=-3&max=x&attr=nodot'));
    expect(state).toEqual({ attrs: [] });
    expect(parseAttr('event.x=1')).toBeUndefined();
  });
});

describe('builderToFilter', () => {
  it('turns every builder field into the TraceFilter both sources take', () => {
    expect(
      builderToFilter({
        service: 'auth-service',
        spanName: 'POST /login',
        status: 'error',
        minMs: 250,
        maxMs: 1500,
        attrs: [
          { scope: 'span', key: 'x_request_id', value: 'a"b' },
          { scope: 'resource', key: 'deployment.environment', value: 'prod' },
          { scope: 'span', key: '', value: 'ignored' },
        ],
      })
    ).toEqual({
      service: 'auth-service',
      spanName: 'POST /login',
      status: 'error',
      minDurationMs: 250,
      maxDurationMs: 1500,
      spanAttributes: { x_request_id: 'a"b' },
      resourceAttributes: { 'deployment.environment': 'prod' },
    });
  });
});

describe('Jaeger tags text', () => {
  it('reads key=value pairs, quoted values with spaces and escapes', () => {
    expect(parseTags(' http.status_code=500  error=true note="a b \\"c\\""')).toEqual({
      attrs: [
        { scope: 'span', key: 'http.status_code', value: '500' },
        { scope: 'span', key: 'error', value: 'true' },
        { scope: 'span', key: 'note', value: 'a b "c"' },
      ],
    });
    expect(parseTags('   ')).toEqual({ attrs: [] });
  });

  it('says which part is not key=value', () => {
    expect(parseTags('error=true oops')).toEqual({ invalid: 'oops' });
    expect(parseTags('a="unclosed')).toEqual({ invalid: 'a="unclosed' });
  });

  it('writes conditions back as text that reads the same', () => {
    const attrs = [
      { scope: 'span' as const, key: 'note', value: 'a b "c"' },
      { scope: 'resource' as const, key: 'host', value: 'x1' },
    ];
    const text = formatTags(attrs);
    expect(text).toBe('note="a b \\"c\\"" host=x1');
    expect(parseTags(text)).toEqual({ attrs: attrs.map((a) => ({ ...a, scope: 'span' })) });
  });
});
