/**
 * Self (exclusive) time: a span's effective duration minus the union of its children's
 * effective intervals clipped to the span. Children are already ordered by start, so one sweep
 * per span merges overlapping (parallel) children: O(n) for the whole trace, no recursion.
 * The uncovered pieces themselves ("self intervals") are available for busy/idle analysis.
 * Definitions: src/engine/DEFINITIONS.md (shared with the Collector connector in collector/).
 */
import { EffectiveIntervals } from './clip';
import { SpanTree } from './tree';

/**
 * Self time of span `x`; when `gaps` is given, also appends its self intervals to it as
 * flat `[start, end, start, end, …]` pairs (ns since trace start, ascending, non-empty).
 */
export function selfTimeOf(tree: SpanTree, eff: EffectiveIntervals, x: number, gaps: number[] | null): number {
  const { effStart, effEnd } = eff;
  const s = effStart[x];
  const e = effEnd[x];
  let self = 0;
  let cursor = s; // everything before `cursor` is accounted for
  for (let k = tree.childOffsets[x]; k < tree.childOffsets[x + 1]; k++) {
    const c = tree.children[k];
    const cs = effStart[c] > s ? effStart[c] : s;
    const ce = effEnd[c] < e ? effEnd[c] : e;
    if (ce <= cs) {
      continue;
    }
    if (cs > cursor) {
      self += cs - cursor;
      if (gaps !== null) {
        gaps.push(cursor, cs);
      }
    }
    if (ce > cursor) {
      cursor = ce;
    }
  }
  if (e > cursor) {
    self += e - cursor;
    if (gaps !== null) {
      gaps.push(cursor, e);
    }
  }
  return self;
}

/** Self time of every span, ns. */
export function selfTimes(tree: SpanTree, eff: EffectiveIntervals): Float64Array {
  const n = eff.effStart.length;
  const out = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    out[x] = selfTimeOf(tree, eff, x, null);
  }
  return out;
}
