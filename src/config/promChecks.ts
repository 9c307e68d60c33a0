/**
 * Diagnostics for the Prometheus holding the span metrics: Prometheus answers, span metrics are
 * there (scheme detected, or the one forced in the settings), exemplars with trace ids are there,
 * and — for Tempo, whose metrics-generator writes them — service-graph metrics; last, the TraceLens
 * connector's metrics and counters (connectorCheck.ts). Hints name what produces the metrics for
 * the chosen trace datasource's type.
 */
import { createPrometheusClient, detectScheme, latencySelector, PRESET_SCHEMES, SchemeDetection } from '../data';
import { createGrafanaProxyTransport } from '../data/grafana-transport';
import type { SourceKind } from '../sources/types';
import { CheckResult, lastHour } from './checkResult';
import { connectorCheck, connectorTitle } from './connectorCheck';
import { SpanMetricsSchemeSetting } from '../app/settings';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../components/i18n';
import { errorText } from '../components/errorText';

const hints = () => ({
  prometheus: t(
    'config.prom.hint-prometheus',
    'Check the Prometheus datasource URL (port 9090 by default) and that Prometheus is running: GET /-/ready must answer 200.'
  ),
  spanMetrics: {
    tempo: t(
      'config.prom.hint-span-metrics-tempo',
      "Enable Tempo's metrics-generator span-metrics processor with remote_write to this Prometheus (started with --web.enable-remote-write-receiver), or the OpenTelemetry Collector's spanmetrics connector; or pick the scheme by hand above."
    ),
    jaeger: t(
      'config.prom.hint-span-metrics-jaeger',
      "Send span metrics from the OpenTelemetry Collector's span_metrics connector (in the collector in front of Jaeger, or in Jaeger v2's own pipeline) to this Prometheus, by remote write (Prometheus started with --web.enable-remote-write-receiver) or a scraped prometheus exporter; or pick the scheme by hand above."
    ),
  },
  serviceGraph: t(
    'config.prom.hint-service-graph',
    "Enable Tempo's service-graphs processor (or the collector's servicegraph connector) writing to this Prometheus."
  ),
  exemplars: {
    tempo: t(
      'config.prom.hint-exemplars-tempo',
      'Start Prometheus with --enable-feature=exemplar-storage and let the metrics-generator send exemplars (send_exemplars: true in its remote_write).'
    ),
    jaeger: t(
      'config.prom.hint-exemplars-jaeger',
      "Start Prometheus with --enable-feature=exemplar-storage and turn on the span_metrics connector's exemplars (exemplars: enabled: true), with send_exemplars or OpenMetrics scraping on the way to Prometheus."
    ),
  },
});

const titles = () => ({
  prometheus: t('config.prom.reachable', 'Prometheus reachable'),
  spanMetrics: t('config.prom.span-metrics', 'Span metrics found'),
  serviceGraph: t('config.prom.service-graph', 'Service-graph metrics found'),
  exemplars: t('config.prom.exemplars', 'Exemplars present'),
});

export async function promChecks(
  promUid: string,
  setting: SpanMetricsSchemeSetting,
  kind: SourceKind,
  signal: AbortSignal
): Promise<CheckResult[]> {
  const prom = createPrometheusClient(createGrafanaProxyTransport(promUid, 'Prometheus'));
  const range = lastHour();
  const request = { signal };
  const withGraph = kind === 'tempo';
  const [HINTS, TITLES] = [hints(), titles()];
  const results: CheckResult[] = [];
  try {
    await prom.query('1', range.end, request);
    results.push({
      id: 'prometheus',
      title: TITLES.prometheus,
      status: 'ok',
      detail: t('config.prom.answers', 'Prometheus answers at datasource "{{uid}}".', { uid: promUid, ...AS_TEXT }),
    });
  } catch (e) {
    const skipped = t('config.prom.skipped', 'Skipped: Prometheus is not reachable.');
    const hint = HINTS.prometheus;
    return [
      { id: 'prometheus', title: TITLES.prometheus, status: 'error', detail: errorText(e), hint },
      { id: 'span-metrics', title: TITLES.spanMetrics, status: 'error', detail: skipped, hint },
      ...(withGraph
        ? [{ id: 'service-graph', title: TITLES.serviceGraph, status: 'error' as const, detail: skipped, hint }]
        : []),
      { id: 'exemplars', title: TITLES.exemplars, status: 'error', detail: skipped, hint },
      { id: 'latency-connector', title: connectorTitle(), status: 'error', detail: skipped, hint },
    ];
  }
  let detection: SchemeDetection | { kind: 'failed'; problem: unknown };
  try {
    detection = await detectScheme(prom, range);
  } catch (e) {
    detection = { kind: 'failed', problem: e };
  }
  const scheme =
    detection.kind === 'detected' ? detection.scheme : setting !== 'auto' ? PRESET_SCHEMES[setting] : undefined;
  results.push(
    detection.kind === 'detected'
      ? {
          id: 'span-metrics',
          title: TITLES.spanMetrics,
          status: setting === 'auto' || setting === detection.scheme.id ? 'ok' : 'warning',
          detail: t(
            'config.prom.span-metrics-ok',
            '{{calls}} and {{latency}} (scheme "{{scheme}}", {{histogram}} histogram, label {{label}}).',
            {
              calls: detection.scheme.callsMetric,
              latency: detection.scheme.latencyMetric,
              scheme: detection.scheme.id,
              histogram: detection.scheme.histogram,
              label: detection.scheme.labels.service,
              ...AS_TEXT,
            }
          ),
          ...(setting !== 'auto' && setting !== detection.scheme.id
            ? {
                hint: t(
                  'config.prom.hint-forced-scheme',
                  'The settings force scheme "{{setting}}" but Prometheus holds "{{scheme}}": choose "Detect automatically".',
                  { setting, scheme: detection.scheme.id, ...AS_TEXT }
                ),
              }
            : {}),
        }
      : {
          id: 'span-metrics',
          title: TITLES.spanMetrics,
          status: 'error',
          detail: errorText(detection.problem),
          hint: HINTS.spanMetrics[kind],
        }
  );
  if (withGraph) {
    const graph = detection.kind === 'detected' ? detection.scheme.serviceGraph : undefined;
    results.push(
      graph
        ? {
            id: 'service-graph',
            title: TITLES.serviceGraph,
            status: 'ok',
            detail: t('config.prom.service-graph-ok', '{{metric}} is present.', {
              metric: graph.requestMetric,
              ...AS_TEXT,
            }),
          }
        : {
            id: 'service-graph',
            title: TITLES.serviceGraph,
            status: 'warning',
            detail: t(
              'config.prom.service-graph-none',
              'No traces_service_graph_request_total series in the last hour.'
            ),
            hint: HINTS.serviceGraph,
          }
    );
  }
  if (!scheme) {
    results.push({
      id: 'exemplars',
      title: TITLES.exemplars,
      status: 'error',
      detail: t('config.prom.exemplars-skipped', 'Skipped: no span metrics to look in.'),
      hint: HINTS.spanMetrics[kind],
    });
    return [...results, await connectorCheck(prom, signal)];
  }
  try {
    const series = await prom.exemplars(latencySelector(scheme), range, request);
    const count = series.reduce((n, s) => n + s.exemplars.length, 0);
    results.push(
      count
        ? {
            id: 'exemplars',
            title: TITLES.exemplars,
            status: 'ok',
            detail: t('config.prom.exemplars-ok', '', {
              count,
              defaultValue_one: '{{count}} exemplar with a trace id in the last hour.',
              defaultValue_other: '{{count}} exemplars with trace ids in the last hour.',
            }),
          }
        : {
            id: 'exemplars',
            title: TITLES.exemplars,
            status: 'warning',
            detail: t('config.prom.exemplars-none', 'No exemplars in the last hour.'),
            hint: HINTS.exemplars[kind],
          }
    );
  } catch (e) {
    results.push({
      id: 'exemplars',
      title: TITLES.exemplars,
      status: 'error',
      detail: errorText(e),
      hint: HINTS.exemplars[kind],
    });
  }
  return [...results, await connectorCheck(prom, signal)];
}
