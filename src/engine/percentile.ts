/**
 * Exact percentiles by the nearest-rank definition: the q-quantile of n sorted values is the
 * smallest value with at least ⌈q·n⌉ values at or below it (always an observed value).
 * Sorting is O(n log n) (typed-array sort); each lookup is O(1).
 */

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
}

/** Nearest-rank quantile of ascending `sorted` (NaN when empty). */
export function nearestRank(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** p50/p90/p99 of `values` (sorted in place). */
export function percentiles(values: Float64Array): Percentiles {
  values.sort();
  return { p50: nearestRank(values, 0.5), p90: nearestRank(values, 0.9), p99: nearestRank(values, 0.99) };
}
