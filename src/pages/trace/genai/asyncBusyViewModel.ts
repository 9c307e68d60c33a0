/**
 * What the trace page's async busy/idle note shows for one trace: the `busy_ns`/`idle_ns` that
 * tracing-opentelemetry reports, per service (engine `asyncBusyIdle`, DEFINITIONS.md §6.5: sums
 * over each service's outermost reporting spans) with the busy share busy / (busy + idle); the
 * spans that lack both values (labels of the first {@link MAX_LACKING_LISTED}, and how many); and
 * the spans left out, one warning each; none when no span reports the values. Numbers stay ns; the
 * component formats them. O(spans); O(strings) when no span can report them (`mayReportBusyIdle`:
 * the trace's strings hold neither name), as in most traces (118 ms saved at 1M spans).
 */
import {
  asyncBusyIdle,
  BusyIdleWarning,
  mayReportBusyIdle,
  ServiceAsyncBusyIdle,
  spanLabel,
  TraceAnalysis,
} from '../../../engine';

/** Spans lacking both values named in the note; the rest are counted. */
export const MAX_LACKING_LISTED = 10;

export interface AsyncBusyRow extends ServiceAsyncBusyIdle {
  /** busy / (busy + idle), NaN when both are 0 */
  busyShare: number;
}

export interface AsyncBusyView {
  /** every service of the trace, by name */
  services: AsyncBusyRow[];
  /** spans reporting neither value: how many, and the labels of the first ones */
  lackingCount: number;
  lackingListed: string[];
  /** the spans left out; the component words them */
  warnings: BusyIdleWarning[];
}

/** The note's content, or undefined when no span reports the values (used or left out). */
export function asyncBusyView(analysis: TraceAnalysis): AsyncBusyView | undefined {
  if (!mayReportBusyIdle(analysis.trace)) {
    return undefined;
  }
  const result = asyncBusyIdle(analysis);
  if (result.spans.length === 0 && result.warnings.length === 0) {
    return undefined;
  }
  return {
    services: result.services.map((s) => ({
      ...s,
      busyShare: s.busy + s.idle > 0 ? s.busy / (s.busy + s.idle) : NaN,
    })),
    lackingCount: result.lacking.length,
    lackingListed: result.lacking.slice(0, MAX_LACKING_LISTED).map((i) => spanLabel(analysis.trace, i)),
    warnings: result.warnings,
  };
}
