/**
 * The diagnostics check of the TraceLens connector (collector/, `tracelens_latency`): its metrics
 * are in Prometheus, and its own counters — traces analysed, traces it could not complete and spans
 * it dropped, by reason — as of the last hour. Non-zero losses get a hint naming the connector
 * setting to raise for each reason (`late` → `wait`, `evicted` → `max_traces`, `oversize` →
 * `max_spans_per_trace`; `shutdown` is what a collector restart loses). O(reasons).
 */
import {
  ConnectorCounters,
  createLatencyMetrics,
  detectLatencyMetrics,
  LatencyMetricsScheme,
  PrometheusClient,
} from '../data';
import { CheckResult, lastHour, message } from './checkResult';

const ID = 'latency-connector';
const TITLE = 'TraceLens connector metrics';

export const CONNECTOR_HINTS = {
  missing:
    'Add the tracelens_latency connector to your OpenTelemetry Collector and send its metrics to this Prometheus (collector/README.md in the TraceLens repository); the services page then shows self time and critical-path time for all traffic.',
  late: 'raise `wait` (spans arrived after their trace was analysed)',
  evicted: 'raise `max_traces` (traces were dropped to make room)',
  oversize: 'raise `max_spans_per_trace` (traces were over the size limit)',
  shutdown: 'traces still waiting when a collector stopped were lost, as at every restart (nothing to raise)',
} as const;

/** `evicted 3, late 2`, the reasons with a non-zero count in code-point order. */
const nonZero = (byReason: Record<string, number>) =>
  Object.entries(byReason)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The check's result from the scheme found and the connector's counters (pure; exported for tests). */
export function connectorCounterCheck(scheme: LatencyMetricsScheme, counters: ConnectorCounters): CheckResult {
  const incomplete = nonZero(counters.incomplete);
  const dropped = nonZero(counters.dropped);
  const list = (entries: Array<[string, number]>) => entries.map(([reason, n]) => `${reason} ${n}`).join(', ');
  const names = `${scheme.analyzed}, ${scheme.incomplete}, ${scheme.dropped}`;
  if (incomplete.length === 0 && dropped.length === 0) {
    return {
      id: ID,
      title: TITLE,
      status: 'ok',
      detail: `${counters.analyzed} traces analysed, none incomplete, no span dropped (${names}).`,
    };
  }
  const reasons = [...new Set([...incomplete, ...dropped].map(([reason]) => reason))];
  const fixes = reasons.map((r) => CONNECTOR_HINTS[r as keyof typeof CONNECTOR_HINTS] ?? `see reason "${r}"`);
  return {
    id: ID,
    title: TITLE,
    status: 'warning',
    detail: `${counters.analyzed} traces analysed; incomplete traces: ${list(incomplete) || 'none'}; dropped spans: ${list(dropped) || 'none'} (${names}).`,
    hint: `In the collector's tracelens_latency settings: ${fixes.join('; ')}.`,
  };
}

/** Detects the connector's metrics in the last hour and checks its counters. */
export async function connectorCheck(prom: PrometheusClient, signal: AbortSignal): Promise<CheckResult> {
  const range = lastHour();
  try {
    const detection = await detectLatencyMetrics(prom, range, signal);
    if (detection.kind === 'none') {
      return { id: ID, title: TITLE, status: 'warning', detail: detection.message, hint: CONNECTOR_HINTS.missing };
    }
    const counters = await createLatencyMetrics(prom, detection.scheme).counters(
      range.end,
      range.end - range.start,
      signal
    );
    return connectorCounterCheck(detection.scheme, counters);
  } catch (e) {
    return { id: ID, title: TITLE, status: 'error', detail: message(e), hint: CONNECTOR_HINTS.missing };
  }
}
