/**
 * The trace page's list of unattributed gaps of the chosen critical path (engine: path-gaps.ts):
 * the largest GAPS_SHOWN gaps, largest first (ties: earlier first), each with its duration, its
 * start and the spans of the path sections around it, and how many more there are. O(g log g)
 * for g gaps.
 */
import { PathGap, spanLabel, TraceAnalysis } from '../../engine';

export const GAPS_SHOWN = 10;

export interface SpanRef {
  index: number;
  /** `service: name` */
  label: string;
}

export interface GapRow {
  /** ns since trace start */
  start: number;
  duration: number;
  /** the span whose section ends where the gap starts; none when the gap opens the trace */
  before?: SpanRef;
  /** the span whose section starts where the gap ends; none when the gap closes the trace */
  after?: SpanRef;
}

export function pathGapRows(analysis: TraceAnalysis): { rows: GapRow[]; more: number } {
  const ref = (i: number): SpanRef | undefined =>
    i < 0 ? undefined : { index: i, label: spanLabel(analysis.trace, i) };
  const largest = [...analysis.criticalPath.gaps]
    .sort((a: PathGap, b: PathGap) => b.end - b.start - (a.end - a.start) || a.start - b.start)
    .slice(0, GAPS_SHOWN);
  return {
    rows: largest.map((g) => ({
      start: g.start,
      duration: g.end - g.start,
      before: ref(g.before),
      after: ref(g.after),
    })),
    more: analysis.criticalPath.gaps.length - largest.length,
  };
}
