/**
 * When the trace page opens on the summary: a trace of more than SUMMARY_SPAN_THRESHOLD spans,
 * unless the URL asks for every span (`spans=all`). The summary shows the critical path, the
 * self-time hotspots, the breakdowns and a pruned waterfall (engine/prune.ts) with in-trace search.
 */
export const SUMMARY_SPAN_THRESHOLD = 20_000;

/** Self-time hotspots listed on the summary. */
export const HOTSPOT_COUNT = 10;

export function opensOnSummary(spanCount: number, allSpans: boolean): boolean {
  return spanCount > SUMMARY_SPAN_THRESHOLD && !allSpans;
}
