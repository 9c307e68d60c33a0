import { createFetchTransport } from '../fetch-transport';
import { createPrometheusClient } from '../prometheus/client';
import { fetchReplaying, recorded } from '../recorded';
import { detectScheme, matchCandidates } from './scheme';

// Metric names as the real Prometheus listed them for Tempo's metrics-generator output.
const tempoNames: string[] = recorded('prom-label-names').body.data;
// The same set as an OpenTelemetry collector's spanmetrics connector names it.
const otelNames = (namespace: string, unit: string, histogram: 'classic' | 'native') =>
  tempoNames
    .filter((n) => n.startsWith('traces_spanmetrics_') && n !== 'traces_spanmetrics_size_total')
    .map((n) => n.replace('traces_spanmetrics_', namespace).replace('latency', `duration_${unit}`))
    .filter((n) => histogram === 'classic' || !n.endsWith('_bucket'))
    .map((n) => (histogram === 'native' ? n.replace(/_(sum|count)$/, '') : n));

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

  it.each([
    ['traces_span_metrics_', 'milliseconds', 'classic', 'otel', 1000],
    ['traces_span_metrics_', 'seconds', 'classic', 'otel', 1],
    ['', 'milliseconds', 'classic', 'otel-legacy', 1000],
    ['traces_span_metrics_', 'milliseconds', 'native', 'otel', 1000],
  ] as const)('recognises OTel names (namespace %j, %s, %s) as %s', (ns, unit, histogram, id, units) => {
    const [match] = matchCandidates(new Set(otelNames(ns, unit, histogram)));
    expect(match).toEqual({
      id,
      callsMetric: `${ns}calls_total`,
      latencyMetric: `${ns}duration_${unit}`,
      histogram,
      latencyUnitsPerSecond: units,
    });
  });

  it('returns every scheme present, so mixed setups are visible', () => {
    const names = new Set([...tempoNames, ...otelNames('traces_span_metrics_', 'milliseconds', 'classic')]);
    expect(matchCandidates(names).map((m) => m.id)).toEqual(['tempo', 'otel']);
  });

  it('needs both the calls counter and a latency histogram', () => {
    expect(matchCandidates(new Set(['traces_spanmetrics_calls_total']))).toEqual([]);
    expect(matchCandidates(new Set(['traces_spanmetrics_latency_bucket']))).toEqual([]);
  });
});

describe('detectScheme', () => {
  const prom = (...names: string[]) =>
    createPrometheusClient(
      createFetchTransport('http://prom', 'Prometheus', fetchReplaying(...names.map((n) => recorded(n))).impl)
    );

  it('reads the service label off a real series', async () => {
    const d = await detectScheme(prom('prom-label-names', 'prom-series'), { start: 0, end: 1 });
    expect(d).toMatchObject({
      kind: 'detected',
      scheme: {
        id: 'tempo',
        labels: { service: 'service', spanName: 'span_name' },
        errorStatusValue: 'STATUS_CODE_ERROR',
        serviceGraph: { requestMetric: 'traces_service_graph_request_total' },
      },
    });
  });

  it('reports none when no span metrics exist', async () => {
    const empty = {
      ...recorded('prom-label-names'),
      body: { status: 'success', data: ['up', 'prometheus_build_info'] },
    };
    const p = createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', fetchReplaying(empty).impl));
    expect(await detectScheme(p, { start: 0, end: 1 })).toMatchObject({
      kind: 'none',
      message: expect.stringMatching(/^No span metrics found/),
    });
  });

  it('reports mixed instead of guessing', async () => {
    const both = {
      ...recorded('prom-label-names'),
      body: { status: 'success', data: [...tempoNames, ...otelNames('', 'seconds', 'classic')] },
    };
    const p = createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', fetchReplaying(both).impl));
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
    const p = createPrometheusClient(
      createFetchTransport('http://prom', 'Prometheus', fetchReplaying(recorded('prom-label-names'), unlabelled).impl)
    );
    expect(await detectScheme(p, { start: 0, end: 1 })).toMatchObject({
      kind: 'none',
      message: expect.stringMatching(/lack a service label/),
    });
  });
});
