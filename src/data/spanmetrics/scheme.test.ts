import { createFetchTransport } from '../fetch-transport';
import { createPrometheusClient } from '../prometheus/client';
import { fetchReplaying, Recorded, recorded } from '../../../tests/support/recorded';
import { detectScheme, matchCandidates } from './scheme';
import { collectorNames, collectorSeries, labelNamesAnswer } from './testing/collector-names';

// Metric names as the real Prometheus listed them for Tempo's metrics-generator output.
const tempoNames: string[] = recorded('prom-label-names').body.data;

describe('matchCandidates', () => {
  it('recognises Tempo’s names as the Tempo scheme with classic seconds histograms', () => {
    expect(matchCandidates(new Set(tempoNames))).toEqual([
      {
        id: 'tempo',
        callsMetric: 'traces_spanmetrics_calls_total',
        latencyMetric: 'traces_spanmetrics_latency',
        histogram: 'classic',
        latencyUnitsPerSecond: 1,
      },
    ]);
  });

  // collector names are derived from the recorded Tempo names (see testing/collector-names.ts: not recorded)
  it.each([
    [
      'remote-write',
      'milliseconds',
      'classic',
      'otel',
      'traces_span_metrics_calls_total',
      'traces_span_metrics_duration_milliseconds',
      1000,
    ],
    [
      'remote-write',
      'seconds',
      'classic',
      'otel',
      'traces_span_metrics_calls_total',
      'traces_span_metrics_duration_seconds',
      1,
    ],
    ['no-namespace', 'milliseconds', 'classic', 'otel-legacy', 'calls_total', 'duration_milliseconds', 1000],
    [
      'remote-write',
      'milliseconds',
      'native',
      'otel',
      'traces_span_metrics_calls_total',
      'traces_span_metrics_duration_milliseconds',
      1000,
    ],
    [
      'NoUTF8EscapingWithSuffixes',
      'milliseconds',
      'classic',
      'otel-utf8',
      'traces.span.metrics.calls_total',
      'traces.span.metrics.duration_milliseconds',
      1000,
    ],
    [
      'NoUTF8EscapingWithSuffixes',
      'seconds',
      'native',
      'otel-utf8',
      'traces.span.metrics.calls_total',
      'traces.span.metrics.duration_seconds',
      1,
    ],
    // no unit in the name: milliseconds, the connector's default, are assumed
    [
      'NoTranslation',
      'milliseconds',
      'classic',
      'otel-utf8-nosuffix',
      'traces.span.metrics.calls',
      'traces.span.metrics.duration',
      1000,
    ],
  ] as const)('recognises collector names (%s, %s, %s) as %s', (naming, unit, histogram, id, calls, latency, units) => {
    expect(matchCandidates(new Set(collectorNames(naming, unit, histogram)))).toEqual([
      { id, callsMetric: calls, latencyMetric: latency, histogram, latencyUnitsPerSecond: units },
    ]);
  });

  it('returns every scheme present, so mixed setups are visible', () => {
    const names = new Set([...tempoNames, ...collectorNames('remote-write'), ...collectorNames('NoTranslation')]);
    expect(matchCandidates(names).map((m) => m.id)).toEqual(['tempo', 'otel', 'otel-utf8-nosuffix']);
  });

  it('needs both the calls counter and a latency histogram', () => {
    expect(matchCandidates(new Set(['traces_spanmetrics_calls_total']))).toEqual([]);
    expect(matchCandidates(new Set(['traces_spanmetrics_latency_bucket']))).toEqual([]);
  });
});

describe('detectScheme', () => {
  const replay = (...answers: Recorded[]) =>
    createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', fetchReplaying(...answers).impl));
  const prom = (...names: string[]) => replay(...names.map((n) => recorded(n)));

  it('reads the labels off a real series (no peer label there)', async () => {
    const d = await detectScheme(prom('prom-label-names', 'prom-series'), { start: 0, end: 1 });
    expect(d).toMatchObject({
      kind: 'detected',
      scheme: {
        id: 'tempo',
        labels: { service: 'service', spanName: 'span_name', spanKind: 'span_kind', statusCode: 'status_code' },
        errorStatusValue: 'STATUS_CODE_ERROR',
        serviceGraph: { requestMetric: 'traces_service_graph_request_total' },
      },
    });
    expect(d.kind === 'detected' && 'peerService' in d.scheme.labels).toBe(false);
  });

  it('reports none when no span metrics exist', async () => {
    const p = replay(labelNamesAnswer(['up', 'prometheus_build_info']));
    const d = await detectScheme(p, { start: 0, end: 1 });
    expect(d.kind === 'none' && d.problem.words).toEqual({ reason: 'no-span-metrics', values: {} });
    expect(d.kind === 'none' && d.problem.message).toMatch(/^No span metrics found/);
  });

  it('reports mixed instead of guessing', async () => {
    const p = replay(labelNamesAnswer([...tempoNames, ...collectorNames('no-namespace', 'seconds')]));
    expect(await detectScheme(p, { start: 0, end: 1 })).toMatchObject({
      kind: 'mixed',
      candidates: ['tempo', 'otel-legacy'],
    });
  });

  it('reports none when the series lack a service label', async () => {
    const series = recorded('prom-series');
    const unlabelled = {
      ...series,
      body: { status: 'success', data: series.body.data.map(({ service, ...rest }: Record<string, string>) => rest) },
    };
    const p = replay(recorded('prom-label-names'), unlabelled);
    const d = await detectScheme(p, { start: 0, end: 1 });
    expect(d.kind === 'none' && d.problem.words).toEqual({
      reason: 'span-metric-labels',
      values: { metric: 'traces_spanmetrics_calls_total' },
    });
    expect(d.kind === 'none' && d.problem.message).toBe(
      'traces_spanmetrics_calls_total exists but its series lack a service label (service, service_name or service.name) with a span-name label (span_name or span.name); cannot use them.'
    );
  });

  // Bodies derived from the recorded ones (testing/collector-names.ts): no Prometheus 3 has been recorded yet.
  it('reads dotted labels off Prometheus 3 series and asks for them by the quoted name', async () => {
    const replayed = fetchReplaying(
      labelNamesAnswer(collectorNames('NoUTF8EscapingWithSuffixes')),
      collectorSeries('NoUTF8EscapingWithSuffixes')
    );
    const p = createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', replayed.impl));
    expect(await detectScheme(p, { start: 0, end: 1 })).toEqual({
      kind: 'detected',
      scheme: {
        id: 'otel-utf8',
        callsMetric: 'traces.span.metrics.calls_total',
        latencyMetric: 'traces.span.metrics.duration_milliseconds',
        histogram: 'classic',
        latencyUnitsPerSecond: 1000,
        labels: { service: 'service.name', spanName: 'span.name', spanKind: 'span.kind', statusCode: 'status.code' },
        errorStatusValue: 'STATUS_CODE_ERROR',
        serviceGraph: {
          requestMetric: 'traces_service_graph_request_total',
          failedMetric: 'traces_service_graph_request_failed_total',
          serverLatencyMetric: 'traces_service_graph_request_server_seconds',
        },
      },
    });
    expect(new URL(replayed.urls[1]).searchParams.get('match[]')).toBe('{"traces.span.metrics.calls_total"}');
  });

  it.each([
    ['remote-write', 'service_name', 'span_name', 'peer_service'],
    ['NoTranslation', 'service.name', 'span.name', 'peer.service'],
  ] as const)('%s: keeps the peer label when some series carry one', async (naming, service, spanName, peer) => {
    const p = replay(labelNamesAnswer(collectorNames(naming)), collectorSeries(naming, 'user-service'));
    expect(await detectScheme(p, { start: 0, end: 1 })).toMatchObject({
      kind: 'detected',
      scheme: { labels: { service, spanName, peerService: peer } },
    });
  });
});
