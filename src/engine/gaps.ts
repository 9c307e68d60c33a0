/**
 * Cross-service gaps: for every CLIENT span with a SERVER child in another service, the time
 * the client waited outside the server span — `before` = server start − client start (request
 * transit, queueing), `after` = client end − server end (response transit) — summed per
 * (client service, server service) pair. Uses effective intervals, in which a server span
 * always lies inside its client (clip.ts), so gaps are never negative. O(n).
 */
import { TraceAnalysis } from './analyze';
import { ParsedTrace, serviceOf, SpanKind } from './model';

export interface ServiceGap {
  client: string;
  server: string;
  /** client→server call pairs seen */
  count: number;
  /** ns, summed over calls */
  before: number;
  after: number;
  total: number;
  /** per-call gap (before + after) statistics, ns */
  min: number;
  avg: number;
  max: number;
}

/** Gaps per service pair, largest total first. */
export function crossServiceGaps(analysis: TraceAnalysis): ServiceGap[] {
  const { trace, tree, intervals } = analysis;
  const { effStart, effEnd } = intervals;
  const byPair = new Map<string, ServiceGap>();
  for (let c = 0; c < trace.spanCount; c++) {
    const p = tree.parent[c];
    if (p < 0 || trace.kind[c] !== SpanKind.Server || trace.kind[p] !== SpanKind.Client || sameService(trace, p, c)) {
      continue;
    }
    const before = effStart[c] - effStart[p];
    const after = effEnd[p] - effEnd[c];
    const client = serviceOf(trace, p);
    const server = serviceOf(trace, c);
    const key = JSON.stringify([client, server]);
    let row = byPair.get(key);
    if (row === undefined) {
      row = { client, server, count: 0, before: 0, after: 0, total: 0, min: Infinity, avg: 0, max: 0 };
      byPair.set(key, row);
    }
    row.count++;
    row.before += before;
    row.after += after;
    row.total += before + after;
    row.min = Math.min(row.min, before + after);
    row.max = Math.max(row.max, before + after);
  }
  const rows = [...byPair.values()];
  for (const row of rows) {
    row.avg = row.total / row.count;
  }
  return rows.sort((a, b) => b.total - a.total || (a.client + a.server < b.client + b.server ? -1 : 1));
}

function sameService(trace: ParsedTrace, a: number, b: number): boolean {
  return trace.resourceService[trace.resource[a]] === trace.resourceService[trace.resource[b]];
}
