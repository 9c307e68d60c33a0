import { goDurationMs, jaegerSearchParams } from './jaegerSearch';

describe('goDurationMs', () => {
  it.each([
    ['250ms', 250],
    ['1.5s', 1500],
    ['500us', 0.5],
    ['500µs', 0.5],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
    ['.5ms', 0.5],
    ['0', 0],
  ])('%s is %d ms', (text, ms) => {
    expect(goDurationMs(text)).toBe(ms);
  });

  it.each(['', '100', 'ms', '1.5 s', '10x', '-1s', '1s ms'])('%j is no Go duration', (text) => {
    expect(goDurationMs(text)).toBeUndefined();
  });
});

describe('jaegerSearchParams', () => {
  it('carries service, operation, tags, durations (ms) and limit, and runs the search', () => {
    expect(
      jaegerSearchParams({
        queryType: 'search',
        service: 'api-gateway',
        operation: 'GET /users/{id}',
        tags: 'http.status_code=500 note="a b"',
        minDuration: '1.2s',
        maxDuration: '5s',
        limit: 50,
      })
    ).toEqual({
      svc: 'api-gateway',
      op: 'GET /users/{id}',
      status: undefined,
      min: '1200',
      max: '5000',
      attr: ['span.http.status_code=500', 'span.note=a b'],
      limit: '50',
      run: '1',
    });
  });

  it('gives nothing for what the page cannot hold as it is', () => {
    expect(jaegerSearchParams({ queryType: 'search' })).toBeUndefined();
    expect(jaegerSearchParams({ queryType: 'search', service: 'a', minDuration: 'soon' })).toBeUndefined();
    expect(jaegerSearchParams({ queryType: 'search', service: 'a', tags: 'novalue' })).toBeUndefined();
    expect(jaegerSearchParams({ queryType: 'upload', service: 'a' })).toBeUndefined();
  });
});
