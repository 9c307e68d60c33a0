/**
 * `analyzeTrace`: runs the per-trace pipeline — tree (tree.ts), effective intervals and skew
 * (clip.ts), self time (self-time.ts), the critical path of both modes with their gaps
 * (critical-path.ts) and the links no path follows (links.ts) — and bundles the results with the
 * trace's warnings. O(n + links) overall (radix sorts included). `withPathMode` gives the view of
 * an analysis whose `criticalPath` is another mode's, for code that reads `criticalPath` only.
 */
import { clipIntervals, EffectiveIntervals } from './clip';
import { CriticalPath, criticalPaths, PathMode } from './critical-path';
import { idToHex } from './ids';
import { UnfollowedLinks, unfollowedLinks } from './links';
import { ParsedTrace } from './model';
import { selfTimeOf, selfTimes } from './self-time';
import { buildTree, SpanTree } from './tree';
import { inputTraceWarning, TraceWarning } from './warnings';

export interface TraceAnalysis {
  readonly trace: ParsedTrace;
  readonly tree: SpanTree;
  /** effective (skew-clipped) span intervals, ns since trace start */
  readonly intervals: EffectiveIntervals;
  /** self time per span, ns */
  readonly selfTime: Float64Array;
  /** the critical path of the view's mode: `async` from analyzeTrace, another through withPathMode */
  readonly criticalPath: CriticalPath;
  /** the critical path of each mode; `paths.async` is analyzeTrace's `criticalPath` */
  readonly paths: Readonly<Record<PathMode, CriticalPath>>;
  /** links that neither path follows */
  readonly unfollowedLinks: UnfollowedLinks;
  /** trace duration: from the earliest start (time 0) to the latest effective end, ns */
  readonly duration: number;
  readonly warnings: readonly TraceWarning[];
}

/** A critical-path section with its span id as lowercase hex; times in ns since trace start. */
export interface CriticalPathSection {
  spanId: string;
  /** span index in the trace columns */
  span: number;
  start: number;
  end: number;
}

/** Analyses one parsed trace (see the file header). Never throws on inconsistent trees. */
export function analyzeTrace(trace: ParsedTrace): TraceAnalysis {
  const warnings: TraceWarning[] = trace.warnings.map(inputTraceWarning);
  const tree = buildTree(trace, warnings);
  const intervals = clipIntervals(trace, tree, warnings);
  let duration = 0;
  for (let i = 0; i < trace.spanCount; i++) {
    duration = intervals.effEnd[i] > duration ? intervals.effEnd[i] : duration;
  }
  const paths = criticalPaths(tree, intervals);
  return {
    trace,
    tree,
    intervals,
    selfTime: selfTimes(tree, intervals),
    criticalPath: paths.async,
    paths,
    unfollowedLinks: unfollowedLinks(trace, tree.parent),
    duration,
    warnings,
  };
}

/** Views made by withPathMode, so that one analysis gives the same view object each time. */
const views = new WeakMap<TraceAnalysis, TraceAnalysis>();

/**
 * `analysis` seen in path mode `mode`: the same analysis when its `criticalPath` already is that
 * mode's, else a shallow copy with that mode's path (the same copy on every call).
 */
export function withPathMode(analysis: TraceAnalysis, mode: PathMode): TraceAnalysis {
  const path = analysis.paths[mode];
  if (analysis.criticalPath === path) {
    return analysis;
  }
  let view = views.get(analysis);
  if (view === undefined) {
    view = { ...analysis, criticalPath: path };
    views.set(analysis, view);
  }
  return view;
}

/** Lowercase hex id of span `i`. */
export function spanIdOf(trace: ParsedTrace, i: number): string {
  return idToHex(trace.idHi[i], trace.idLo[i]);
}

/** The critical path as objects, in time order. */
export function criticalPathSections(analysis: TraceAnalysis): CriticalPathSection[] {
  const { span, start, end } = analysis.criticalPath;
  const out: CriticalPathSection[] = [];
  for (let k = 0; k < span.length; k++) {
    out.push({ spanId: spanIdOf(analysis.trace, span[k]), span: span[k], start: start[k], end: end[k] });
  }
  return out;
}

/** The pieces of span `i` not covered by its children, as `[start, end]` pairs (ns since trace start). */
export function selfIntervals(analysis: TraceAnalysis, i: number): Array<[number, number]> {
  const flat: number[] = [];
  selfTimeOf(analysis.tree, analysis.intervals, i, flat);
  const out: Array<[number, number]> = [];
  for (let k = 0; k < flat.length; k += 2) {
    out.push([flat[k], flat[k + 1]]);
  }
  return out;
}
