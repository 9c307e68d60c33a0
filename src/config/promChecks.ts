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
import { CheckResult, lastHour, message } from './checkResult';
import { connectorCheck } from './connectorCheck';
import { SpanMetricsSchemeSetting } from '../app/settings';

const HINTS = {
  prometheus:
    'Check the Prometheus datasource URL (port 9090 by default) and that Prometheus is running: GET /-/ready must answer 200.',
  spanMetrics: {
    tempo:
      "Enable Tempo's metrics-generator span-metrics processor with remote_write to this Prometheus (started with --web.enable-remote-write-receiver), or the OpenTelemetry Collector's spanmetrics connector; or pick the scheme by hand above.",
    jaeger:
      "Send span metrics from the OpenTelemetry Collector's span_metrics connector (in the collector in front of Jaeger, or in Jaeger v2's own pipeline) to this Prometheus, by remote write (Prometheus started with --web.enable-remote-write-receiver) or a scraped prometheus exporter; or pick the scheme by hand above.",
  },
  serviceGraph:
    "Enable Tempo's service-graphs processor (or the collector's servicegraph connector) writing to this Prometheus.",
  exemplars: {
    tempo:
      'Start Prometheus with --enable-feature=exemplar-storage and let the metrics-generator send exemplars (send_exemplars: true in its remote_write).',
    jaeger:
      "Start Prometheus with --enable-feature=exemplar-storage and turn on the span_metrics connector's exemplars (exemplars: enabled: true), with send_exemplars or OpenMetrics scraping on the way to Prometheus.",
  },
};

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
  const results: CheckResult[] = [];
  try {
    await prom.query('1', range.end, request);
    results.push({
      id: 'prometheus',
      title: 'Prometheus reachable',
      status: 'ok',
      detail: `Prometheus answers at datasource "${promUid}".`,
    });
  } catch (e) {
    const skipped = 'Skipped: Prometheus is not reachable.';
    const hint = HINTS.prometheus;
    return [
      { id: 'prometheus', title: 'Prometheus reachable', status: 'error', detail: message(e), hint },
      { id: 'span-metrics', title: 'Span metrics found', status: 'error', detail: skipped, hint },
      ...(withGraph
        ? [
            {
              id: 'service-graph',
              title: 'Service-graph metrics found',
              status: 'error' as const,
              detail: skipped,
              hint,
            },
          ]
        : []),
      { id: 'exemplars', title: 'Exemplars present', status: 'error', detail: skipped, hint },
      { id: 'latency-connector', title: 'TraceLens connector metrics', status: 'error', detail: skipped, hint },
    ];
  }
  let detection: SchemeDetection;
  try {
    detection = await detectScheme(prom, range);
  } catch (e) {
    detection = { kind: 'none', message: message(e) };
  }
  const scheme =
    detection.kind === 'detected' ? detection.scheme : setting !== 'auto' ? PRESET_SCHEMES[setting] : undefined;
  results.push(
    detection.kind === 'detected'
      ? {
          id: 'span-metrics',
          title: 'Span metrics found',
          status: setting === 'auto' || setting === detection.scheme.id ? 'ok' : 'warning',
          detail: `${detection.scheme.callsMetric} and ${detection.scheme.latencyMetric} (scheme "${detection.scheme.id}", ${detection.scheme.histogram} histogram, label ${detection.scheme.labels.service}).`,
          ...(setting !== 'auto' && setting !== detection.scheme.id
            ? {
                hint: `The settings force scheme "${setting}" but Prometheus holds "${detection.scheme.id}": choose "Detect automatically".`,
              }
            : {}),
        }
      : {
          id: 'span-metrics',
          title: 'Span metrics found',
          status: 'error',
          detail: detection.message,
          hint: HINTS.spanMetrics[kind],
        }
  );
  if (withGraph) {
    const graph = detection.kind === 'detected' ? detection.scheme.serviceGraph : undefined;
    results.push(
      graph
        ? {
            id: 'service-graph',
            title: 'Service-graph metrics found',
            status: 'ok',
            detail: `${graph.requestMetric} is present.`,
          }
        : {
            id: 'service-graph',
            title: 'Service-graph metrics found',
            status: 'warning',
            detail: 'No traces_service_graph_request_total series in the last hour.',
            hint: HINTS.serviceGraph,
          }
    );
  }
  if (!scheme) {
    results.push({
      id: 'exemplars',
      title: 'Exemplars present',
      status: 'error',
      detail: 'Skipped: no span metrics to look in.',
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
            title: 'Exemplars present',
            status: 'ok',
            detail: `${count} exemplars with trace ids in the last hour.`,
          }
        : {
            id: 'exemplars',
            title: 'Exemplars present',
            status: 'warning',
            detail: 'No exemplars in the last hour.',
            hint: HINTS.exemplars[kind],
          }
    );
  } catch (e) {
    results.push({
      id: 'exemplars',
      title: 'Exemplars present',
      status: 'error',
      detail: message(e),
      hint: HINTS.exemplars[kind],
    });
  }
  return [...results, await connectorCheck(prom, signal)];
}
