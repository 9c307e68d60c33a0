import fc from 'fast-check';

import { PairIndex } from './pair-index';

describe('PairIndex', () => {
  it('numbers pairs 0, 1, 2, … in first-seen order', () => {
    const index = new PairIndex(1);
    // (3, -1) new → 0, (0, 7) new → 1, (3, -1) seen → 0, (-1, 3) new → 2
    expect([index.idOf(3, -1), index.idOf(0, 7), index.idOf(3, -1), index.idOf(-1, 3)]).toEqual([0, 1, 0, 2]);
    expect(index.size).toBe(3);
    expect(Array.from(index.pairs.subarray(0, 6))).toEqual([3, -1, 0, 7, -1, 3]);
  });

  it('gives the ids of a first-seen numbering whatever its random hash key (property)', () => {
    const pair = fc.tuple(fc.integer({ min: -1, max: 200 }), fc.integer({ min: -1, max: 200 }));
    fc.assert(
      fc.property(fc.array(pair, { minLength: 300, maxLength: 2000 }), (pairs) => {
        const model = new Map<string, number>();
        // two instances: two independent seeds, growing past several doublings
        const a = new PairIndex(1);
        const b = new PairIndex(1);
        for (const [x, y] of pairs) {
          const key = `${x},${y}`;
          if (!model.has(key)) {
            model.set(key, model.size);
          }
          expect([a.idOf(x, y), b.idOf(x, y)]).toEqual([model.get(key), model.get(key)]);
        }
        expect(a.size).toBe(model.size);
      }),
      { numRuns: 60 }
    );
  });
});
