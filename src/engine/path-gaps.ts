/**
 * Unattributed gaps of a critical path: the intervals of (0, trace end] that no section covers —
 * time when no span of the chain was running (a message waiting in a queue between a PRODUCER's
 * end and its CONSUMER's start, the time between two roots, or, in `sync` mode, async work that
 * goes on after the last root ended). Each gap names the span of the section that ends where it
 * starts (`before`) and of the one that starts where it ends (`after`), -1 at the trace's start or
 * end. Sections and gaps together tile (0, trace end] exactly. One pass over the sections: O(sections).
 */

/** A gap of the critical path, ns since trace start, with the spans of the sections around it. */
export interface PathGap {
  readonly start: number;
  readonly end: number;
  /** span index of the section ending at `start`, -1 when the gap opens the trace */
  readonly before: number;
  /** span index of the section starting at `end`, -1 when the gap closes the trace */
  readonly after: number;
}

/** The gaps between time-ordered, disjoint `sections` within (0, traceEnd], and their summed length (ns). */
export function pathGaps(
  sections: { readonly span: Uint32Array; readonly start: Float64Array; readonly end: Float64Array },
  traceEnd: number
): { gaps: PathGap[]; gapTotal: number } {
  const { span, start, end } = sections;
  const gaps: PathGap[] = [];
  let gapTotal = 0;
  let at = 0;
  let before = -1;
  for (let k = 0; k < span.length; k++) {
    if (start[k] > at) {
      gaps.push({ start: at, end: start[k], before, after: span[k] });
      gapTotal += start[k] - at;
    }
    at = end[k];
    before = span[k];
  }
  if (traceEnd > at) {
    gaps.push({ start: at, end: traceEnd, before, after: -1 });
    gapTotal += traceEnd - at;
  }
  return { gaps, gapTotal };
}
