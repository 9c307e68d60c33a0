import { createFetchTransport } from '../fetch-transport';
import { createPrometheusClient } from '../prometheus/client';
import { fetchReplaying, recorded } from '../../../tests/support/recorded';
import { PRESET_SCHEMES, SpanMetricsScheme } from './scheme';
import { peerEdgeQueries, quantileQuery, rateQuery } from './queries';
import { createSpanMetrics, joinEdges } from './spanmetrics';

const scheme = (over: Partial<SpanMetricsScheme> = {}): SpanMetricsScheme => ({ ...PRESET_SCHEMES.tempo, ...over });
const metrics = (name: string, s = scheme()) => {
  const replay = fetchReplaying(recorded(name));
  return {
    m: createSpanMetrics(createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', replay.impl)), s),
    urls: replay.urls,
  };
};
const w = { time: 1000, rangeSec: 300 };

describe('createSpanMetrics', () => {
  it('latencyBuckets: cumulative {le, count} sorted by le, +Inf as Infinity', async () => {
    const buckets = await metrics('prom-query-buckets').m.latencyBuckets('user-service', 'SELECT users', w);
    expect(buckets[buckets.length - 1].le).toBe(Infinity);
    expect(buckets.map((b) => b.le)).toEqual([...buckets.map((b) => b.le)].sort((a, b) => a - b));
    for (let i = 1; i < buckets.length; i++) {
      expect(buckets[i].count).toBeGreaterThanOrEqual(buckets[i - 1].count);
    }
    expect(buckets[0].le).toBe(0.002);
  });

  // No recording holds millisecond buckets: recording one takes the OTel collector's span_metrics
  // connector writing into Prometheus (the Jaeger + collector stack) and a recorder for its bucket query.
  it('latencyBuckets divides millisecond bounds into seconds', async () => {
    const ms = recorded('prom-query-buckets');
    const body = {
      ...ms.body,
      data: {
        ...ms.body.data,
        result: ms.body.data.result.map((r: any) => ({
          ...r,
          metric: { le: r.metric.le === '+Inf' ? '+Inf' : String(Number(r.metric.le) * 1000) },
        })),
      },
    };
    const m = createSpanMetrics(
      createPrometheusClient(createFetchTransport('http://prom', 'P', fetchReplaying({ ...ms, body }).impl)),
      scheme({ latencyUnitsPerSecond: 1000 })
    );
    const seconds = await metrics('prom-query-buckets').m.latencyBuckets('user-service', 'SELECT users', w);
    expect(await m.latencyBuckets('user-service', 'SELECT users', w)).toEqual(seconds);
  });

  it('latencyBuckets refuses native histograms clearly', async () => {
    await expect(
      metrics('prom-query-buckets', scheme({ histogram: 'native' })).m.latencyBuckets('a', 'b', w)
    ).rejects.toMatchObject({
      kind: 'query-failed',
      message: expect.stringMatching(/native histogram/),
    });
  });

  it('rates by operation map labels to service/operation', async () => {
    const { m, urls } = metrics('prom-query-vector');
    const rows = await m.rates({}, 'operation', w);
    expect(rows).toEqual(
      expect.arrayContaining([{ service: 'api-gateway', operation: 'GET /users/{id}', value: expect.any(Number) }])
    );
    expect(decodeURIComponent(urls[0])).toContain('time=1000');
  });

  it('serviceGraphEdges needs service-graph metrics', async () => {
    await expect(metrics('prom-query-vector').m.serviceGraphEdges(w)).rejects.toMatchObject({
      message: expect.stringMatching(/no service-graph metrics/),
    });
  });

  it('peerEdges asks for the client spans of the peer label, at the window’s end', async () => {
    const s = scheme({
      ...PRESET_SCHEMES.otel,
      labels: { ...PRESET_SCHEMES.otel.labels, peerService: 'peer_service' },
    });
    const { m, urls } = metrics('prom-query-vector', s);
    await m.peerEdges(w);
    const q = peerEdgeQueries(s, 'peer_service', 300);
    expect(urls.map((u) => new URL(u).searchParams.get('query'))).toEqual([q.rate, q.failed, q.p95]);
    expect(urls.every((u) => new URL(u).searchParams.get('time') === '1000')).toBe(true);
  });

  it('peerEdges needs a peer label', async () => {
    await expect(metrics('prom-query-vector', PRESET_SCHEMES.otel).m.peerEdges(w)).rejects.toMatchObject({
      kind: 'query-failed',
      message: 'The span metrics (traces_span_metrics_calls_total) carry no peer-service label.',
    });
  });
  it('overTime: rate, error ratio and p50/p95/p99 as range queries of ≥15 s steps over ≥60 s windows', async () => {
    const { m, urls } = metrics('prom-query-range');
    const t = await m.overTime({ services: ['user-service'] }, { start: 1795255246, end: 1795255317 });
    const points = [
      [1795255291, 38],
      [1795255306, 38],
    ];
    expect(t).toEqual({ rate: [points], errorRatio: [points], p50: [points], p95: [points], p99: [points] });
    const queries = urls.map((u) => new URL(u).searchParams);
    expect(queries.map((q) => q.get('step'))).toEqual(['15', '15', '15', '15', '15']);
    expect(queries[0].get('query')).toBe(rateQuery(scheme(), { services: ['user-service'] }, 'service', 60).expr);
    expect(queries[4].get('query')).toBe(
      quantileQuery(scheme(), 0.99, { services: ['user-service'] }, 'service', 60).expr
    );
  });

  it('slowestExemplars: one per trace, slowest first, at most `limit`, from the service’s latency buckets', async () => {
    const { m, urls } = metrics('prom-exemplars');
    const all = await m.slowestExemplars('user-service', { start: 1795255246, end: 1795255317 }, 100);
    expect(new URL(urls[0]).searchParams.get('query')).toBe(
      'traces_spanmetrics_latency_bucket{service="user-service"}'
    );
    expect(new Set(all.map((e) => e.traceId)).size).toBe(all.length);
    expect(all.map((e) => e.value)).toEqual([...all.map((e) => e.value)].sort((a, b) => b - a));
    const two = await metrics('prom-exemplars').m.slowestExemplars('user-service', { start: 0, end: 1 }, 2);
    expect(two).toEqual(all.slice(0, 2));
  });

  it('latencyQuantileExpr is the PromQL latencyQuantile runs', () => {
    const { m } = metrics('prom-query-vector');
    const filter = { services: ['frontend'], operations: ['GET /'] };
    expect(m.latencyQuantileExpr(0.95, filter, 'operation', 300)).toBe(
      quantileQuery(scheme(), 0.95, filter, 'operation', 300).expr
    );
  });
});

describe('joinEdges', () => {
  const sample = (client: string, server: string, value: number) => ({
    labels: { service_name: client, peer_service: server },
    value,
  });

  it('joins failures and p95 to each request series by client and server', () => {
    expect(
      joinEdges(
        ['service_name', 'peer_service'],
        [sample('api-gateway', 'user-service', 2), sample('api-gateway', 'auth-service', 0.5)],
        [sample('api-gateway', 'user-service', 0.1), sample('frontend', 'api-gateway', 9)],
        [sample('api-gateway', 'auth-service', 0.25)]
      )
    ).toEqual([
      { client: 'api-gateway', server: 'user-service', rate: 2, failedRate: 0.1, p95Seconds: NaN },
      { client: 'api-gateway', server: 'auth-service', rate: 0.5, failedRate: 0, p95Seconds: 0.25 },
    ]);
  });
});
