/**
 * Configuration diagnostics: checks run in order against the chosen datasources, each giving a
 * status, what was found, and (when not green) the fix our users' troubleshooting docs give.
 * Independent checks run in parallel; checks that need span metrics reuse one detection.
 */
import {
  createGrafanaProxyTransport,
  createPrometheusClient,
  createTempoClient,
  DataError,
  detectScheme,
  PRESET_SCHEMES,
  SchemeDetection,
  selector,
} from '../data';
import { SpanMetricsSchemeSetting } from './settings';

export type CheckStatus = 'ok' | 'warning' | 'error';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  /** what to do when the check is not ok */
  hint?: string;
}

export interface DiagnosticsTarget {
  tempoUid: string;
  promUid: string;
  scheme: SpanMetricsSchemeSetting;
}

const HOUR = 3600;

const HINTS = {
  tempo:
    'Check the Tempo datasource URL (Tempo serves its API on port 3200 by default) and that Tempo is running: GET /ready must answer 200.',
  search:
    'No traces in the last hour: check that your services export OTLP (gRPC on port 4317, HTTP on 4318) to Tempo or a collector forwarding to it, and that OTLP export is enabled in your SDK.',
  prometheus:
    'Check the Prometheus datasource URL (port 9090 by default) and that Prometheus is running: GET /-/ready must answer 200.',
  spanMetrics:
    "Enable Tempo's metrics-generator span-metrics processor with remote_write to this Prometheus (started with --web.enable-remote-write-receiver), or the OpenTelemetry Collector's spanmetrics connector; or pick the scheme by hand above.",
  serviceGraph:
    "Enable Tempo's service-graphs processor (or the collector's servicegraph connector) writing to this Prometheus.",
  traceqlMetrics:
    "Enable the metrics-generator's local-blocks processor in Tempo 2.x (Tempo 3 serves TraceQL metrics from its live store).",
  exemplars:
    'Start Prometheus with --enable-feature=exemplar-storage and let the metrics-generator send exemplars (send_exemplars: true in its remote_write).',
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function runDiagnostics(target: DiagnosticsTarget, signal: AbortSignal): Promise<CheckResult[]> {
  const tempoTransport = createGrafanaProxyTransport(target.tempoUid, 'Tempo');
  const tempo = createTempoClient(tempoTransport);
  const prom = createPrometheusClient(createGrafanaProxyTransport(target.promUid, 'Prometheus'));
  const end = Math.floor(Date.now() / 1000);
  const lastHour = { start: end - HOUR, end };
  const request = { signal };

  const tempoCheck = async (): Promise<CheckResult[]> => {
    const title = 'Tempo reachable';
    try {
      await tempoTransport.get('api/echo', {}, { ...request, responseType: 'text' });
    } catch (e) {
      return [
        { id: 'tempo', title, status: 'error', detail: message(e), hint: HINTS.tempo },
        {
          id: 'search',
          title: 'Trace search works',
          status: 'error',
          detail: 'Skipped: Tempo is not reachable.',
          hint: HINTS.tempo,
        },
      ];
    }
    const results: CheckResult[] = [
      { id: 'tempo', title, status: 'ok', detail: `Tempo answers at datasource "${target.tempoUid}".` },
    ];
    try {
      const found = (await tempo.search('{}', { ...lastHour, limit: 1 }, request)).traces?.length ?? 0;
      results.push(
        found
          ? {
              id: 'search',
              title: 'Trace search works',
              status: 'ok',
              detail: 'TraceQL search returns traces from the last hour.',
            }
          : {
              id: 'search',
              title: 'Trace search works',
              status: 'warning',
              detail: 'Search works but found nothing in the last hour.',
              hint: HINTS.search,
            }
      );
    } catch (e) {
      results.push({
        id: 'search',
        title: 'Trace search works',
        status: 'error',
        detail: message(e),
        hint: HINTS.search,
      });
    }
    try {
      await tempo.metricsQueryRange('{} | rate()', { start: end - 300, end, step: 60 }, request);
      results.push({
        id: 'traceql-metrics',
        title: 'TraceQL metrics available',
        status: 'ok',
        detail: '{} | rate() answers.',
      });
    } catch (e) {
      const disabled = e instanceof DataError && e.kind === 'traceql-metrics-disabled';
      results.push({
        id: 'traceql-metrics',
        title: 'TraceQL metrics available',
        status: disabled ? 'warning' : 'error',
        detail: message(e),
        hint: HINTS.traceqlMetrics,
      });
    }
    return results;
  };

  const promCheck = async (): Promise<CheckResult[]> => {
    const results: CheckResult[] = [];
    try {
      await prom.query('1', end, request);
      results.push({
        id: 'prometheus',
        title: 'Prometheus reachable',
        status: 'ok',
        detail: `Prometheus answers at datasource "${target.promUid}".`,
      });
    } catch (e) {
      const skipped = 'Skipped: Prometheus is not reachable.';
      return [
        {
          id: 'prometheus',
          title: 'Prometheus reachable',
          status: 'error',
          detail: message(e),
          hint: HINTS.prometheus,
        },
        { id: 'span-metrics', title: 'Span metrics found', status: 'error', detail: skipped, hint: HINTS.prometheus },
        {
          id: 'service-graph',
          title: 'Service-graph metrics found',
          status: 'error',
          detail: skipped,
          hint: HINTS.prometheus,
        },
        { id: 'exemplars', title: 'Exemplars present', status: 'error', detail: skipped, hint: HINTS.prometheus },
      ];
    }
    let detection: SchemeDetection;
    try {
      detection = await detectScheme(prom, lastHour);
    } catch (e) {
      detection = { kind: 'none', message: message(e) };
    }
    const scheme =
      detection.kind === 'detected'
        ? detection.scheme
        : target.scheme !== 'auto'
          ? PRESET_SCHEMES[target.scheme]
          : undefined;
    results.push(
      detection.kind === 'detected'
        ? {
            id: 'span-metrics',
            title: 'Span metrics found',
            status: target.scheme === 'auto' || target.scheme === detection.scheme.id ? 'ok' : 'warning',
            detail: `${detection.scheme.callsMetric} and ${detection.scheme.latencyMetric} (scheme "${detection.scheme.id}", ${detection.scheme.histogram} histogram, label ${detection.scheme.labels.service}).`,
            ...(target.scheme !== 'auto' && target.scheme !== detection.scheme.id
              ? {
                  hint: `The settings force scheme "${target.scheme}" but Prometheus holds "${detection.scheme.id}": choose "Detect automatically".`,
                }
              : {}),
          }
        : {
            id: 'span-metrics',
            title: 'Span metrics found',
            status: 'error',
            detail: detection.message,
            hint: HINTS.spanMetrics,
          }
    );
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
    if (!scheme) {
      results.push({
        id: 'exemplars',
        title: 'Exemplars present',
        status: 'error',
        detail: 'Skipped: no span metrics to look in.',
        hint: HINTS.spanMetrics,
      });
      return results;
    }
    try {
      const expr = selector(scheme.histogram === 'classic' ? `${scheme.latencyMetric}_bucket` : scheme.latencyMetric);
      const series = await prom.exemplars(expr, lastHour, request);
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
              hint: HINTS.exemplars,
            }
      );
    } catch (e) {
      results.push({
        id: 'exemplars',
        title: 'Exemplars present',
        status: 'error',
        detail: message(e),
        hint: HINTS.exemplars,
      });
    }
    return results;
  };

  const [tempoResults, promResults] = await Promise.all([tempoCheck(), promCheck()]);
  return [...tempoResults, ...promResults];
}
