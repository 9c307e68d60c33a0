/**
 * The TraceLens connector's metrics, read: per group (service, or operation of one service) the
 * rate-normalised shares of self time and of critical-path time and their p50/p95, the same time
 * rates over time (one series per group, charted), and the connector's own counters. A share is
 * the group's seconds-per-second ÷ the sum over the groups the query returns (0 when that sum is
 * 0). Queries in queries.ts; O(groups) after instant queries answer, O(points) after range queries.
 */
import { instantVector, PrometheusClient } from '../prometheus/client';
import { Labels } from '../prometheus/types';
import { RequestOptions } from '../transport';
import type { UnixSecondsRange } from '../unix-seconds-range';
import type { MetricsGrouping } from '../spanmetrics/queries';
import { chartSteps, NamedSeries, Window } from '../spanmetrics/spanmetrics';
import {
  ConnectorCounter,
  counterQuery,
  LatencyMeasure,
  latencyMeasureQuantileQuery,
  LatencyMetricsFilter,
  timeRateQuery,
} from './queries';
import { LatencyMetricsScheme } from './scheme';

/** One measure of a group: time per second, its share of all groups', and quantiles of a span's time. */
export interface MeasureStats {
  /** seconds of this time per second */
  rate: number;
  /** 0…1 */
  share: number;
  /** seconds; NaN when unknown */
  p50: number;
  p95: number;
}

export interface LatencyBreakdownRow {
  service: string;
  /** span name, when grouped by operation */
  operation?: string;
  selfTime: MeasureStats;
  criticalPath: MeasureStats;
}

/** The connector's counters: since each instance started, summed over instances. */
export interface ConnectorCounters {
  analyzed: number;
  /** traces not completed, by reason */
  incomplete: Record<string, number>;
  /** spans dropped, by reason */
  dropped: Record<string, number>;
}

/** Seconds of self time and of critical-path time per second, over time: one series per group. */
export interface LatencyOverTime {
  selfTime: NamedSeries[];
  criticalPath: NamedSeries[];
}

const MEASURES: LatencyMeasure[] = ['selfTime', 'criticalPath'];

export function createLatencyMetrics(prom: PrometheusClient, scheme: LatencyMetricsScheme) {
  const vector = (expr: string, time: number, signal?: AbortSignal) => instantVector(prom, expr, time, { signal });
  const key = (l: Labels, groupBy: MetricsGrouping) =>
    groupBy === 'service'
      ? (l[scheme.labels.service] ?? '')
      : `${l[scheme.labels.service] ?? ''}\u0000${l[scheme.labels.spanName] ?? ''}`;

  return {
    scheme,

    /** Shares and p50/p95 of self and critical-path time per group, over `w`, sorted by group name. */
    async breakdown(
      filter: LatencyMetricsFilter,
      groupBy: MetricsGrouping,
      w: Window,
      signal?: AbortSignal
    ): Promise<LatencyBreakdownRow[]> {
      const measured = await Promise.all(
        MEASURES.map((measure) =>
          Promise.all([
            vector(timeRateQuery(scheme, measure, filter, groupBy, w.rangeSec), w.time, signal),
            ...[0.5, 0.95].map((q) =>
              vector(latencyMeasureQuantileQuery(scheme, measure, q, filter, groupBy, w.rangeSec), w.time, signal)
            ),
          ])
        )
      );
      const rows = new Map<string, LatencyBreakdownRow>();
      const empty = (): MeasureStats => ({ rate: 0, share: 0, p50: NaN, p95: NaN });
      measured.forEach(([rates, p50, p95], i) => {
        const measure = MEASURES[i];
        const total = rates.reduce((sum, r) => sum + r.value, 0);
        const row = (labels: Labels) => {
          const k = key(labels, groupBy);
          if (!rows.has(k)) {
            rows.set(k, {
              service: labels[scheme.labels.service] ?? '',
              ...(groupBy === 'operation' ? { operation: labels[scheme.labels.spanName] ?? '' } : {}),
              selfTime: empty(),
              criticalPath: empty(),
            });
          }
          return rows.get(k)![measure];
        };
        for (const r of rates) {
          Object.assign(row(r.labels), { rate: r.value, share: total > 0 ? r.value / total : 0 });
        }
        p50.forEach((r) => (row(r.labels).p50 = r.value));
        p95.forEach((r) => (row(r.labels).p95 = r.value));
      });
      return [...rows.values()].sort(
        (a, b) => a.service.localeCompare(b.service) || (a.operation ?? '').localeCompare(b.operation ?? '')
      );
    },

    /**
     * Each group's seconds of self and critical-path time per second over `range` (steps and
     * look-back as the span-metrics charts': chartSteps), named by the service, or by the operation
     * when grouped by operation; series sorted by name.
     */
    async overTime(
      filter: LatencyMetricsFilter,
      groupBy: MetricsGrouping,
      range: UnixSecondsRange,
      request?: RequestOptions
    ): Promise<LatencyOverTime> {
      const { steps, rangeSec } = chartSteps(range);
      const name = (l: Labels) => (groupBy === 'service' ? l[scheme.labels.service] : l[scheme.labels.spanName]) ?? '';
      const [selfTime, criticalPath] = await Promise.all(
        MEASURES.map(async (measure) =>
          (await prom.queryRange(timeRateQuery(scheme, measure, filter, groupBy, rangeSec), steps, request)).result
            .map((r) => ({
              name: name(r.metric),
              points: r.values.map(([t, v]) => [t, Number(v)] as [number, number]),
            }))
            .sort((a, b) => a.name.localeCompare(b.name))
        )
      );
      return { selfTime, criticalPath };
    },

    /** The connector's counters as of the last sample within the `rangeSec` before `time`. */
    async counters(time: number, rangeSec: number, signal?: AbortSignal): Promise<ConnectorCounters> {
      const read = (counter: ConnectorCounter) => vector(counterQuery(scheme, counter, rangeSec), time, signal);
      const [analyzed, incomplete, dropped] = await Promise.all(
        (['analyzed', 'incomplete', 'dropped'] as const).map(read)
      );
      const byReason = (rows: typeof analyzed) =>
        Object.fromEntries(rows.map((r) => [r.labels[scheme.labels.reason] ?? '', r.value]));
      return { analyzed: analyzed[0]?.value ?? 0, incomplete: byReason(incomplete), dropped: byReason(dropped) };
    },
  };
}

export type LatencyMetrics = ReturnType<typeof createLatencyMetrics>;
