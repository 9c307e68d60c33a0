/**
 * When the trace page opens on the summary: a huge trace (more than SUMMARY_SPAN_THRESHOLD spans,
 * loading/huge-trace.ts), unless the URL asks for every span (`spans=all`). The summary shows the
 * critical path, the self-time hotspots, the breakdowns and a pruned waterfall (engine/prune.ts)
 * with in-trace search.
 */
import { isHugeTrace } from '../../loading';

export function opensOnSummary(spanCount: number, allSpans: boolean): boolean {
  return isHugeTrace(spanCount) && !allSpans;
}
