/**
 * Diagnostics for a Tempo trace datasource: Tempo answers (GET /api/echo, what Grafana's health
 * check asks), TraceQL search finds traces from the last hour, TraceQL metrics are enabled.
 */
import { createTempoClient, DataError } from '../data';
import { createGrafanaProxyTransport } from '../data/grafana-transport';
import { CheckResult, lastHour } from './checkResult';
import { errorText } from '../components/errorText';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../components/i18n';

const hints = () => ({
  tempo: t(
    'config.tempo.hint-tempo',
    'Check the Tempo datasource URL (Tempo serves its API on port 3200 by default) and that Tempo is running: GET /ready must answer 200.'
  ),
  search: t(
    'config.tempo.hint-search',
    'No traces in the last hour: check that your services export OTLP (gRPC on port 4317, HTTP on 4318) to Tempo or a collector forwarding to it, and that OTLP export is enabled in your SDK.'
  ),
  traceqlMetrics: t(
    'config.tempo.hint-traceql-metrics',
    "Enable the metrics-generator's local-blocks processor in Tempo 2.x (Tempo 3 serves TraceQL metrics from its live store)."
  ),
});

export async function tempoChecks(uid: string, signal: AbortSignal): Promise<CheckResult[]> {
  const transport = createGrafanaProxyTransport(uid, 'Tempo');
  const tempo = createTempoClient(transport);
  const range = lastHour();
  const request = { signal };
  const HINTS = hints();
  const title = t('config.tempo.reachable', 'Tempo reachable');
  const searchTitle = t('config.tempo.search', 'Trace search works');
  const metricsTitle = t('config.tempo.traceql-metrics', 'TraceQL metrics available');
  try {
    await transport.get('api/echo', {}, { ...request, responseType: 'text' });
  } catch (e) {
    return [
      { id: 'tempo', title, status: 'error', detail: errorText(e), hint: HINTS.tempo },
      {
        id: 'search',
        title: searchTitle,
        status: 'error',
        detail: t('config.tempo.skipped', 'Skipped: Tempo is not reachable.'),
        hint: HINTS.tempo,
      },
    ];
  }
  const results: CheckResult[] = [
    {
      id: 'tempo',
      title,
      status: 'ok',
      detail: t('config.tempo.answers', 'Tempo answers at datasource "{{uid}}".', { uid, ...AS_TEXT }),
    },
  ];
  try {
    const found = (await tempo.search('{}', { ...range, limit: 1 }, request)).traces?.length ?? 0;
    results.push(
      found
        ? {
            id: 'search',
            title: searchTitle,
            status: 'ok',
            detail: t('config.tempo.search-ok', 'TraceQL search returns traces from the last hour.'),
          }
        : {
            id: 'search',
            title: searchTitle,
            status: 'warning',
            detail: t('config.tempo.search-empty', 'Search works but found nothing in the last hour.'),
            hint: HINTS.search,
          }
    );
  } catch (e) {
    results.push({
      id: 'search',
      title: searchTitle,
      status: 'error',
      detail: errorText(e),
      hint: HINTS.search,
    });
  }
  try {
    await tempo.metricsQueryRange('{} | rate()', { start: range.end - 300, end: range.end, step: 60 }, request);
    results.push({
      id: 'traceql-metrics',
      title: metricsTitle,
      status: 'ok',
      detail: t('config.tempo.traceql-metrics-ok', '{{query}} answers.', { query: '{} | rate()', ...AS_TEXT }),
    });
  } catch (e) {
    const disabled = e instanceof DataError && e.kind === 'traceql-metrics-disabled';
    results.push({
      id: 'traceql-metrics',
      title: metricsTitle,
      status: disabled ? 'warning' : 'error',
      detail: errorText(e),
      hint: HINTS.traceqlMetrics,
    });
  }
  return results;
}
