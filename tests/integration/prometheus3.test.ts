/**
 * Span metrics with UTF-8 names, live: the collector sends the same span metrics to Prometheus 2
 * (remote write: traces_span_metrics_*, label service_name) and to a real Prometheus 3 over OTLP
 * with translation_strategy NoUTF8EscapingWithSuffixes (traces.span.metrics.*, labels service.name,
 * span.name…). TraceLens must detect that scheme, query it with quoted names, and get the very same
 * numbers as from Prometheus 2 over the same window.
 */
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createPrometheusClient } from '../../src/data/prometheus/client';
import { detectScheme, SpanMetricsScheme } from '../../src/data/spanmetrics/scheme';
import { createSpanMetrics, GroupValue, SpanMetrics, Window } from '../../src/data/spanmetrics/spanmetrics';
import { clients, loadBatch, probeSample, stackEnv, waitFor } from './stack';

const env = stackEnv();
const { prom } = clients(env);
const prom3 = createPrometheusClient(createFetchTransport(env.prom3Url, 'Prometheus 3'));
const batch = loadBatch(env);
const range = { start: batch.startSec - 300, end: batch.endSec + 300 };
const SERVICES = ['api-gateway', 'auth-service', 'frontend', 'order-worker', 'user-service'];

let window: Window;
let scheme2: SpanMetricsScheme;
let scheme3: SpanMetricsScheme;
let v2: SpanMetrics;
let v3: SpanMetrics;

async function detected(client: typeof prom) {
  const detection = await detectScheme(client, range);
  if (detection.kind !== 'detected') {
    throw new Error(`scheme not detected: ${JSON.stringify(detection)}`);
  }
  return detection.scheme;
}

const total = async (client: typeof prom, expr: string) => {
  const data = await client.query(expr);
  return data.resultType === 'vector' && data.result[0] ? Number(data.result[0].value[1]) : NaN;
};

beforeAll(async () => {
  const [time] = (await probeSample(prom))!;
  window = { time, rangeSec: time - batch.metricsWindowStartSec + 0.001 };
  // Both receive the same flushes; wait until Prometheus 3 holds as many calls as Prometheus 2.
  const want = await total(prom, 'sum(traces_span_metrics_calls_total)');
  await waitFor('Prometheus 3 to hold every span of the batch', async () =>
    (await total(prom3, 'sum({"traces.span.metrics.calls_total"})')) === want ? true : undefined
  );
  [scheme2, scheme3] = await Promise.all([detected(prom), detected(prom3)]);
  v2 = createSpanMetrics(prom, scheme2);
  v3 = createSpanMetrics(prom3, scheme3);
});

const byKey = (values: GroupValue[]) =>
  Object.fromEntries(values.map((v) => [`${v.service}|${v.operation ?? ''}`, v.value]));
function same(a: GroupValue[], b: GroupValue[]) {
  const [x, y] = [byKey(a), byKey(b)];
  expect(Object.keys(x).sort()).toEqual(Object.keys(y).sort());
  expect(Object.keys(x).length).toBeGreaterThan(0);
  for (const k of Object.keys(x)) {
    expect([k, x[k]]).toEqual([k, expect.closeTo(y[k], 9)]);
  }
}

describe('Prometheus 3 over OTLP (UTF-8 names)', () => {
  it('is detected as the UTF-8 OTel scheme: dotted metric and label names, milliseconds, the peer label', () => {
    expect(scheme3).toMatchObject({
      id: 'otel-utf8',
      callsMetric: 'traces.span.metrics.calls_total',
      labels: { service: 'service.name', spanName: 'span.name', peerService: 'peer.service' },
    });
  });

  it('gives the same rates, error ratios and p50/p95 per operation as Prometheus 2', async () => {
    const filter = { services: SERVICES };
    same(await v3.rates(filter, 'operation', window), await v2.rates(filter, 'operation', window));
    same(await v3.errorRatios(filter, 'operation', window), await v2.errorRatios(filter, 'operation', window));
    for (const q of [0.5, 0.95]) {
      same(
        await v3.latencyQuantile(q, filter, 'operation', window),
        await v2.latencyQuantile(q, filter, 'operation', window)
      );
    }
  });

  it('gives the same latency buckets for the database span', async () => {
    const a = await v3.latencyBuckets('user-service', 'SELECT users', window);
    const b = await v2.latencyBuckets('user-service', 'SELECT users', window);
    expect(a.map((x) => x.le)).toEqual(b.map((x) => x.le));
    a.forEach((x, i) => expect([x.le, x.count]).toEqual([x.le, expect.closeTo(b[i].count, 9)]));
  });

  it('gives the same dependency edges from the peer label', async () => {
    const key = (e: { client: string; server: string }) => `${e.client}->${e.server}`;
    const [e3, e2] = await Promise.all([v3.peerEdges(window), v2.peerEdges(window)]);
    expect(e3.map(key).sort()).toEqual(e2.map(key).sort());
    for (const e of e3) {
      const twin = e2.find((x) => key(x) === key(e))!;
      expect([key(e), e.rate, e.failedRate]).toEqual([
        key(e),
        expect.closeTo(twin.rate, 9),
        expect.closeTo(twin.failedRate, 9),
      ]);
    }
  });
});
