/**
 * The compare page's comparison and call-tree diff, filled in as traces arrive: each folds in
 * the traces that came in since it last looked (app/useManyTraces.ts `arrived`, past its
 * position), failed ones left out, a trace going to each set it is in — O(spans) per trace,
 * once — and snapshots what it holds (engine `TraceSetComparer`, `CallTreeDiffAccumulator`):
 * O(components) and O(call paths) plus the repaired-trace list's O(traces), taken once per
 * render (at most a few a second). Neither keeps a trace's text; the diff keeps each set's ids in
 * the order taken, to name example traces. Comparing is split from diffing so that regrouping the
 * comparison (a new `ComparisonProgress`, which folds in every trace again) leaves the diff alone.
 * Either side without a loaded trace: an empty comparison and no diff. Every trace enters with
 * the critical path of the page's mode (engine `withPathMode`); a new mode starts both over.
 */
import { DataError } from '../../data';
import {
  CallTreeDiffAccumulator,
  GroupBy,
  PathMode,
  TraceAnalysis,
  TraceSetComparer,
  withPathMode,
} from '../../engine';
import type { TraceResult } from '../../loading';
import { callTreeDiffView, CallTreeDiffView } from './callTreeDiffView';
import { CompareResult, DIFF_ROWS, ExampleTraces, repairedTraces, Split } from './compareModel';

/** What loading has returned so far (app/useManyTraces.ts). */
export interface Arrivals {
  results: ReadonlyMap<string, TraceResult>;
  /** ids in the order their results came in */
  arrived: readonly string[];
}

export type Side = 'slow' | 'baseline';

/**
 * Hands each newly arrived loaded trace of the two sets to `take`, once per set holding it, with
 * the critical path of `pathMode`.
 */
export class SetFeed {
  private seen = 0;
  private readonly rank: Record<Side, Map<string, number>>;
  /** traces taken per set */
  readonly taken: Record<Side, number> = { slow: 0, baseline: 0 };

  constructor(
    sets: Split,
    private readonly pathMode: PathMode
  ) {
    const ranks = (ids: string[]) => new Map(ids.map((id, k) => [id, k]));
    this.rank = { slow: ranks(sets.slow), baseline: ranks(sets.baseline) };
  }

  /** `take(side, traceId, analysis, rank)` for the traces of `arrivals` not seen before. */
  feed(arrivals: Arrivals, take: (side: Side, traceId: string, analysis: TraceAnalysis, rank: number) => void): void {
    const { arrived, results } = arrivals;
    for (; this.seen < arrived.length; this.seen++) {
      const traceId = arrived[this.seen];
      const result = results.get(traceId);
      if (!result || result instanceof DataError) {
        continue;
      }
      for (const side of ['slow', 'baseline'] as const) {
        const rank = this.rank[side].get(traceId);
        if (rank !== undefined) {
          this.taken[side]++;
          take(side, traceId, withPathMode(result.analysis, this.pathMode), rank);
        }
      }
    }
  }

  get both(): boolean {
    return this.taken.slow > 0 && this.taken.baseline > 0;
  }
}

/** The per-component comparison grouped by `groupBy`, with up to `examples` slow traces per component. */
export class ComparisonProgress {
  private readonly feed: SetFeed;
  private readonly comparer: TraceSetComparer;
  private readonly examples: ExampleTraces;

  constructor(sets: Split, groupBy: GroupBy, examples: number, pathMode: PathMode) {
    this.feed = new SetFeed(sets, pathMode);
    this.comparer = new TraceSetComparer(groupBy);
    this.examples = new ExampleTraces(groupBy, examples);
  }

  /** Folds in what arrived since the last call, and returns the comparison of all loaded so far. */
  update(arrivals: Arrivals): CompareResult {
    this.feed.feed(arrivals, (side, traceId, analysis, rank) => {
      this.comparer.add(side, analysis);
      if (side === 'slow') {
        this.examples.add(traceId, analysis, rank);
      }
    });
    const both = this.feed.both;
    return {
      repaired: repairedTraces(arrivals.results),
      comparison: both ? this.comparer.snapshot() : { rows: [], other: null },
      examples: both ? this.examples.snapshot() : new Map<string, string[]>(),
    };
  }
}

/** The call trees of the two sets compared node by node (callTreeDiffView.ts). */
export class DiffProgress {
  private readonly feed: SetFeed;
  private readonly diff = new CallTreeDiffAccumulator();
  private readonly ids: Record<Side, string[]> = { slow: [], baseline: [] };

  constructor(sets: Split, pathMode: PathMode) {
    this.feed = new SetFeed(sets, pathMode);
  }

  /** Folds in what arrived since the last call, and returns the diff of all loaded so far (null: a side has none). */
  update(arrivals: Arrivals): CallTreeDiffView | null {
    this.feed.feed(arrivals, (side, traceId, analysis) => {
      this.diff.add(side === 'slow' ? 'comparison' : 'baseline', analysis);
      this.ids[side].push(traceId);
    });
    return this.feed.both ? callTreeDiffView(this.diff.snapshot(), this.ids.baseline, this.ids.slow, DIFF_ROWS) : null;
  }
}
