import { createFetchTransport, createPrometheusClient } from '../data';
import { fetchReplaying, recorded } from '../../tests/support/recorded';
import { SpanMetricsSchemeSetting } from './settings';
import { loadSpanMetrics } from './loadSpanMetrics';

const prom = () =>
  createPrometheusClient(
    createFetchTransport('http://prometheus', 'Prometheus', fetchReplaying(recorded('prom-query-vector')).impl)
  );

describe('loadSpanMetrics with a scheme set in the app settings', () => {
  it('uses the preset without asking Prometheus which scheme it holds', async () => {
    const metrics = await loadSpanMetrics(prom(), 'otel-utf8');
    expect(metrics.scheme).toMatchObject({
      id: 'otel-utf8',
      callsMetric: 'traces.span.metrics.calls_total',
      latencyMetric: 'traces.span.metrics.duration_milliseconds',
      labels: { service: 'service.name' },
    });
  });

  it('names an unknown (hand-provisioned) value and the ones it takes', async () => {
    await expect(loadSpanMetrics(prom(), 'otel2' as SpanMetricsSchemeSetting)).rejects.toMatchObject({
      kind: 'query-failed',
      message:
        'The app setting spanMetricsScheme is "otel2", which TraceLens does not know: use auto or one of tempo, otel, otel-legacy, otel-utf8, otel-utf8-nosuffix.',
    });
  });
});
