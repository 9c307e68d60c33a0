/**
 * Compare page view model. Default split: the traces matching one query, ordered by duration;
 * the slowest `fraction` (at least one trace, and at least one left for the baseline) form the
 * slow set, the rest the baseline. Examples: per component, the slowest traces of the slow set
 * that contain it (from each trace's own breakdown keys). O(t log t + spans).
 */
import { traceqlString } from '../../data';
import { breakdown, GroupBy, TraceAnalysis } from '../../engine';

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

/** TraceQL for the traces whose root span is `service` / `operation` (either may be empty). */
export function rootQuery(service: string, operation: string): string {
  const conditions = [
    service ? `rootServiceName = ${traceqlString(service)}` : '',
    operation ? `rootName = ${traceqlString(operation)}` : '',
  ].filter(Boolean);
  return conditions.length ? `{ ${conditions.join(' && ')} }` : '{}';
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
