import { joinStats } from './servicesModel';

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
