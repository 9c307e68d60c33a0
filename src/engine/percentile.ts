/**
 * Exact percentiles by the nearest-rank definition: the q-quantile of n sorted values is the
 * smallest value with at least ⌈q·n⌉ values at or below it (always an observed value).
 * Sorting is O(n log n) (typed-array sort); each lookup is O(1). Many sets at once: one counting
 * pass lays every set out contiguously in one buffer, then each set's three ranks are found by
 * selection instead of sorting (see `select`), O(m) in practice for m values.
 */

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
}

/** Nearest-rank quantile of ascending `sorted` (NaN when empty). */
export function nearestRank(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? NaN : sorted[rankOf(sorted.length, q)];
}

/** p50/p90/p99 of `values` (sorted in place). */
export function percentiles(values: Float64Array): Percentiles {
  values.sort();
  return { p50: nearestRank(values, 0.5), p90: nearestRank(values, 0.9), p99: nearestRank(values, 0.99) };
}

/**
 * p50/p90/p99 of each of `groups` value sets given as `values[k]` belonging to set `group[k]`
 * (k < `m`); a set without values gets NaN. Values must not be NaN.
 */
export function percentilesByGroup(group: Uint32Array, values: Float64Array, m: number, groups: number): Percentiles[] {
  const offsets = new Uint32Array(groups + 1);
  for (let k = 0; k < m; k++) {
    offsets[group[k] + 1]++;
  }
  for (let g = 0; g < groups; g++) {
    offsets[g + 1] += offsets[g];
  }
  const fill = offsets.slice(0, groups);
  const laidOut = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    laidOut[fill[group[k]]++] = values[k];
  }
  const out: Percentiles[] = [];
  for (let g = 0; g < groups; g++) {
    const from = offsets[g];
    const n = offsets[g + 1] - from;
    if (n === 0) {
      out.push({ p50: NaN, p90: NaN, p99: NaN });
      continue;
    }
    // ranks ascending, each selection narrows the range for the next
    const r50 = from + rankOf(n, 0.5);
    const r90 = from + rankOf(n, 0.9);
    const r99 = from + rankOf(n, 0.99);
    select(laidOut, from, from + n, r50);
    select(laidOut, r50, from + n, r90);
    select(laidOut, r90, from + n, r99);
    out.push({ p50: laidOut[r50], p90: laidOut[r90], p99: laidOut[r99] });
  }
  return out;
}

/** 0-based position of the nearest-rank q-quantile among n ≥ 1 sorted values. */
function rankOf(n: number, q: number): number {
  return Math.min(n, Math.max(1, Math.ceil(q * n))) - 1;
}

/**
 * Reorders `a[lo .. hi-1]` so that `a[k]` holds the value of sorted position k, with nothing
 * greater before it and nothing smaller after it (Hoare selection, median-of-three pivots).
 * After 2·log₂(n) + 8 rounds without converging the rest is sorted instead, so O(n) in
 * practice and O(n log n) at worst.
 */
export function select(a: Float64Array, lo: number, hi: number, k: number): void {
  let l = lo;
  let r = hi - 1;
  let rounds = 2 * Math.log2(hi - lo + 1) + 8;
  while (r > l) {
    if (rounds-- <= 0) {
      a.subarray(l, r + 1).sort();
      return;
    }
    const x = a[l];
    const y = a[(l + r) >>> 1];
    const z = a[r];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i] < pivot) {
        i++;
      }
      while (a[j] > pivot) {
        j--;
      }
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // now a[l..j] ≤ pivot, a[i..r] ≥ pivot and a[j+1..i-1] = pivot
    if (k <= j) {
      r = j;
    } else if (k >= i) {
      l = i;
    } else {
      return;
    }
  }
}
