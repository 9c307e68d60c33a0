import fc from 'fast-check';

import { collidingIds, formerIdHash } from '../../tests/synthetic/colliding-ids';
import { TraceBuilder } from './builder';
import { hashJoin, IdColumns, joinParents, OwnerRule, sortJoin } from './id-join';
import { buildTree } from './tree';

const firstOwner: OwnerRule = (spans, from) => spans[from];

/** Id columns of spans with ids (hi, lo) and parent ids, parent [-1, -1] meaning none. */
function columns(ids: Array<[number, number]>, parents: Array<[number, number]>): IdColumns {
  return {
    idHi: Uint32Array.from(ids, ([hi]) => hi),
    idLo: Uint32Array.from(ids, ([, lo]) => lo),
    parentHi: Uint32Array.from(parents, ([hi]) => Math.max(hi, 0)),
    parentLo: Uint32Array.from(parents, ([, lo]) => Math.max(lo, 0)),
    hasParent: Uint8Array.from(parents, ([hi]) => (hi < 0 ? 0 : 1)),
  };
}

describe('joinParents', () => {
  it('resolves parents, orphans and a shared id by the owner rule', () => {
    // spans 0..4 with ids 10, 20, 20, 30, 40; span 3's parent 20 (shared by 1 and 2), span 4's parent 99 (absent)
    const c = columns(
      [
        [0, 10],
        [0, 20],
        [0, 20],
        [0, 30],
        [0, 40],
      ],
      [
        [-1, -1],
        [0, 10],
        [0, 10],
        [0, 20],
        [0, 99],
      ]
    );
    const lastOwner: OwnerRule = (spans, from, to) => spans[to - 1];
    for (const join of [(rule: OwnerRule) => hashJoin(c, 5, rule, 1000), (rule: OwnerRule) => sortJoin(c, 5, rule)]) {
      expect(Array.from(join(firstOwner)!)).toEqual([-1, 0, 0, 1, -1]);
      expect(Array.from(join(lastOwner)!)).toEqual([-1, 0, 0, 2, -1]);
    }
  });

  it('gives the same answer on the hash path and the sort-merge path', () => {
    // ids from a small space, so that shared ids, orphans and self-parents are frequent
    const id = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 }));
    const span = fc.record({ id, parent: fc.option(id, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), (spans) => {
        const c = columns(
          spans.map((s) => s.id),
          spans.map((s) => s.parent ?? [-1, -1])
        );
        const seen: number[][] = [];
        const rule: OwnerRule = (list, from, to) => {
          seen.push(Array.from(list.subarray(from, to)));
          return list[to - 1];
        };
        const viaHash = hashJoin(c, spans.length, rule, Infinity);
        const hashGroups = seen.splice(0).sort();
        expect(viaHash).toEqual(sortJoin(c, spans.length, rule));
        // and both equal the plain definition: the last span having the parent id (the rule's pick)
        const same = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];
        const expected = spans.map((s) =>
          s.parent === undefined
            ? -1
            : spans.map((t, k) => (same(t.id, s.parent!) ? k : -1)).reduce((a, b) => Math.max(a, b))
        );
        expect(Array.from(viaHash!)).toEqual(expected);
        // the rule saw the same groups of spans sharing an id, each in input order
        expect(seen.sort()).toEqual(hashGroups);
      })
    );
  });

  it('gives up the hash path on ids crafted to collide, and joins them in linear time', () => {
    const n = 20000;
    const { idHi, idLo } = collidingIds(n);
    // every id hashes to 0 under the former hash
    expect(new Set(Array.from(idHi, (hi, k) => formerIdHash(hi, idLo[k])))).toEqual(new Set([0]));
    // span k's parent is span ⌊(k−1)/2⌋ (a binary tree)
    const c: IdColumns = {
      idHi,
      idLo,
      parentHi: Uint32Array.from(idHi, (_, k) => (k > 0 ? idHi[(k - 1) >> 1] : 0)),
      parentLo: Uint32Array.from(idLo, (_, k) => (k > 0 ? idLo[(k - 1) >> 1] : 0)),
      hasParent: Uint8Array.from(idHi, (_, k) => (k > 0 ? 1 : 0)),
    };
    expect(hashJoin(c, n, firstOwner, 8 * n + 64)).toBeNull();
    const parent = joinParents(c, n, firstOwner);
    expect(parent[0]).toBe(-1);
    expect(Array.from(parent.subarray(1)).every((p, k) => p === k >> 1)).toBe(true);
  });
});

describe('buildTree on 20k span ids crafted to collide under the former hash', () => {
  it('builds the right tree', () => {
    const n = 20000;
    const { idHi, idLo } = collidingIds(n);
    const b = new TraceBuilder(n);
    // a chain of 4-ary nodes: span k's parent is span ⌊(k−1)/4⌋; span k runs [k, 2n − k] µs, inside its parent
    for (let k = 0; k < n; k++) {
      const i = b.beginSpan(b.beginResource(), b.beginScope(0, 0));
      b.idHi[i] = idHi[k];
      b.idLo[i] = idLo[k];
      if (k > 0) {
        b.parentHi[i] = idHi[(k - 1) >> 2];
        b.parentLo[i] = idLo[(k - 1) >> 2];
        b.hasParent[i] = 1;
      }
      b.startSec[i] = 1700000000;
      b.startNs[i] = k * 1000;
      b.endSec[i] = 1700000000;
      b.endNs[i] = (2 * n - k) * 1000;
    }
    const tree = buildTree(b.finish(), []);
    expect(Array.from(tree.roots)).toEqual([0]);
    expect(Array.from(tree.parent.subarray(1)).every((p, k) => p === k >> 2)).toBe(true);
    // node 1's children are 5, 6, 7, 8 (4·1+1 … 4·1+4), ordered by start
    expect(Array.from(tree.children.subarray(tree.childOffsets[1], tree.childOffsets[2]))).toEqual([5, 6, 7, 8]);
    // depth of span k: span 20k−1 → 4999 → 1249 → 312 → 77 → 19 → 4 → 0: 7
    expect(tree.depth[n - 1]).toBe(7);
    expect(tree.flags.every((f) => f === 0)).toBe(true);
  });
});
