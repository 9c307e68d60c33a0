/**
 * Compare page view model. Default split: the traces of one root operation (search hits whose root
 * is that service / span name) or of one TraceQL query, ordered by duration; the slowest
 * `fraction` (at least one trace, and at least one left for the baseline) form the slow set, the
 * rest the baseline. Examples: per component, the slowest traces of the slow set that contain it
 * (from each trace's own breakdown keys). What loading reported is summed up per trace: failures,
 * partial traces, repairs. O(t log t + spans).
 */
import { DataError } from '../../data';
import { breakdown, GroupBy, TraceAnalysis } from '../../engine';
import type { TraceResult } from '../../loading';
import type { TraceHit } from '../../sources/types';

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

export interface TraceNote {
  traceId: string;
  message: string;
}

export interface SetWarnings {
  /** traces that could not be loaded: left out of the comparison */
  failed: TraceNote[];
  /** traces the source sent only part of: compared as they are */
  partial: TraceNote[];
  /** traces the engine repaired (orphans, clock skew…): its first note each */
  repaired: TraceNote[];
}

/** Per trace, what loading reported, in the order of `results`. */
export function setWarnings(results: Map<string, TraceResult>): SetWarnings {
  const out: SetWarnings = { failed: [], partial: [], repaired: [] };
  results.forEach((result, traceId) => {
    if (result instanceof DataError) {
      out.failed.push({ traceId, message: result.message });
      return;
    }
    const partial = result.warnings.find((w) => w.kind === 'partial-trace');
    const repair = result.warnings.find((w) => w.kind !== 'partial-trace');
    if (partial) {
      out.partial.push({ traceId, message: partial.message });
    }
    if (repair) {
      out.repaired.push({ traceId, message: repair.message });
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
