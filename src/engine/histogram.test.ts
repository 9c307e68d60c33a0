import fc from 'fast-check';

import { histogramQuantile, percentileRank } from './histogram';

// cumulative: 10 obs ≤ 0.1, 30 ≤ 0.5, 40 ≤ 1, 50 in total
const buckets = [
  { le: '0.1', count: 10 },
  { le: '0.5', count: 30 },
  { le: 1, count: 40 },
  { le: '+Inf', count: 50 },
];

describe('histogramQuantile', () => {
  it('interpolates linearly inside the bucket holding the rank', () => {
    // q=0.5: rank 25 in (0.1, 0.5] holding 20 obs, 15 of them → 0.1 + 0.4 · 15/20 = 0.4
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.4, 12);
    // q=0.1: rank 5 in the first bucket, which starts at 0 → 0.1 · 5/10
    expect(histogramQuantile(0.1, buckets)).toBeCloseTo(0.05, 12);
    expect(histogramQuantile(0, buckets)).toBe(0);
  });

  it('returns the highest finite bound for ranks in the +Inf bucket', () => {
    // q=0.9: rank 45 > 40
    expect(histogramQuantile(0.9, buckets)).toBe(1);
  });

  it('follows Prometheus on out-of-range q and unusable buckets', () => {
    expect(histogramQuantile(-0.5, buckets)).toBe(-Infinity);
    expect(histogramQuantile(1.5, buckets)).toBe(Infinity);
    expect(histogramQuantile(NaN, buckets)).toBeNaN();
    expect(histogramQuantile(0.5, [])).toBeNaN();
    expect(histogramQuantile(0.5, buckets.slice(0, 3))).toBeNaN(); // no +Inf bucket
    expect(histogramQuantile(0.5, [{ le: '+Inf', count: 5 }])).toBeNaN(); // fewer than 2 buckets
    expect(
      histogramQuantile(
        0.5,
        buckets.map((b) => ({ ...b, count: 0 }))
      )
    ).toBeNaN(); // no observations
  });

  it('repairs non-monotonic counts, merges equal bounds and sorts', () => {
    // counts [10, 8→10, 40, 50]: rank 25 in (0.5, 1] holding 30 → 0.5 + 0.5 · 15/30 = 0.75
    const bumpy = [
      { le: '+Inf', count: 50 },
      { le: 1, count: 40 },
      { le: 0.1, count: 10 },
      { le: 0.5, count: 8 },
    ];
    expect(histogramQuantile(0.5, bumpy)).toBeCloseTo(0.75, 12);
    // two series with le=1 are summed: [0.5: 10, 1: 20+20, +Inf: 40] → rank 20 in (0.5, 1]: 0.5 + 0.5 · 10/30
    const split = [
      { le: 0.5, count: 10 },
      { le: 1, count: 20 },
      { le: '1.0', count: 20 },
      { le: '+Inf', count: 40 },
    ];
    expect(histogramQuantile(0.5, split)).toBeCloseTo(0.5 + 0.5 / 3, 12);
  });

  it('returns a non-positive first bound as is', () => {
    expect(
      histogramQuantile(0.2, [
        { le: -1, count: 5 },
        { le: 1, count: 10 },
        { le: '+Inf', count: 10 },
      ])
    ).toBe(-1);
  });
});

describe('percentileRank', () => {
  it('inverts histogramQuantile', () => {
    expect(percentileRank(0.4, buckets)).toBeCloseTo(0.5, 12);
    // 0.05 is half-way through the first bucket: 5 of 50 observations
    expect(percentileRank(0.05, buckets)).toBeCloseTo(0.1, 12);
    expect(percentileRank(0, buckets)).toBe(0);
    expect(percentileRank(1, buckets)).toBe(0.8);
    expect(percentileRank(7, buckets)).toBe(0.8); // above the highest finite bound
    expect(percentileRank(0.5, [])).toBeNaN();
  });

  it('round-trips every quantile that falls inside a finite bucket', () => {
    const histogram = fc
      .uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 })
      .chain((bounds) =>
        fc.tuple(
          fc.constant(bounds.sort((a, b) => a - b)),
          fc.array(fc.nat(20), { minLength: bounds.length + 1, maxLength: bounds.length + 1 })
        )
      )
      .map(([bounds, increments]) => {
        let sum = 0;
        const out = bounds.map((le, k) => ({ le: le / 10, count: (sum += increments[k]) }));
        return [...out, { le: '+Inf', count: sum + increments[bounds.length] }];
      });
    fc.assert(
      fc.property(histogram, fc.double({ min: 0.001, max: 1, noNaN: true }), (b, q) => {
        const total = b[b.length - 1].count;
        const lastFinite = b[b.length - 2].count;
        fc.pre(total > 0 && q * total < lastFinite);
        const value = histogramQuantile(q, b);
        expect(percentileRank(value, b)).toBeCloseTo(q, 9);
      })
    );
  });
});
