/**
 * Span id → span index join whose worst case does not depend on the ids (no hash flooding).
 *
 * Fast path: an open-addressing hash table (linear probing, load ≤ 1/2) with a probe budget of
 * 8 probes per span in total. Random ids need about 2 per span; ids crafted to collide use the
 * budget up, and the join then starts again as a sort-merge join: span indices radix-sorted by
 * their 64-bit id, the spans that have a parent by their parent id (sort.ts, O(n) each), and one
 * merge of the two sorted lists. Either way O(n) time and memory, and the same answer.
 *
 * Spans sharing an id: the caller's `owner` picks, among them in input order, the one that
 * receives the children; it is called once for every shared id, children or not.
 */
import { identity, sortById } from './sort';

/** The id columns of a trace or of a trace being built (columns may be longer than `n`). */
export interface IdColumns {
  readonly idHi: Uint32Array;
  readonly idLo: Uint32Array;
  readonly parentHi: Uint32Array;
  readonly parentLo: Uint32Array;
  readonly hasParent: Uint8Array;
}

/** Picks the owner of an id shared by the spans `spans[from, to)` (in input order). */
export type OwnerRule = (spans: Uint32Array, from: number, to: number) => number;

/** Probes allowed per span before the hash path gives way to the sort-merge join. */
const PROBES_PER_SPAN = 8;

/**
 * Parent index of each of the first `n` spans: the owner of its parent id, or -1 when it has
 * none or no span has that id (see the file header).
 */
export function joinParents(c: IdColumns, n: number, owner: OwnerRule): Int32Array {
  return hashJoin(c, n, owner, PROBES_PER_SPAN * n + 64) ?? sortJoin(c, n, owner);
}

/** The hash path; null when it needs more than `budget` probes. Exported for tests. */
export function hashJoin(c: IdColumns, n: number, owner: OwnerRule, budget: number): Int32Array | null {
  const { idHi, idLo, parentHi, parentLo, hasParent } = c;
  let size = 16;
  while (size < n * 2) {
    size *= 2;
  }
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  // spans whose id an earlier span has (rare): grouped with it once all are in
  const repeats: number[] = [];
  for (let i = 0; i < n; i++) {
    let h = mix(idHi[i], idLo[i]) & mask;
    let j = slots[h];
    while (j >= 0 && (idHi[j] !== idHi[i] || idLo[j] !== idLo[i])) {
      if (--budget < 0) {
        return null;
      }
      h = (h + 1) & mask;
      j = slots[h];
    }
    if (j < 0) {
      slots[h] = i;
    } else {
      repeats.push(i);
    }
  }
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let j = -1;
    if (hasParent[i]) {
      let h = mix(parentHi[i], parentLo[i]) & mask;
      j = slots[h];
      while (j >= 0 && (idHi[j] !== parentHi[i] || idLo[j] !== parentLo[i])) {
        if (--budget < 0) {
          return null;
        }
        h = (h + 1) & mask;
        j = slots[h];
      }
    }
    parent[i] = j;
  }
  return repeats.length === 0 ? parent : ownShared(c, n, slots, repeats, parent, owner);
}

/**
 * With spans sharing ids: each shared id's spans (its first span, then its `repeats` in input
 * order) go to the owner rule, and the children that found the first span get the owner.
 */
function ownShared(
  c: IdColumns,
  n: number,
  slots: Int32Array,
  repeats: number[],
  parent: Int32Array,
  owner: OwnerRule
): Int32Array {
  const mask = slots.length - 1;
  const groups = new Map<number, number[]>();
  for (const i of repeats) {
    let h = mix(c.idHi[i], c.idLo[i]) & mask;
    while (c.idHi[slots[h]] !== c.idHi[i] || c.idLo[slots[h]] !== c.idLo[i]) {
      h = (h + 1) & mask;
    }
    const first = slots[h];
    const group = groups.get(first) ?? [first];
    group.push(i);
    groups.set(first, group);
  }
  const ownerOf = new Map<number, number>();
  for (const [first, group] of groups) {
    ownerOf.set(first, owner(Uint32Array.from(group), 0, group.length));
  }
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    if (p >= 0 && ownerOf.has(p)) {
      parent[i] = ownerOf.get(p)!;
    }
  }
  return parent;
}

function mix(hi: number, lo: number): number {
  const h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) ^ lo;
  return h ^ (h >>> 15);
}

/** The sort-merge path (see the file header). Exported for tests. */
export function sortJoin(c: IdColumns, n: number, owner: OwnerRule): Int32Array {
  const { idHi, idLo, parentHi, parentLo, hasParent } = c;
  const byId = sortById(idHi, idLo, identity(n));
  let childCount = 0;
  for (let i = 0; i < n; i++) {
    childCount += hasParent[i];
  }
  const children = new Uint32Array(childCount);
  for (let i = 0, k = 0; i < n; i++) {
    if (hasParent[i]) {
      children[k++] = i;
    }
  }
  const byParent = sortById(parentHi, parentLo, children);
  const parent = new Int32Array(n).fill(-1);
  let q = 0;
  for (let from = 0, to = 1; from < n; from = to, to = from + 1) {
    const hi = idHi[byId[from]];
    const lo = idLo[byId[from]];
    while (to < n && idHi[byId[to]] === hi && idLo[byId[to]] === lo) {
      to++;
    }
    const p = to - from === 1 ? byId[from] : owner(byId, from, to);
    while (q < childCount && before(parentHi[byParent[q]], parentLo[byParent[q]], hi, lo)) {
      q++;
    }
    while (q < childCount && parentHi[byParent[q]] === hi && parentLo[byParent[q]] === lo) {
      parent[byParent[q++]] = p;
    }
  }
  return parent;
}

/** Whether the unsigned 64-bit id (aHi, aLo) is less than (bHi, bLo). */
function before(aHi: number, aLo: number, bHi: number, bLo: number): boolean {
  return aHi !== bHi ? aHi < bHi : aLo < bLo;
}
