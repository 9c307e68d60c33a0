import { createFetchTransport } from '../fetch-transport';
import { fetchReplaying, recorded } from '../../../tests/support/recorded';
import { createPrometheusClient, sampleNumber } from './client';

const client = (name: string) => {
  const replay = fetchReplaying(recorded(name));
  return {
    prom: createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', replay.impl)),
    urls: replay.urls,
  };
};

describe('Prometheus client', () => {
  it('query unwraps the envelope', async () => {
    const { prom, urls } = client('prom-query-vector');
    const data = await prom.query('sum by (service, span_name) (traces_spanmetrics_calls_total)', 123);
    expect(urls[0]).toBe(
      'http://prom/api/v1/query?query=sum+by+%28service%2C+span_name%29+%28traces_spanmetrics_calls_total%29&time=123'
    );
    expect(data.resultType).toBe('vector');
    expect(data.result[0]).toMatchObject({
      metric: { service: expect.any(String) },
      value: [expect.any(Number), expect.any(String)],
    });
  });

  it('queryRange, series, labelValues and exemplars hit their endpoints', async () => {
    const range = client('prom-query-range');
    expect((await range.prom.queryRange('sum(x)', { start: 1, end: 2, step: 15 })).resultType).toBe('matrix');
    expect(range.urls[0]).toBe('http://prom/api/v1/query_range?query=sum%28x%29&start=1&end=2&step=15');

    const series = client('prom-series');
    expect((await series.prom.series('traces_spanmetrics_calls_total{service="auth-service"}'))[0]).toMatchObject({
      service: 'auth-service',
    });
    expect(series.urls[0]).toContain('/api/v1/series?match%5B%5D=');

    const names = client('prom-label-names');
    expect(await names.prom.labelValues('__name__')).toContain('traces_spanmetrics_calls_total');
    expect(names.urls[0]).toBe('http://prom/api/v1/label/__name__/values');

    const ex = client('prom-exemplars');
    const exemplars = await ex.prom.exemplars('traces_spanmetrics_latency_bucket{service="user-service"}', {
      start: 1,
      end: 2,
    });
    expect(exemplars[0].exemplars[0].labels.traceID).toMatch(/^[0-9a-f]+$/);
  });

  it('query errors are typed', async () => {
    await expect(client('prom-syntax-error').prom.query('sum(rate(x[5m]')).rejects.toMatchObject({
      kind: 'query-syntax',
    });
  });
});

it('sampleNumber reads Prometheus sample strings', () => {
  expect(sampleNumber([1, '0.25'])).toBe(0.25);
  expect(sampleNumber([1, '+Inf'])).toBe(Infinity);
  expect(sampleNumber([1, '-Inf'])).toBe(-Infinity);
  expect(sampleNumber([1, 'NaN'])).toBeNaN();
});
