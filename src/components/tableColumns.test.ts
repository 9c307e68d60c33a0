import fc from 'fast-check';
import { defaultOrderByFn, Row } from 'react-table';
import { compareBy, compareValues, SortValue } from './tableColumns';

interface Item {
  name: string;
  v: SortValue;
  other?: boolean;
}

/** `items` in the order InteractiveTable shows them sorted by `v` (react-table's own orderBy). */
function sorted(items: Item[], desc: boolean): string[] {
  const rows = items.map((original, index) => ({ original, index }) as Row<Item>);
  const sort = compareBy<Item>(
    (i) => i.v,
    (i) => i.other === true
  );
  return defaultOrderByFn(rows, [(a: Row<Item>, b: Row<Item>) => sort(a, b, 'v', desc)], [!desc]).map(
    (r) => r.original.name
  );
}

describe('compareValues', () => {
  it.each([
    [1, 2, -1],
    [2, 1, 1],
    [3, 3, 0],
    [undefined, -Infinity, -1],
    [NaN, 0, -1],
    [5, NaN, 1],
    [NaN, undefined, 0],
    [Infinity, 1e300, 1],
    ['api', 'db', -1],
    ['b', 'a', 1],
  ] as Array<[SortValue, SortValue, number]>)('%p vs %p → %p', (x, y, sign) =>
    expect(Math.sign(compareValues(x, y))).toBe(sign)
  );
});

describe('compareBy', () => {
  // table order: a 5, other 99 (merged), b NaN, c 7, d 5
  const items: Item[] = [
    { name: 'a', v: 5 },
    { name: 'other', v: 99, other: true },
    { name: 'b', v: NaN },
    { name: 'c', v: 7 },
    { name: 'd', v: 5 },
  ];

  it('sorts ascending with a missing value first, ties in table order, the pinned row last', () => {
    expect(sorted(items, false)).toEqual(['b', 'a', 'd', 'c', 'other']);
  });

  it('sorts descending with the missing value last but before the pinned row, ties still in table order', () => {
    expect(sorted(items, true)).toEqual(['c', 'a', 'd', 'b', 'other']);
  });

  it('keeps pinned rows last and the rest ordered, ties in table order, in both directions (property)', () => {
    const item = fc.record({
      v: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(undefined), fc.constant(NaN)),
      other: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.boolean(), (drawn, desc) => {
        const items = drawn.map((d, n) => ({ ...d, name: String(n) }));
        const order = sorted(items, desc).map(Number);
        const pinned = order.map((n) => items[n].other);
        // every pinned row after every other row
        expect(pinned).toEqual([...pinned].sort((x, y) => Number(x) - Number(y)));
        for (let k = 1; k < order.length; k++) {
          const [p, q] = [order[k - 1], order[k]];
          if (pinned[k - 1] === pinned[k]) {
            const cmp = compareValues(items[p].v, items[q].v) * (desc ? -1 : 1);
            expect(cmp < 0 || (cmp === 0 && p < q)).toBe(true);
          }
        }
      })
    );
  });
});
