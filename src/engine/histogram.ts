/**
 * Quantiles from Prometheus classic histogram buckets, with `histogram_quantile` semantics
 * (promql/quantile.go `bucketQuantile`): buckets sorted by upper bound `le`, equal bounds merged,
 * cumulative counts forced monotonic (running maximum); NaN unless the last bucket is `+Inf`,
 * there are at least two buckets and at least one observation; q < 0 → −Inf, q > 1 → +Inf;
 * rank = q·total, the first bucket whose count ≥ rank is found, a rank in the `+Inf` bucket
 * returns the highest finite bound, a first bucket with bound ≤ 0 returns that bound, otherwise
 * linear interpolation inside the bucket (the first bucket starting at 0).
 * `percentileRank` is the inverse under the same linear-interpolation model: the fraction of
 * observations at or below a value. O(b log b) for b buckets.
 */

export interface HistogramBucket {
  /** upper bound; number or Prometheus text such as "0.25" or "+Inf" */
  le: number | string;
  /** cumulative count of observations ≤ le */
  count: number;
}

interface Bucket {
  le: number;
  count: number;
}

/** Sorted, merged, monotonic buckets, or null when `histogram_quantile` would return NaN. */
function prepare(buckets: readonly HistogramBucket[]): Bucket[] | null {
  const parsed = buckets
    .map((b) => ({ le: typeof b.le === 'number' ? b.le : parseBound(b.le), count: b.count }))
    .filter((b) => !Number.isNaN(b.le))
    .sort((a, b) => a.le - b.le);
  if (parsed.length === 0 || parsed[parsed.length - 1].le !== Infinity) {
    return null;
  }
  const merged: Bucket[] = [];
  for (const b of parsed) {
    const last = merged[merged.length - 1];
    if (last && last.le === b.le) {
      last.count += b.count;
    } else {
      merged.push({ ...b });
    }
  }
  for (let k = 1; k < merged.length; k++) {
    merged[k].count = Math.max(merged[k].count, merged[k - 1].count);
  }
  if (merged.length < 2 || !(merged[merged.length - 1].count > 0)) {
    return null;
  }
  return merged;
}

function parseBound(text: string): number {
  const t = text.trim();
  return t === '+Inf' || t === 'Inf' ? Infinity : t === '-Inf' ? -Infinity : t === '' ? NaN : Number(t);
}

/** `histogram_quantile(q, buckets)` as Prometheus computes it (see the file header). */
export function histogramQuantile(q: number, buckets: readonly HistogramBucket[]): number {
  if (Number.isNaN(q)) {
    return NaN;
  }
  if (q < 0) {
    return -Infinity;
  }
  if (q > 1) {
    return Infinity;
  }
  const b = prepare(buckets);
  if (b === null) {
    return NaN;
  }
  const total = b[b.length - 1].count;
  let rank = q * total;
  let k = 0;
  while (k < b.length - 1 && b[k].count < rank) {
    k++;
  }
  if (k === b.length - 1) {
    return b[b.length - 2].le;
  }
  if (k === 0 && b[0].le <= 0) {
    return b[0].le;
  }
  let start = 0;
  let count = b[k].count;
  if (k > 0) {
    start = b[k - 1].le;
    count -= b[k - 1].count;
    rank -= b[k - 1].count;
  }
  return start + (b[k].le - start) * (rank / count);
}

/**
 * Fraction (0..1) of observations at or below `value`, interpolating linearly inside the bucket
 * holding it, so `percentileRank(histogramQuantile(q, b), b) === q` whenever the quantile falls
 * inside a finite bucket with observations. Values above the highest finite bound get that
 * bound's fraction (the +Inf bucket has no width to interpolate in). NaN for unusable buckets.
 */
export function percentileRank(value: number, buckets: readonly HistogramBucket[]): number {
  const b = prepare(buckets);
  if (b === null || Number.isNaN(value)) {
    return NaN;
  }
  const total = b[b.length - 1].count;
  let k = 0;
  while (k < b.length - 1 && b[k].le < value) {
    k++;
  }
  if (k === b.length - 1) {
    return b[b.length - 2].count / total;
  }
  if (k === 0 && b[0].le <= 0) {
    return value >= b[0].le ? b[0].count / total : 0;
  }
  const start = k === 0 ? 0 : b[k - 1].le;
  const below = k === 0 ? 0 : b[k - 1].count;
  if (value <= start) {
    return below / total;
  }
  const fraction = b[k].le === start ? 1 : (value - start) / (b[k].le - start);
  return (below + (b[k].count - below) * fraction) / total;
}
