/**
 * The services page's self-time and critical-path breakdown, all traffic beside a sample: the
 * TraceLens connector's rates, shares and p50/p95 per group (data/latencymetrics) joined with the
 * shares the engine computes over a sample of fetched traces, so users see whether they agree.
 * A sample share is the group's summed self (or critical-path) time ÷ the same sum over every group
 * in scope (every service; or the operations of one service), as the connector's rate-normalised
 * share is — the sample's count of traces cancels out, so the two estimate the same number.
 * O(total spans) for the sample (engine aggregate), O(rows · log rows) for the join.
 */
import { aggregateTraces, TraceAnalysis } from '../../engine';
import type { LatencyBreakdownRow, MetricsGrouping } from '../../data';

/** A group's shares (0…1) of self time and of critical-path time. */
export interface Shares {
  selfTime: number;
  criticalPath: number;
}

/** Shares per group key (`service`, or `service\0operation`) over the analysed traces. */
export interface SampleShares {
  traces: number;
  shares: Map<string, Shares>;
}

export interface LatencyRow extends LatencyBreakdownRow {
  /** the same shares over the sample; undefined for a group the sample does not hold */
  sample?: Shares;
}

export const groupKey = (service: string, operation?: string) =>
  operation === undefined ? service : `${service}\u0000${operation}`;

/**
 * Shares per service, or per operation of `service`, over `analyses`. Groups merged into the
 * aggregate's "other" row (over 1,000 groups) count in the total but get no share of their own.
 */
export function sampleShares(
  analyses: readonly TraceAnalysis[],
  groupBy: MetricsGrouping,
  service?: string
): SampleShares {
  const aggregate = aggregateTraces(analyses, { kind: groupBy });
  const rows = aggregate.rows.filter((r) => groupBy === 'service' || r.parts[0] === service);
  const inScope = [...rows, ...(groupBy === 'service' && aggregate.other ? [aggregate.other] : [])];
  const selfTotal = inScope.reduce((s, r) => s + r.selfTotal, 0);
  const criticalTotal = inScope.reduce((s, r) => s + r.criticalPath, 0);
  const share = (part: number, total: number) => (total > 0 ? part / total : 0);
  return {
    traces: analyses.length,
    shares: new Map(
      rows.map((r) => [
        groupKey(r.parts[0] ?? '', groupBy === 'operation' ? (r.parts[1] ?? '') : undefined),
        { selfTime: share(r.selfTotal, selfTotal), criticalPath: share(r.criticalPath, criticalTotal) },
      ])
    ),
  };
}

/** Each connector row with its sample shares, in the connector's order. */
export function joinLatencyRows(connector: LatencyBreakdownRow[], sample: SampleShares | undefined): LatencyRow[] {
  return connector.map((row) => {
    const shares = sample?.shares.get(groupKey(row.service, row.operation));
    return shares ? { ...row, sample: shares } : row;
  });
}
