/**
 * Dense ids for pairs of int32 values, numbered 0, 1, 2, … in first-seen order. Open
 * addressing with linear probing at load ≤ 1/2 over a table of ids (4 bytes a slot, so the
 * table stays small and cache-friendly); the pairs themselves sit side by side in `pairs`,
 * indexed by id. O(1) expected per lookup, amortised O(1) per new pair (the table and the pairs
 * double when full), O(pairs) memory.
 * Flooding: the ints are dense ids (string-table indices, node ids), so an input cannot pick
 * their values, but it can pick which pairs occur (e.g. which (service, name) combinations out
 * of a few thousand names each), and under a fixed public hash it could keep only pairs that
 * land in one run of slots and make every lookup scan it. So the hash is keyed by a random
 * seed per instance: where a pair lands cannot be known in advance, and the expected cost
 * holds for every input. Ids stay first-seen, so results do not depend on the seed.
 */

export class PairIndex {
  /** number of distinct pairs seen (the next id) */
  size = 0;
  /** the pair of id k is (pairs[2k], pairs[2k+1]), for k < size */
  pairs: Int32Array;
  /** id + 1 per slot, 0 = empty */
  private slots: Int32Array;
  /** per-instance hash key (see the file header) */
  private readonly seed = (Math.random() * 0x100000000) | 0;

  /** `expected`: how many pairs to make room for before the first doubling. */
  constructor(expected = 32) {
    let capacity = 64;
    while (capacity < 2 * expected) {
      capacity *= 2;
    }
    this.slots = new Int32Array(capacity);
    this.pairs = new Int32Array(capacity);
  }

  /** Seeded mix of (a, b): both ints pass through a multiply and an xor-shift with the seed in. */
  private hash(a: number, b: number): number {
    let h = Math.imul(a ^ this.seed, 0x9e3779b1);
    h = Math.imul((h ^ (h >>> 16)) + b, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /** Id of the pair (a, b); a new pair gets id `size` (then `size` grows by one). */
  idOf(a: number, b: number): number {
    const { slots, pairs } = this;
    const mask = slots.length - 1;
    let s = this.hash(a, b) & mask;
    for (let id = slots[s] - 1; id >= 0; id = slots[s] - 1) {
      if (pairs[2 * id] === a && pairs[2 * id + 1] === b) {
        return id;
      }
      s = (s + 1) & mask;
    }
    const id = this.size++;
    slots[s] = id + 1;
    pairs[2 * id] = a;
    pairs[2 * id + 1] = b;
    if (2 * this.size === pairs.length) {
      this.grow();
    }
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = this.hash(this.pairs[2 * id], this.pairs[2 * id + 1]) & mask;
      while (slots[s] !== 0) {
        s = (s + 1) & mask;
      }
      slots[s] = id + 1;
    }
    this.slots = slots;
    const pairs = new Int32Array(slots.length);
    pairs.set(this.pairs);
    this.pairs = pairs;
  }
}
