/**
 * What a huge trace's summary draws from its analysis, computed together so that the analysis
 * worker can compute it beside the analysis and transfer it (typed arrays): the pruning of its
 * waterfall (prune.ts), its critical sections by span (critical-sections.ts), its `hotspotCount`
 * spans with the most self time, and its breakdown by service (the breakdown tab's first view, ~100 ms
 * of a page's main thread at 1M spans). All for the analysis' own critical path (pass the
 * `withPathMode` view for another mode). O(n · hotspotCount) at worst, O(n) in practice (prune.ts).
 */
import type { TraceAnalysis } from './analyze';
import { breakdown, BreakdownRow } from './breakdown';
import { criticalSectionsBySpan, CriticalSections } from './critical-sections';
import { pruneTrace, Pruning, selfTimeHotspots } from './prune';

export interface SummaryParts {
  pruning: Pruning;
  sections: CriticalSections;
  /** span indices, most self time first */
  hotspots: Uint32Array;
  /** breakdown(analysis, { kind: 'service' }) */
  serviceBreakdown: BreakdownRow[];
}

export const summaryParts = (analysis: TraceAnalysis, hotspotCount: number): SummaryParts => ({
  pruning: pruneTrace(analysis),
  sections: criticalSectionsBySpan(analysis),
  hotspots: selfTimeHotspots(analysis, hotspotCount),
  serviceBreakdown: breakdown(analysis, { kind: 'service' }),
});
