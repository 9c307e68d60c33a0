/**
 * Compare page view model. Default split: the traces of one root operation (search hits whose root
 * is that service / span name) or of one TraceQL query, ordered by duration; the slowest
 * `fraction` (at least one trace, and at least one left for the baseline) form the slow set, the
 * rest the baseline. Examples: per component, the slowest traces of the slow set that contain it
 * (from each trace's own breakdown keys). The engine's repairs are listed per trace (failures and
 * partial traces are the coverage line's, app/coverage.ts). The two sets come from the source's
 * searches (`findTraceSets`, which also says how many traces they listed and whether a search
 * stopped at its limit); once
 * every trace is loaded, `compareLoaded` ranks the differences and `diffLoaded` diffs the two call
 * trees (callTreeDiffView.ts). O(t log t + spans).
 */
import { DataError } from '../../data';
import { breakdown, compareTraceSets, GroupBy, TraceAnalysis, TraceSetComparison } from '../../engine';
import type { TraceNote } from '../../app/coverage';
import type { TraceResult } from '../../loading';
import type { TraceHit, TraceQuery } from '../../sources/types';
import { callTreeDiffView, CallTreeDiffView, LoadedTrace } from './callTreeDiffView';
import type { CompareRequest } from './compareUrl';

/** call paths listed as changed most */
export const DIFF_ROWS = 10;

export interface Candidate {
  traceId: string;
  durationMs: number;
}

export interface Split {
  slow: string[];
  baseline: string[];
  /** duration of the fastest slow trace, ms */
  thresholdMs: number;
}

export function splitSlowest(traces: Candidate[], fraction: number): Split {
  const sorted = [...traces].sort((a, b) => b.durationMs - a.durationMs || (a.traceId < b.traceId ? -1 : 1));
  if (sorted.length < 2) {
    return { slow: [], baseline: sorted.map((t) => t.traceId), thresholdMs: NaN };
  }
  const n = Math.min(sorted.length - 1, Math.max(1, Math.round(sorted.length * fraction)));
  return {
    slow: sorted.slice(0, n).map((t) => t.traceId),
    baseline: sorted.slice(n).map((t) => t.traceId),
    thresholdMs: sorted[n - 1].durationMs,
  };
}

/**
 * The hits whose root span is `service` / `operation` (an empty one matches any), and how many
 * were left out: a search matches any span of a trace, and a root may not have arrived yet.
 */
export function rootMatches(hits: TraceHit[], service: string, operation: string) {
  const kept = hits.filter(
    (h) =>
      h.rootService !== undefined && (!service || h.rootService === service) && (!operation || h.rootName === operation)
  );
  return { kept, otherRoot: hits.length - kept.length };
}

/** The loaded traces the engine repaired (orphans, clock skew…), its first note each, in the order of `results`. */
export function repairedTraces(results: Map<string, TraceResult>): TraceNote[] {
  const out: TraceNote[] = [];
  results.forEach((result, traceId) => {
    const repair = result instanceof DataError ? undefined : result.warnings.find((w) => w.kind !== 'partial-trace');
    if (repair) {
      out.push({ traceId, message: repair.message });
    }
  });
  return out;
}

/** Component key → ids of the traces containing it, slowest trace first, at most `limit` each. */
export function examplesByKey(
  traces: Array<{ traceId: string; analysis: TraceAnalysis }>,
  groupBy: GroupBy,
  limit: number
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const slowestFirst = [...traces].sort((a, b) => b.analysis.duration - a.analysis.duration);
  for (const { traceId, analysis } of slowestFirst) {
    for (const row of breakdown(analysis, groupBy)) {
      const list = out.get(row.key) ?? [];
      if (list.length < limit) {
        list.push(traceId);
        out.set(row.key, list);
      }
    }
  }
  return out;
}

export interface TraceSets extends Split {
  /** distinct traces the searches listed */
  listed: number;
  /** search hits left out because their root is another operation (or not there yet) */
  otherRoot: number;
  /** the limit each search was asked for, and whether one listed that many (more may match) */
  search: { limit: number; reached: boolean };
}

/**
 * The slow set and the baseline `request` asks for, from `search` (the source's search over the
 * page's range): split mode searches one TraceQL query or the root operation (up to `maxTraces`
 * hits) and splits off the slowest `pct`%; queries mode runs both queries (half the limit each)
 * and drops from the baseline what is in the slow set.
 */
export async function findTraceSets(
  request: CompareRequest,
  search: (query: TraceQuery, limit: number) => Promise<TraceHit[]>,
  maxTraces: number
): Promise<TraceSets> {
  const { mode, svc, op, q, pct, slowQ, baseQ } = request;
  if (mode === 'split') {
    const limit = maxTraces;
    const hits = await search(
      q ? { traceql: q } : { filter: { service: svc || undefined, spanName: op || undefined } },
      limit
    );
    const { kept, otherRoot } = q ? { kept: hits, otherRoot: 0 } : rootMatches(hits, svc, op);
    const reached = hits.length >= limit;
    return { ...splitSlowest(kept, pct / 100), listed: hits.length, otherRoot, search: { limit, reached } };
  }
  const limit = Math.ceil(maxTraces / 2);
  const [slow, baseline] = await Promise.all([search({ traceql: slowQ }, limit), search({ traceql: baseQ }, limit)]);
  const slowIds = new Set(slow.map((t) => t.traceId));
  const baselineIds = baseline.map((t) => t.traceId).filter((id) => !slowIds.has(id));
  return {
    slow: [...slowIds],
    baseline: baselineIds,
    thresholdMs: NaN,
    listed: slowIds.size + baselineIds.length,
    otherRoot: 0,
    search: { limit, reached: slow.length >= limit || baseline.length >= limit },
  };
}

export interface CompareResult {
  /** traces the engine repaired, compared as repaired */
  repaired: TraceNote[];
  comparison: TraceSetComparison;
  /** component key → up to `examples` slow trace ids containing it */
  examples: Map<string, string[]>;
}

/** The loaded traces of each set (failed ones left out). */
function loadedSides(sets: Split, results: Map<string, TraceResult>) {
  const pick = (ids: string[]): LoadedTrace[] =>
    ids.flatMap((traceId) => {
      const r = results.get(traceId);
      return r && !(r instanceof DataError) ? [{ traceId, analysis: r.analysis }] : [];
    });
  const slow = pick(sets.slow);
  const baseline = pick(sets.baseline);
  return { slow, baseline, both: slow.length > 0 && baseline.length > 0 };
}

/**
 * The comparison of the loaded traces of `sets` (failed ones left out) grouped by `groupBy`, the
 * repaired traces, and per component up to `examples` example slow traces; an empty comparison
 * when either side has no loaded trace.
 */
export function compareLoaded(
  sets: Split,
  results: Map<string, TraceResult>,
  groupBy: GroupBy,
  examples: number
): CompareResult {
  const { slow, baseline, both } = loadedSides(sets, results);
  return {
    repaired: repairedTraces(results),
    comparison: both
      ? compareTraceSets(
          slow.map((t) => t.analysis),
          baseline.map((t) => t.analysis),
          groupBy
        )
      : { rows: [], other: null },
    examples: both ? examplesByKey(slow, groupBy, examples) : new Map<string, string[]>(),
  };
}

/**
 * The call trees of the loaded traces of `sets` compared node by node (callTreeDiffView.ts; no
 * grouping, so regrouping the comparison does not redo it); null when either side has no loaded trace.
 */
export function diffLoaded(sets: Split, results: Map<string, TraceResult>): CallTreeDiffView | null {
  const { slow, baseline, both } = loadedSides(sets, results);
  return both ? callTreeDiffView(baseline, slow, DIFF_ROWS) : null;
}
