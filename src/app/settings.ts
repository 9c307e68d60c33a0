/** TraceLens app settings, stored in the app's jsonData through Grafana's plugin settings API. */
import { t } from '@grafana/i18n';
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

/** The naming scheme choices in the user's language; a description names the scheme's metrics and label. */
export const spanMetricsSchemeOptions = (): Array<{
  value: SpanMetricsSchemeSetting;
  label: string;
  description: string;
}> => [
  {
    value: 'auto',
    label: t('settings.scheme.auto', 'Detect automatically'),
    description: t('settings.scheme.auto-description', 'Look at the metric names Prometheus holds'),
  },
  {
    value: 'tempo',
    label: t('settings.scheme.tempo', 'Tempo metrics-generator'),
    description: t('settings.scheme.metrics', '{{metrics}}, label {{label}}', {
      metrics: 'traces_spanmetrics_latency_bucket',
      label: 'service',
    }),
  },
  {
    value: 'otel',
    label: t('settings.scheme.otel', 'OpenTelemetry Collector spanmetrics'),
    description: t('settings.scheme.metrics', '{{metrics}}, label {{label}}', {
      metrics: 'traces_span_metrics_duration_*',
      label: 'service_name',
    }),
  },
  {
    value: 'otel-legacy',
    label: t('settings.scheme.otel-legacy', 'OpenTelemetry Collector spanmetrics, no namespace'),
    description: t('settings.scheme.metrics', '{{metrics}}, label {{label}}', {
      metrics: 'duration_*, calls_total',
      label: 'service_name',
    }),
  },
  {
    value: 'otel-utf8',
    label: t('settings.scheme.otel-utf8', 'Prometheus 3 OTLP, UTF-8 names'),
    description: t('settings.scheme.metrics', '{{metrics}}, label {{label}}', {
      metrics: 'traces.span.metrics.duration_milliseconds_*',
      label: 'service.name',
    }),
  },
  {
    value: 'otel-utf8-nosuffix',
    label: t('settings.scheme.otel-utf8-nosuffix', 'Prometheus 3 OTLP, UTF-8 names without suffixes'),
    description: t('settings.scheme.metrics', '{{metrics}}, label {{label}}', {
      metrics: 'traces.span.metrics.duration_*, traces.span.metrics.calls (ms)',
      label: 'service.name',
    }),
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

/** What is wrong with a typed traces limit: not a whole number, or outside 1…MAX_TRACES_FOR_AGGREGATE; undefined when nothing is. */
export function validateMaxTraces(value: string): 'not-integer' | 'out-of-range' | undefined {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) {
    return 'not-integer';
  }
  const n = Number(trimmed);
  return n < 1 || n > MAX_TRACES_FOR_AGGREGATE ? 'out-of-range' : undefined;
}
