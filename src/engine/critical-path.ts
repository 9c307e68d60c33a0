/**
 * Critical path: the chain of work that determined when the trace ended.
 *
 * Children of a span `x` are of two sorts:
 * - *sync*: `x` waits for it. A child that is not async and ends (effectively) by `x`'s end.
 * - *async*: `x` does not wait for it. A CONSUMER, a FOLLOWS_FROM child (`FLAG_ASYNC`, tree.ts),
 *   or any child that outlives `x` (`x` ended without waiting for it: fire-and-forget work).
 * The *reach* of a span is the latest effective end in its subtree.
 *
 * Rule. The path stays with the synchronous chain while that chain runs; async work is on the
 * path only for the time it runs after every span that did not wait for it has ended. The walk
 * runs backwards from the trace end, at a span `x` with a time `t` and a floor `f` (nothing at or
 * before `f` is explained here; sections are clipped to `(f, t]`):
 * - Tail (`t` > end(x): work under `x` went on after `x` ended): among `x`'s children whose reach
 *   is after end(x), take the one with the latest reach ≤ `t` (ties: the later-starting, then the
 *   larger id), `c`; descend into `c` with `t = reach(c)` and floor `max(f, end(x))` — `x`'s own
 *   time is `x`'s, never its async child's — then continue with `t = max(start(c), end(x))`. With
 *   no such child left, continue with `t = end(x)`.
 * - Own time (`t` ≤ end(x)): among `x`'s sync children that ended at or before `t`
 *   (happens-before: a child still running at `t` is not what `x` waited for at `t`), take the one
 *   that ended last, `c` (ties as above). `(end(c), t]` is `x`'s own blocking work; descend into
 *   `c` with `t = end(c)`, then continue in `x` with `t = start(c)`. With none left, `x` owns
 *   `(start(x), t]`.
 * - Roots are the children of a virtual span over the whole trace and chain by reach: the root
 *   with the latest reach ≤ `t` is entered with `t = its reach`, then `t = its start`.
 * Every section is clipped to its span's effective interval. Sections never overlap; no section
 * of an async child's subtree lies before its parent's end.
 *
 * Two modes (`PathMode`); the Collector connector computes `async` only.
 * - `async` ("follow async work and links"): the rule above.
 * - `sync` ("synchronous blocking only"): the same walk without the tail step — it never enters an
 *   async child (CONSUMER, linked to its parent, or outliving it) nor its subtree — and roots
 *   chain by their effective end instead of their reach.
 * Unattributed gaps (path-gaps.ts): the time of (0, trace end] no section covers — a message
 * waiting in a queue between a PRODUCER's end and its CONSUMER's start, time between roots, and
 * in `sync` mode the async work that runs after the last root ended — is reported as gaps, each
 * with the spans of the sections around it. Sections and gaps tile (0, trace end].
 *
 * Worked example (µs): R [0,50] calls producer P [10,30]; P's consumer C runs [20,80] and ends the
 * trace. `async`: tail of R (t=80 > 50) → P (reach 80), floor 50; tail of P → C, floor 50: C owns
 * (50,80]. Back in P, t = max(20, 30) = 30 ≤ floor: done. Back in R at t = 50: P is a sync child
 * that ended at 30 → R owns (30,50]; P owns (10,30] (C is async, not waited for); R owns (0,10].
 * Path: R[0,10] P[10,30] R[30,50] C[50,80], no gap. Had C run [20,40] instead, R [0,50] would own
 * (30,50] and C would not be on the path at all: R[0,10] P[10,30] R[30,50]. `sync`: R is entered
 * at its end, 50, and C is never entered: R[0,10] P[10,30] R[30,50], then the gap (50,80] (before
 * R, after none): async work after the synchronous path. Had C run [60,80] (a queue), `async`
 * would give R[0,10] P[10,30] R[30,50], the gap (50,60] (before R, after C), C[60,80].
 *
 * Complexity: O(n) for both modes together; the ordering they share is computed once, and a trace
 * in which no work outlives its parent walks once (both modes are then the same path).
 * critical-path-walk.ts has the steps. Definitions: src/engine/DEFINITIONS.md (shared with the
 * Collector connector in collector/).
 */
import { EffectiveIntervals } from './clip';
import { noTails, pathOrders, PathSections, walkPath, walkScratch } from './critical-path-walk';
import { PathGap, pathGaps } from './path-gaps';
import { sortByKey } from './sort';
import { SpanTree } from './tree';

/** `sync`: synchronous blocking only; `async`: follow async work and links (see the file header). */
export type PathMode = 'sync' | 'async';

export interface CriticalPath extends PathSections {
  /** the intervals of (0, trace end] no section covers, in time order (path-gaps.ts) */
  readonly gaps: readonly PathGap[];
  /** their summed length, ns: `length + gapTotal` is the trace duration */
  readonly gapTotal: number;
}

/** The critical path of each mode (see the file header); the same object when the modes agree. */
export function criticalPaths(tree: SpanTree, eff: EffectiveIntervals): Readonly<Record<PathMode, CriticalPath>> {
  const orders = pathOrders(tree, eff);
  const byReach = sortByKey(orders.reach, tree.roots).reverse();
  // the trace end: the latest reach of a root is the latest effective end of any span
  const traceEnd = byReach.length > 0 ? orders.reach[byReach[0]] : 0;
  const withGaps = (sections: PathSections): CriticalPath => ({ ...sections, ...pathGaps(sections, traceEnd) });
  const scratch = walkScratch(tree.parent.length);
  const asyncPath = withGaps(walkPath(tree, eff, orders, orders.tail, byReach, orders.reach, scratch));
  if (orders.tailCount === 0) {
    return { sync: asyncPath, async: asyncPath };
  }
  const byEnd = sortByKey(eff.effEnd, tree.roots).reverse();
  const syncPath = withGaps(walkPath(tree, eff, orders, noTails(tree), byEnd, eff.effEnd, scratch));
  return { sync: syncPath, async: asyncPath };
}
