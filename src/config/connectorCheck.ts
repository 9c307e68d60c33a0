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
import { CheckResult, lastHour } from './checkResult';
import { errorText } from '../components/errorText';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../components/i18n';

const ID = 'latency-connector';
/** The check's title. */
export const connectorTitle = () => t('config.connector.title', 'TraceLens connector metrics');

/** What to do about the connector: add it (`missing`), or the setting to raise for a loss reason. */
export const connectorHints = () => ({
  missing: t(
    'config.connector.hint-missing',
    'Add the tracelens_latency connector to your OpenTelemetry Collector and send its metrics to this Prometheus (collector/README.md in the TraceLens repository); the services page then shows self time and critical-path time for all traffic.'
  ),
  late: t('config.connector.hint-late', 'raise `wait` (spans arrived after their trace was analysed)'),
  evicted: t('config.connector.hint-evicted', 'raise `max_traces` (traces were dropped to make room)'),
  oversize: t('config.connector.hint-oversize', 'raise `max_spans_per_trace` (traces were over the size limit)'),
  shutdown: t(
    'config.connector.hint-shutdown',
    'traces still waiting when a collector stopped were lost, as at every restart (nothing to raise)'
  ),
});

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
      title: connectorTitle(),
      status: 'ok',
      detail: t('config.connector.ok', '', {
        count: counters.analyzed,
        names,
        defaultValue_one: '{{count}} trace analysed, none incomplete, no span dropped ({{names}}).',
        defaultValue_other: '{{count}} traces analysed, none incomplete, no span dropped ({{names}}).',
        ...AS_TEXT,
      }),
    };
  }
  const hints = connectorHints();
  const reasons = [...new Set([...incomplete, ...dropped].map(([reason]) => reason))];
  const fixes = reasons.map(
    (r) =>
      hints[r as keyof typeof hints] ??
      t('config.connector.see-reason', 'see reason "{{reason}}"', { reason: r, ...AS_TEXT })
  );
  const none = t('config.connector.none', 'none');
  return {
    id: ID,
    title: connectorTitle(),
    status: 'warning',
    detail: t('config.connector.losses', '', {
      count: counters.analyzed,
      incomplete: list(incomplete) || none,
      dropped: list(dropped) || none,
      names,
      defaultValue_one:
        '{{count}} trace analysed; incomplete traces: {{incomplete}}; dropped spans: {{dropped}} ({{names}}).',
      defaultValue_other:
        '{{count}} traces analysed; incomplete traces: {{incomplete}}; dropped spans: {{dropped}} ({{names}}).',
      ...AS_TEXT,
    }),
    hint: t('config.connector.hint', "In the collector's tracelens_latency settings: {{fixes}}.", {
      fixes: fixes.join(t('config.connector.separator', '; ')),
      ...AS_TEXT,
    }),
  };
}

/** Detects the connector's metrics in the last hour and checks its counters. */
export async function connectorCheck(prom: PrometheusClient, signal: AbortSignal): Promise<CheckResult> {
  const range = lastHour();
  try {
    const detection = await detectLatencyMetrics(prom, range, signal);
    if (detection.kind === 'none') {
      return {
        id: ID,
        title: connectorTitle(),
        status: 'warning',
        detail: errorText(detection.problem),
        hint: connectorHints().missing,
      };
    }
    const counters = await createLatencyMetrics(prom, detection.scheme).counters(
      range.end,
      range.end - range.start,
      signal
    );
    return connectorCounterCheck(detection.scheme, counters);
  } catch (e) {
    return { id: ID, title: connectorTitle(), status: 'error', detail: errorText(e), hint: connectorHints().missing };
  }
}
