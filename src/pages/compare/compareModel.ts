/**
 * Compare page view model. Default split: the traces of one root operation (search hits whose root
 * is that service / span name) or of one TraceQL query, ordered by duration; the slowest
 * `fraction` (at least one trace, and at least one left for the baseline) form the slow set, the
 * rest the baseline. Examples: per component, the slowest traces of the slow set that contain it
 * (from each trace's own breakdown keys). The engine's repairs are listed per trace (failures and
 * partial traces are the coverage line's, app/coverage.ts). The two sets come from the source's
 * searches (`findTraceSets`, which also says how many traces they listed and whether a search
 * stopped at its limit); the comparison and the call-tree diff fill in as traces arrive
 * (compareProgress.ts). O(t log t) for the split, O(spans) for the examples.
 */
import { DataError } from '../../data';
import { breakdown, GroupBy, TraceAnalysis, TraceSetComparison, TraceWarning } from '../../engine';
import type { TraceResult } from '../../loading';
import type { TraceHit, TraceQuery } from '../../sources/types';
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

/** A repaired trace and the first repair the engine made in it. */
export interface RepairNote {
  traceId: string;
  repair: TraceWarning;
}

/** The loaded traces the engine repaired (orphans, clock skew…), its first repair each, in the order of `results`. */
export function repairedTraces(results: ReadonlyMap<string, TraceResult>): RepairNote[] {
  const out: RepairNote[] = [];
  results.forEach((result, traceId) => {
    const repair =
      result instanceof DataError
        ? undefined
        : result.warnings.find((w): w is TraceWarning => w.kind !== 'partial-trace');
    if (repair) {
      out.push({ traceId, repair });
    }
  });
  return out;
}

/**
 * Per component key, the ids of the slowest traces containing it (at most `limit`), slowest
 * first, ties in the order of the traces' ranks; traces come in any order, each costing
 * O(spans + components × limit).
 */
export class ExampleTraces {
  private readonly byKey = new Map<string, Array<{ traceId: string; duration: number; rank: number }>>();

  constructor(
    private readonly groupBy: GroupBy,
    private readonly limit: number
  ) {}

  /** Adds trace `traceId`; `rank` orders traces of equal duration (e.g. its place in the set). */
  add(traceId: string, analysis: TraceAnalysis, rank: number): void {
    const duration = analysis.duration;
    for (const row of breakdown(analysis, this.groupBy)) {
      const list = this.byKey.get(row.key) ?? [];
      this.byKey.set(row.key, list);
      let at = list.length;
      while (
        at > 0 &&
        (list[at - 1].duration < duration || (list[at - 1].duration === duration && list[at - 1].rank > rank))
      ) {
        at--;
      }
      if (at < this.limit) {
        list.splice(at, 0, { traceId, duration, rank });
        list.length = Math.min(list.length, this.limit);
      }
    }
  }

  /** Component key → example trace ids, slowest first. */
  snapshot(): Map<string, string[]> {
    return new Map([...this.byKey].map(([key, list]) => [key, list.map((e) => e.traceId)]));
  }
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
  repaired: RepairNote[];
  comparison: TraceSetComparison;
  /** component key → up to `examples` slow trace ids containing it */
  examples: Map<string, string[]>;
}
