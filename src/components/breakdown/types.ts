/**
 * View models of the breakdown visualisations: plain data computed from the engine by
 * view-model.ts (or by a page), rendered as-is by the components. Durations are ns.
 */
import type { Percentiles } from '../../engine';

/** What a row's value measures. */
export type Measure = 'self' | 'criticalPath' | 'total' | 'busyIdle';

/** Display order of rows; "Other" always comes last. */
export type SortOrder = 'desc' | 'asc' | 'label';

/** Unit durations are shown in: 'auto' picks ns/µs/ms/s per value. */
export type DurationUnit = 'auto' | 'us' | 'ms' | 's';

export interface BreakdownViewRow {
  /** unique key: the engine's group key (JSON of `parts`), or OTHER_KEY */
  key: string;
  label: string;
  /** [service], [service, operation], [span kind] or [attribute value | null]; empty for "Other" */
  parts: Array<string | null>;
  /** the measure, ns: per trace for one trace, mean per trace over several */
  value: number;
  /** busy/idle only: time waiting on others (active − busy), ns, same averaging as `value` */
  waiting?: number;
  /** the measure summed over all traces / the summed trace durations */
  share: number;
  /** spans in the group, over all traces; NaN when unknown (all traffic, from metrics) */
  count: number;
  /** traces containing the group (undefined for "Other") */
  traces?: number;
  /** distribution of the measure per trace (several traces only), ns */
  percentiles?: Percentiles;
  /** an external reference value drawn over the bar (e.g. span-metrics p95), ns */
  overlay?: number;
  /** palette index (0-based), -1 for "Other" */
  colorIndex: number;
  /** where the row links to, when it does */
  href?: string;
  /** rows merged into "Other" */
  merged?: number;
}

export interface BreakdownView {
  measure: Measure;
  /** e.g. "Self time" */
  measureLabel: string;
  traceCount: number;
  /** summed trace durations, ns: the denominator of every share */
  denominator: number;
  /** says what shares are relative to, e.g. "share of the trace duration (18.5 ms)" */
  denominatorNote: string;
  rows: BreakdownViewRow[];
  /** what `percentiles` describe, e.g. "per trace"; undefined when rows have none */
  percentilesOf?: string;
  /** legend name of `overlay` values, e.g. "p95 (span metrics)" */
  overlayLabel?: string;
  /** extra facts for the reader, e.g. "busy/idle is measured per service" */
  notes: string[];
}

export interface TraceStackSegment {
  key: string;
  label: string;
  /** ns */
  value: number;
  colorIndex: number;
}

/** One trace drawn as a stacked bar of its groups. */
export interface TraceStackView {
  traceId: string;
  /** e.g. "frontend: GET /checkout" */
  label: string;
  /** trace duration, ns */
  duration: number;
  segments: TraceStackSegment[];
  href?: string;
}
