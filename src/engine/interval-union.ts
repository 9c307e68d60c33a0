/**
 * Length of the union of many intervals per group, in one sweep: intervals are visited in
 * start order and each group keeps its own running cover. O(m) after an O(m) radix sort of the
 * m interval starts.
 * Definitions: src/engine/DEFINITIONS.md (shared with the Collector connector in collector/).
 */
import { identity, sortByKey } from './sort';

/**
 * `group`, `start`, `end` describe m intervals (ns, non-negative); returns, per group index
 * `0 .. groupCount-1`, the total length covered by that group's intervals.
 */
export function unionLengthByGroup(
  group: Uint32Array,
  start: Float64Array,
  end: Float64Array,
  groupCount: number
): Float64Array {
  const order = sortByKey(start, identity(start.length));
  const covered = new Float64Array(groupCount);
  const from = new Float64Array(groupCount);
  const to = new Float64Array(groupCount).fill(-1);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const g = group[i];
    if (start[i] > to[g]) {
      covered[g] += Math.max(0, to[g] - from[g]);
      from[g] = start[i];
      to[g] = end[i];
    } else if (end[i] > to[g]) {
      to[g] = end[i];
    }
  }
  for (let g = 0; g < groupCount; g++) {
    covered[g] += Math.max(0, to[g] - from[g]);
  }
  return covered;
}
