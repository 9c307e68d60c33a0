/**
 * Which traces are huge — more than SUMMARY_SPAN_THRESHOLD spans, which the trace page opens on a
 * summary (pages/trace/summaryView.ts) — and the summary's parts of such a trace (engine
 * summary-parts.ts), which the analysis worker computes beside a streamed trace's analysis so that
 * the page does not: O(n) for a huge trace, O(1) for another.
 */
import { summaryParts, SummaryParts, TraceAnalysis } from '../engine';

export const SUMMARY_SPAN_THRESHOLD = 20_000;

/** Self-time hotspots listed on the summary. */
export const HOTSPOT_COUNT = 10;

export const isHugeTrace = (spanCount: number) => spanCount > SUMMARY_SPAN_THRESHOLD;

export const hugeTraceParts = (analysis: TraceAnalysis): SummaryParts | undefined =>
  isHugeTrace(analysis.trace.spanCount) ? summaryParts(analysis, HOTSPOT_COUNT) : undefined;
