/**
 * Top-N selection without sorting: the n ids (of a given list) with the largest score, ties at
 * the cut going to the larger tie-break score, then to the earlier id in the list. The n-th
 * largest score is found by selection (percentile.ts `select`) on a copy of the scores, then one
 * pass keeps what lies above it and as many tied ids as fit (the tied ones narrowed the same way
 * by the tie-break score when one is given). O(m) in practice for m ids (O(m log m) at worst),
 * O(m) memory. The result holds the ids above the cut, then the tied ones kept, each in list
 * order. Scores must not be NaN.
 */
import { select } from './percentile';

/** The ids from .. to-1, ascending. */
export function idRange(from: number, to: number): Uint32Array {
  const ids = new Uint32Array(Math.max(0, to - from));
  for (let k = 0; k < ids.length; k++) {
    ids[k] = from + k;
  }
  return ids;
}

/** The `n` ids of `ids` with the largest `score[id]` (see the file header). */
export function topIds(ids: Uint32Array, n: number, score: Float64Array, tie?: Float64Array): Uint32Array {
  const m = ids.length;
  if (m <= n) {
    return ids;
  }
  if (n <= 0) {
    return new Uint32Array(0);
  }
  const values = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    values[k] = score[ids[k]];
  }
  select(values, 0, m, m - n);
  const cut = values[m - n];
  const above: number[] = [];
  const tied: number[] = [];
  for (let k = 0; k < m; k++) {
    const v = score[ids[k]];
    if (v > cut) {
      above.push(ids[k]);
    } else if (v === cut) {
      tied.push(ids[k]);
    }
  }
  const room = n - above.length;
  const kept = tie && tied.length > room ? topIds(Uint32Array.from(tied), room, tie) : tied.slice(0, room);
  const out = new Uint32Array(n);
  out.set(above);
  out.set(kept, above.length);
  return out;
}
