/**
 * What the waterfall draws, computed once per trace in O(n) (its critical sections by span come
 * from the engine, critical-sections.ts):
 * - `visibleRows`: spans in tree order (parents before children, siblings by start), skipping the
 *   descendants of collapsed spans — one pass over the preorder, using depth to skip subtrees;
 * - `findSpan`: the span with a given id;
 * - `withoutAncestors`: the collapsed spans less those above a span, so that span shows: O(depth);
 * - `reportedBusyIdleBySpan`: the busy_ns/idle_ns a span reports itself (engine `reportedBusyIdle`,
 *   DEFINITIONS.md §6.5: only valid values), by span; `idlePart` places the idle share
 *   idle / (busy + idle) of a bar at the bar's end, since when the span was idle is not recorded.
 * These loops run over every span of traces up to 100k spans, so they read the engine's typed-array
 * columns directly here (the waterfall component itself reads spans through the engine's accessors).
 */
import { reportedBusyIdle, SpanBusyIdle, spanIdOf, TraceAnalysis } from '../../engine';

/** Span indices shown, in tree order, with the subtrees of `collapsed` spans left out. */
export function visibleRows(analysis: TraceAnalysis, collapsed: ReadonlySet<number>): Uint32Array {
  const { preorder, depth } = analysis.tree;
  if (collapsed.size === 0) {
    return preorder;
  }
  const out = new Uint32Array(preorder.length);
  let n = 0;
  let skipBelow = -1; // depth of the collapsed span whose subtree is being skipped
  for (let k = 0; k < preorder.length; k++) {
    const i = preorder[k];
    if (skipBelow >= 0 && depth[i] > skipBelow) {
      continue;
    }
    skipBelow = collapsed.has(i) ? depth[i] : -1;
    out[n++] = i;
  }
  return out.subarray(0, n);
}

/** `collapsed` without span `i`'s ancestors (the same set when none of them is in it). O(depth of i). */
export function withoutAncestors(
  analysis: TraceAnalysis,
  collapsed: ReadonlySet<number>,
  i: number
): ReadonlySet<number> {
  const above: number[] = [];
  for (let p = analysis.tree.parent[i]; p >= 0 && collapsed.size > 0; p = analysis.tree.parent[p]) {
    if (collapsed.has(p)) {
      above.push(p);
    }
  }
  if (above.length === 0) {
    return collapsed;
  }
  const next = new Set(collapsed);
  above.forEach((p) => next.delete(p));
  return next;
}

/** Index of span `spanId` (lowercase hex) or -1. O(n). */
export function findSpan(analysis: TraceAnalysis, spanId: string): number {
  for (let i = 0; i < analysis.trace.spanCount; i++) {
    if (spanIdOf(analysis.trace, i) === spanId) {
      return i;
    }
  }
  return -1;
}

/** The spans reporting valid busy_ns/idle_ns, by span index. O(n + attributes). */
export function reportedBusyIdleBySpan(analysis: TraceAnalysis): ReadonlyMap<number, SpanBusyIdle> {
  return new Map(reportedBusyIdle(analysis).map((s) => [s.span, s]));
}

/**
 * The idle part of a bar from `start` to `end` (ns since trace start) of a span reporting `values`:
 * the last idle / (busy + idle) of it, as [from, end]; null when the span reports no idle time. O(1).
 */
export function idlePart(values: SpanBusyIdle, start: number, end: number): [number, number] | null {
  if (values.idle === 0) {
    return null;
  }
  return [end - ((end - start) * values.idle) / (values.busy + values.idle), end];
}
