import { createFetchTransport, createPrometheusClient, latencyMetricsNames } from '../data';
import { fetchReplaying, recorded, recordedSequence } from '../../tests/support/recorded';
import { inZhHans } from '../../tests/support/i18n';
import { connectorCheck, connectorCounterCheck, connectorHints } from './connectorCheck';

const signal = new AbortController().signal;
const replaying = (...answers: Array<ReturnType<typeof recorded>>) =>
  createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', fetchReplaying(...answers).impl));

// the connector's names in Prometheus 2
const scheme = latencyMetricsNames('tracelens', '_');

describe('connectorCheck', () => {
  it('is ok on the recorded Prometheus 2: 104 traces analysed, every loss counter 0', async () => {
    const prom = replaying(...recordedSequence('latency-prom2-names'), ...recordedSequence('latency-prom2-counters'));
    expect(await connectorCheck(prom, signal)).toEqual({
      id: 'latency-connector',
      title: 'TraceLens connector metrics',
      status: 'ok',
      detail:
        '104 traces analysed, none incomplete, no span dropped (tracelens_traces_analyzed_total, tracelens_traces_incomplete_total, tracelens_spans_dropped_total).',
    });
  });

  it('warns with how to add the connector when Prometheus holds only span metrics', async () => {
    const result = await connectorCheck(replaying(recorded('prom-label-names')), signal);
    expect(result).toMatchObject({ status: 'warning', hint: connectorHints().missing });
    expect(result.detail).toMatch(/^No TraceLens connector metrics/);
  });

  it('names each non-zero reason and the setting to raise for it', () => {
    const result = connectorCounterCheck(scheme, {
      analyzed: 90,
      incomplete: { evicted: 3, oversize: 0, shutdown: 0 },
      dropped: { late: 7, evicted: 40, oversize: 0, shutdown: 0 },
    });
    expect(result).toEqual({
      id: 'latency-connector',
      title: 'TraceLens connector metrics',
      status: 'warning',
      detail:
        '90 traces analysed; incomplete traces: evicted 3; dropped spans: evicted 40, late 7 (tracelens_traces_analyzed_total, tracelens_traces_incomplete_total, tracelens_spans_dropped_total).',
      hint: "In the collector's tracelens_latency settings: raise `max_traces` (traces were dropped to make room); raise `wait` (spans arrived after their trace was analysed).",
    });
  });

  it('says an unknown reason by name', () => {
    const result = connectorCounterCheck(scheme, { analyzed: 1, incomplete: {}, dropped: { sampled: 2 } });
    expect(result.detail).toContain('incomplete traces: none; dropped spans: sampled 2');
    expect(result.hint).toBe(`In the collector's tracelens_latency settings: see reason "sampled".`);
  });
});

describe('connectorCheck in Simplified Chinese', () => {
  inZhHans();

  it('says in Chinese what it looked for when Prometheus holds only span metrics', async () => {
    const result = await connectorCheck(replaying(recorded('prom-label-names')), signal);
    expect(result.detail).toBe(
      '此时间范围内没有 TraceLens 连接器（Collector）指标（<namespace>_span_self_time_seconds 和 <namespace>_span_critical_path_time_seconds 直方图）。'
    );
  });

  it('says an unreachable Prometheus in Chinese, naming it and the cause', async () => {
    const refused = () => Promise.reject(new TypeError('fetch failed'));
    const prom = createPrometheusClient(createFetchTransport('http://prom:9090', 'Prometheus', refused));
    expect((await connectorCheck(prom, signal)).detail).toBe(
      'http://prom:9090 上的 Prometheus 无法访问：fetch failed。请检查它是否在运行，以及其 URL 是否正确。'
    );
  });
});
