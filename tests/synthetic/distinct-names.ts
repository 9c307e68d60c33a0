/**
 * A high-cardinality trace: the `random` shape of generate.ts with every span renamed to a name
 * of its own (`op <i>`), so grouping by operation, and the merged call tree, have one group or
 * node per span. For the 1M-distinct-names benchmark and tests of the "other" rows. O(n).
 */
import { generateTrace, SynthTrace } from './generate';

/** The `random` trace of n spans and `seed`, span i named `op <i>`. */
export function distinctNamesTrace(n: number, seed = 1): SynthTrace {
  const base = generateTrace('random', n, seed);
  return {
    ...base,
    name: Uint32Array.from({ length: n }, (_, i) => i),
    names: Array.from({ length: n }, (_, i) => `op ${i}`),
  };
}
