/** TraceLens app settings, stored in the app's jsonData through Grafana's plugin settings API. */
import type { SchemeId } from '../data';

export interface AppSettings {
  /**
   * UID of the trace datasource (Tempo or Jaeger) the pages query by default; pages take another
   * from their URL (`ds`). The key keeps its name from when TraceLens read only Tempo.
   */
  tempoDatasourceUid?: string;
  /** UID of the Prometheus datasource holding span metrics. */
  prometheusDatasourceUid?: string;
  /** Span-metrics naming scheme; "auto" detects it from what Prometheus holds. */
  spanMetricsScheme?: SpanMetricsSchemeSetting;
  /**
   * Traces fetched for one comparison by default: the compare page's search (half each in its
   * two-queries mode); a comparison can raise it from its coverage line up to
   * MAX_TRACES_FOR_AGGREGATE. The breakdown panel has its own option, capped at MAX_TRACES_PER_PANEL.
   */
  maxTracesForAggregate?: number;
}

export type SpanMetricsSchemeSetting = 'auto' | SchemeId;

export const SPAN_METRICS_SCHEME_OPTIONS: Array<{
  value: SpanMetricsSchemeSetting;
  label: string;
  description: string;
}> = [
  { value: 'auto', label: 'Detect automatically', description: 'Look at the metric names Prometheus holds' },
  { value: 'tempo', label: 'Tempo metrics-generator', description: 'traces_spanmetrics_latency_bucket, label service' },
  {
    value: 'otel',
    label: 'OpenTelemetry Collector spanmetrics',
    description: 'traces_span_metrics_duration_*, label service_name',
  },
  {
    value: 'otel-legacy',
    label: 'OpenTelemetry Collector spanmetrics, no namespace',
    description: 'duration_*, calls_total, label service_name',
  },
  {
    value: 'otel-utf8',
    label: 'Prometheus 3 OTLP, UTF-8 names',
    description: 'traces.span.metrics.duration_milliseconds_*, label service.name',
  },
  {
    value: 'otel-utf8-nosuffix',
    label: 'Prometheus 3 OTLP, UTF-8 names without suffixes',
    description: 'traces.span.metrics.duration_*, traces.span.metrics.calls (ms), label service.name',
  },
];

/**
 * Highest `maxTracesForAggregate` the configuration page accepts, and the most a comparison's
 * coverage line raises it to: 5,000 traces of 200 spans load (6 at a time) and fold in as they
 * arrive within a browser tab's budget (`npm run bench` measures it).
 */
export const MAX_TRACES_FOR_AGGREGATE = 5000;

export const DEFAULT_SETTINGS: Required<Omit<AppSettings, 'tempoDatasourceUid' | 'prometheusDatasourceUid'>> = {
  spanMetricsScheme: 'auto',
  maxTracesForAggregate: 200,
};

/** Returns a human message when the limit is not a whole number between 1 and MAX_TRACES_FOR_AGGREGATE. */
export function validateMaxTraces(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) {
    return 'Enter a whole number of traces, for example 200.';
  }
  const n = Number(trimmed);
  if (n < 1 || n > MAX_TRACES_FOR_AGGREGATE) {
    return `Choose between 1 and ${MAX_TRACES_FOR_AGGREGATE} traces: more would make aggregates slow to fetch.`;
  }
  return undefined;
}
