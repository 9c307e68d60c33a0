/**
 * The span-metrics naming scheme choices of the configuration page, in the user's language: "auto"
 * first, then each preset scheme, described by its metric names and service label (names, which
 * stay as they are). O(schemes).
 */
import { t } from '@grafana/i18n';
import type { SchemeId } from '../data';
import type { SpanMetricsSchemeSetting } from '../app/settings';
import { AS_TEXT } from '../components/i18n';

/** Each preset's metric names and service label, as its description names them. */
const NAMES: Record<SchemeId, [metrics: string, label: string]> = {
  tempo: ['traces_spanmetrics_latency_bucket', 'service'],
  otel: ['traces_span_metrics_duration_*', 'service_name'],
  'otel-legacy': ['duration_*, calls_total', 'service_name'],
  'otel-utf8': ['traces.span.metrics.duration_milliseconds_*', 'service.name'],
  'otel-utf8-nosuffix': ['traces.span.metrics.duration_*, traces.span.metrics.calls (ms)', 'service.name'],
};

const description = (id: SchemeId) => {
  const [metrics, label] = NAMES[id];
  return t('settings.scheme.metrics', '{{metrics}}, label {{label}}', { metrics, label, ...AS_TEXT });
};

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
  { value: 'tempo', label: t('settings.scheme.tempo', 'Tempo metrics-generator'), description: description('tempo') },
  {
    value: 'otel',
    label: t('settings.scheme.otel', 'OpenTelemetry Collector spanmetrics'),
    description: description('otel'),
  },
  {
    value: 'otel-legacy',
    label: t('settings.scheme.otel-legacy', 'OpenTelemetry Collector spanmetrics, no namespace'),
    description: description('otel-legacy'),
  },
  {
    value: 'otel-utf8',
    label: t('settings.scheme.otel-utf8', 'Prometheus 3 OTLP, UTF-8 names'),
    description: description('otel-utf8'),
  },
  {
    value: 'otel-utf8-nosuffix',
    label: t('settings.scheme.otel-utf8-nosuffix', 'Prometheus 3 OTLP, UTF-8 names without suffixes'),
    description: description('otel-utf8-nosuffix'),
  },
];
