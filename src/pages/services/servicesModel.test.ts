import { joinStats, slowTracesSearch } from './servicesModel';

describe('joinStats', () => {
  it('joins measures per operation and fills missing ones', () => {
    const v = (service: string, operation: string, value: number) => ({ service, operation, value });
    expect(
      joinStats([v('b', 'x', 2), v('a', 'y', 1)], [v('a', 'y', 0.5)], [v('a', 'y', 0.01)], [], [v('b', 'x', 0.3)])
    ).toEqual([
      { service: 'a', operation: 'y', rate: 1, errorRatio: 0.5, p50: 0.01, p95: NaN, p99: NaN },
      { service: 'b', operation: 'x', rate: 2, errorRatio: 0, p50: NaN, p95: NaN, p99: 0.3 },
    ]);
  });
});

describe('slowTracesSearch', () => {
  const row = {
    service: 'cart',
    operation: 'GET /cart',
    rate: 2,
    errorRatio: 0,
    p50: 0.01,
    p95: 0.0123456789,
    p99: 0.2,
  };

  it('asks for the row’s spans above its p95, in ms to the µs', () => {
    expect(slowTracesSearch(row)).toEqual({ service: 'cart', spanName: 'GET /cart', minMs: 12.346, attrs: [] });
  });

  it('has no minimum when the p95 is unknown, and no span name for a service row', () => {
    expect(slowTracesSearch({ ...row, operation: undefined, p95: NaN })).toEqual({
      service: 'cart',
      spanName: undefined,
      minMs: undefined,
      attrs: [],
    });
  });
});
