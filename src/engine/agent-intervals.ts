/**
 * Interval arithmetic for the agent split (agent.ts): intervals are `[start, end]` pairs (ns); a
 * cover is their union as a flat, sorted list of disjoint pieces `[s0, e0, s1, e1, …]`.
 */

/** The union of `intervals` (empty ones dropped) as a cover. O(k log k). */
export function coverOf(intervals: ReadonlyArray<readonly [number, number]>): number[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const cover: number[] = [];
  for (const [s, e] of sorted) {
    const last = cover.length - 1;
    if (last > 0 && s <= cover[last]) {
      cover[last] = Math.max(cover[last], e);
    } else {
      cover.push(s, e);
    }
  }
  return cover;
}

/** Total length of a cover. O(pieces). */
export function coverLength(cover: readonly number[]): number {
  let length = 0;
  for (let k = 0; k < cover.length; k += 2) {
    length += cover[k + 1] - cover[k];
  }
  return length;
}

/** Length of `[s, e]` outside `cover`. O(pieces). */
export function lengthOutside(s: number, e: number, cover: readonly number[]): number {
  let inside = 0;
  for (let k = 0; k < cover.length; k += 2) {
    inside += Math.max(0, Math.min(e, cover[k + 1]) - Math.max(s, cover[k]));
  }
  return Math.max(0, e - s) - inside;
}
