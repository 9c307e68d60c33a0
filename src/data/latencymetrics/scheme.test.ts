import { createFetchTransport } from '../fetch-transport';
import { createPrometheusClient } from '../prometheus/client';
import { fetchReplaying, recorded, recordedSequence } from '../../../tests/support/recorded';
import { detectLatencyMetrics, latencyMetricsNames, matchLatencyMetrics } from './scheme';

const names = (server: 'prom2' | 'prom3'): string[] => recordedSequence(`latency-${server}-names`)[0].body.data;
const classic = (base: string) => ['bucket', 'count', 'sum'].map((s) => `${base}_${s}`);

describe('matchLatencyMetrics', () => {
  it('finds the connector under remote-write names in what Prometheus 2 recorded', () => {
    expect(matchLatencyMetrics(names('prom2'))).toEqual({
      namespace: 'tracelens',
      separator: '_',
      selfTime: 'tracelens_span_self_time_seconds',
      criticalPath: 'tracelens_span_critical_path_time_seconds',
      histogram: 'classic',
      analyzed: 'tracelens_traces_analyzed_total',
      incomplete: 'tracelens_traces_incomplete_total',
      dropped: 'tracelens_spans_dropped_total',
      labels: { service: 'service_name', spanName: 'span_name', spanKind: 'span_kind', reason: 'reason' },
    });
  });

  it('finds the dotted names and labels in what Prometheus 3 (OTLP) recorded', () => {
    const found = matchLatencyMetrics(names('prom3'));
    expect(found).toEqual(latencyMetricsNames('tracelens', '.'));
    expect([found?.criticalPath, found?.incomplete, found?.labels.spanName]).toEqual([
      'tracelens.span.critical_path_time_seconds',
      'tracelens.traces.incomplete_total',
      'span.name',
    ]);
  });

  it('reads a configured namespace off the names', () => {
    const found = matchLatencyMetrics([
      ...classic('acme_lat_span_self_time_seconds'),
      ...classic('acme_lat_span_critical_path_time_seconds'),
    ]);
    expect(found).toMatchObject({ namespace: 'acme_lat', selfTime: 'acme_lat_span_self_time_seconds' });
  });

  it('takes native histograms (bare names) when no buckets exist', () => {
    expect(
      matchLatencyMetrics(['tracelens.span.self_time_seconds', 'tracelens.span.critical_path_time_seconds'])
    ).toMatchObject({ histogram: 'native', selfTime: 'tracelens.span.self_time_seconds' });
  });

  it('needs the critical-path histogram too', () => {
    expect(matchLatencyMetrics(classic('tracelens_span_self_time_seconds'))).toBeUndefined();
  });

  it('prefers the tracelens namespace among several, else the first in code-point order', () => {
    const both = (ns: string) => [
      ...classic(`${ns}_span_self_time_seconds`),
      ...classic(`${ns}_span_critical_path_time_seconds`),
    ];
    expect(matchLatencyMetrics([...both('aaa'), ...both('tracelens')])?.namespace).toBe('tracelens');
    expect(matchLatencyMetrics([...both('zzz'), ...both('bbb')])?.namespace).toBe('bbb');
  });

  it('latencyMetricsNames builds the dotted counters', () => {
    expect(latencyMetricsNames('x', '.').dropped).toBe('x.spans.dropped_total');
  });
});

describe('detectLatencyMetrics', () => {
  const prom = (...r: Array<ReturnType<typeof recorded>>) =>
    createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', fetchReplaying(...r).impl));

  it('detects the connector from the recorded metric-name lookup', async () => {
    const detection = await detectLatencyMetrics(prom(...recordedSequence('latency-prom3-names')), {
      start: 0,
      end: 1,
    });
    expect(detection).toMatchObject({ kind: 'detected', scheme: { selfTime: 'tracelens.span.self_time_seconds' } });
  });

  it('says what it looked for when only span metrics exist', async () => {
    const d = await detectLatencyMetrics(prom(recorded('prom-label-names')), { start: 0, end: 1 });
    expect(d.kind === 'none' && d.problem.words).toEqual({ reason: 'no-connector-metrics', values: {} });
    expect(d.kind === 'none' && d.problem.message).toBe(
      'No TraceLens connector metrics (<namespace>_span_self_time_seconds and <namespace>_span_critical_path_time_seconds histograms) in this time range.'
    );
  });
});
