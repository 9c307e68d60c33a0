/**
 * Stable sorts of span indices by a float64 key (to order children by start or end time) or by
 * the 64-bit span id. Large inputs use an LSD radix sort on the 64-bit pattern (for
 * non-negative doubles the IEEE-754 bit pattern orders like the value): 4 passes of 16 bits,
 * skipping passes whose digit is the same for every key — O(n) with 4 histograms of 65536
 * counters; each key is read once (in index order) and its halves then move with the index.
 * Small inputs use the built-in stable comparison sort, O(n log n). Float keys must be
 * non-negative and not NaN.
 */

const RADIX_MIN = 2048;
const BUCKETS = 65536;

/** Returns a new array holding `order` stably sorted by `keys[order[k]]` ascending. */
export function sortByKey(keys: Float64Array, order: Uint32Array): Uint32Array {
  if (order.length < RADIX_MIN) {
    return Uint32Array.from(Array.from(order).sort((a, b) => keys[a] - keys[b]));
  }
  // little-endian view: word 2i is the low half of keys[i], 2i+1 the high half
  const words = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2);
  return radixSort(words, words, 2, 1, order);
}

/** Returns a new array holding `order` stably sorted by the unsigned 64-bit id `(hi[i], lo[i])`. */
export function sortById(hi: Uint32Array, lo: Uint32Array, order: Uint32Array): Uint32Array {
  if (order.length < RADIX_MIN) {
    return Uint32Array.from(Array.from(order).sort((a, b) => hi[a] - hi[b] || lo[a] - lo[b]));
  }
  return radixSort(lo, hi, 1, 0, order);
}

/**
 * LSD radix sort of `order` by the 64-bit key of index i: low word `lo[stride * i]`, high word
 * `hi[stride * i + hiOffset]`. The key halves travel with the indices, so every pass reads
 * sequentially (one random gather in all).
 */
function radixSort(lo: Uint32Array, hi: Uint32Array, stride: number, hiOffset: number, order: Uint32Array) {
  const n = order.length;
  const counts = new Uint32Array(BUCKETS * 4);
  let src = new Uint32Array(n);
  let srcLo = new Uint32Array(n);
  let srcHi = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const l = lo[stride * i];
    const h = hi[stride * i + hiOffset];
    src[k] = i;
    srcLo[k] = l;
    srcHi[k] = h;
    counts[l & 0xffff]++;
    counts[BUCKETS + (l >>> 16)]++;
    counts[2 * BUCKETS + (h & 0xffff)]++;
    counts[3 * BUCKETS + (h >>> 16)]++;
  }
  let dst = new Uint32Array(n);
  let dstLo = new Uint32Array(n);
  let dstHi = new Uint32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * BUCKETS;
    if (isTrivialPass(counts, base, n)) {
      continue;
    }
    let sum = 0;
    for (let d = 0; d < BUCKETS; d++) {
      const c = counts[base + d];
      counts[base + d] = sum;
      sum += c;
    }
    const word = pass < 2 ? srcLo : srcHi;
    const shift = (pass & 1) * 16;
    for (let k = 0; k < n; k++) {
      const at = counts[base + ((word[k] >>> shift) & 0xffff)]++;
      dst[at] = src[k];
      dstLo[at] = srcLo[k];
      dstHi[at] = srcHi[k];
    }
    let t = src;
    src = dst;
    dst = t;
    t = srcLo;
    srcLo = dstLo;
    dstLo = t;
    t = srcHi;
    srcHi = dstHi;
    dstHi = t;
  }
  return src;
}

/** A pass is trivial when one digit value holds every key. */
function isTrivialPass(counts: Uint32Array, base: number, n: number): boolean {
  for (let d = 0; d < BUCKETS; d++) {
    const c = counts[base + d];
    if (c !== 0) {
      return c === n;
    }
  }
  return true;
}

/** 0, 1, …, n-1. */
export function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = i;
  }
  return out;
}
