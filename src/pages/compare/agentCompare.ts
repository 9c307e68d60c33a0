/**
 * The compare page's "Agent runs: slow vs baseline": every agent run of the slow set's traces and
 * of the baseline's, its critical path (of the page's mode) split into model calls, retrieval,
 * each tool and own time (engine `agentPaths`), folded once into an engine `AgentRunComparer` as
 * the traces arrive (like compareProgress.ts) — per part, each side's mean, p50 and p90 per run,
 * the difference and its share of the whole difference (DEFINITIONS.md §6.4). Null while neither
 * side has a run. `update` is O(spans) per new trace plus the comparer's snapshot.
 */
import { AgentComparison, agentPaths, AgentRunComparer, PathMode } from '../../engine';
import { Arrivals, SetFeed } from './compareProgress';
import type { Split } from './compareModel';

export class AgentCompareProgress {
  private readonly feed: SetFeed;
  private readonly comparer = new AgentRunComparer();

  constructor(sets: Split, pathMode: PathMode) {
    this.feed = new SetFeed(sets, pathMode);
  }

  /** Folds in what arrived since the last call; the comparison of the runs loaded so far (see the file header). */
  update(arrivals: Arrivals): AgentComparison | null {
    this.feed.feed(arrivals, (side, _traceId, analysis) => this.comparer.add(side, agentPaths(analysis)));
    const comparison = this.comparer.snapshot();
    return comparison.runs.slow + comparison.runs.baseline > 0 ? comparison : null;
  }
}
