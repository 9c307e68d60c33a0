/**
 * Span metrics from the real Tempo metrics-generator in the real Prometheus, compared with the
 * generator's ground truth; then the same data rewritten OTel-collector style, backfilled with
 * promtool into a second real Prometheus, must give the same numbers through the same interface.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createPrometheusClient } from '../../src/data/prometheus/client';
import { detectScheme, PRESET_SCHEMES, SpanMetricsScheme } from '../../src/data/spanmetrics/scheme';
import { createSpanMetrics, GroupValue, SpanMetrics, Window } from '../../src/data/spanmetrics/spanmetrics';
import { clients, loadBatch, probeSample, stackEnv, waitFor } from './stack';
import { otelStyleOpenMetrics } from './otel-backfill';

const env = stackEnv();
const { prom, tempo } = clients(env);
const batch = loadBatch(env);
const allSpans = batch.truth.flatMap((t) => t.spans.map((s) => ({ ...s, traceId: t.traceId })));
const BATCH_SERVICES = ['api-gateway', 'auth-service', 'frontend', 'order-worker', 'user-service'];

const range = { start: batch.startSec - 300, end: batch.endSec + 300 };
// Evaluated at the newest sample, looking back to 1 ms before the last pre-batch sample: the
// window holds exactly the batch's increments with (almost) no rate() extrapolation. See global-setup.ts.
let window: Window;

const key = (v: GroupValue) => `${v.service}|${v.operation ?? ''}`;
const byKey = (values: GroupValue[]) => Object.fromEntries(values.map((v) => [key(v), v.value]));

function trueQuantileSeconds(durationsUs: number[], q: number): number {
  const sorted = [...durationsUs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] / 1e6;
}

let tempoScheme: SpanMetricsScheme;
let metrics: SpanMetrics;

beforeAll(async () => {
  const [time] = (await probeSample(prom))!;
  window = { time, rangeSec: time - batch.metricsWindowStartSec + 0.001 };
  const detection = await detectScheme(prom, range);
  if (detection.kind !== 'detected') {
    throw new Error(`scheme not detected: ${JSON.stringify(detection)}`);
  }
  tempoScheme = detection.scheme;
  metrics = createSpanMetrics(prom, tempoScheme);
});

describe('scheme detection on Tempo metrics-generator output', () => {
  it('finds the Tempo scheme with the service label, classic seconds histograms and service graphs', () => {
    expect(tempoScheme).toEqual({
      ...PRESET_SCHEMES.tempo,
      serviceGraph: {
        requestMetric: 'traces_service_graph_request_total',
        failedMetric: 'traces_service_graph_request_failed_total',
        serverLatencyMetric: 'traces_service_graph_request_server_seconds',
      },
    });
  });
});

describe('span metrics vs ground truth', () => {
  it('error ratios per operation match exactly', async () => {
    const ratios = byKey(await metrics.errorRatios({ services: BATCH_SERVICES }, 'operation', window));
    const want: Record<string, number> = {};
    const groups = new Map<string, { errors: number; total: number }>();
    for (const s of allSpans) {
      const g = groups.get(`${s.service}|${s.name}`) ?? { errors: 0, total: 0 };
      g.total++;
      g.errors += s.error ? 1 : 0;
      groups.set(`${s.service}|${s.name}`, g);
    }
    groups.forEach((g, k) => (want[k] = g.errors / g.total));
    expect(Object.keys(ratios).sort()).toEqual(Object.keys(want).sort());
    for (const k of Object.keys(want)) {
      expect([k, ratios[k]]).toEqual([k, expect.closeTo(want[k], 9)]);
    }
    expect(want['auth-service|POST /auth/verify']).toBeGreaterThan(0);
  });

  it('rates per service are in the proportions of the spans sent', async () => {
    const rates = byKey(await metrics.rates({ services: BATCH_SERVICES }, 'service', window));
    const total = Object.values(rates).reduce((a, b) => a + b, 0);
    for (const service of BATCH_SERVICES) {
      const sent = allSpans.filter((s) => s.service === service).length;
      expect([service, rates[`${service}|`] / total]).toEqual([service, expect.closeTo(sent / allSpans.length, 9)]);
    }
  });

  it('latency buckets of the database span are the generator’s cumulative counts (scaled by rate extrapolation)', async () => {
    const buckets = await metrics.latencyBuckets('user-service', 'SELECT users', window);
    const durations = allSpans.filter((s) => s.name === 'SELECT users').map((s) => s.durationUs / 1e6);
    expect(buckets[buckets.length - 1].le).toBe(Infinity);
    const scale = buckets[buckets.length - 1].count / durations.length;
    for (const b of buckets) {
      expect([b.le, b.count / scale]).toEqual([b.le, expect.closeTo(durations.filter((d) => d <= b.le).length, 6)]);
    }
  });

  it.each([0.5, 0.9, 0.99])('p%s of the database span falls in the same bucket as the true quantile', async (q) => {
    const [value] = await metrics.latencyQuantile(
      q,
      { services: ['user-service'], operations: ['SELECT users'] },
      'operation',
      window
    );
    const buckets = await metrics.latencyBuckets('user-service', 'SELECT users', window);
    const truth = trueQuantileSeconds(
      allSpans.filter((s) => s.name === 'SELECT users').map((s) => s.durationUs),
      q
    );
    const bucketOf = (x: number) => buckets.findIndex((b) => x <= b.le);
    expect(value.service).toBe('user-service');
    expect(value.operation).toBe('SELECT users');
    expect(bucketOf(value.value)).toBe(bucketOf(truth));
  });

  it('exemplars name trace ids from the batch that Tempo returns', async () => {
    const series = await prom.exemplars('traces_spanmetrics_latency_bucket{service="user-service"}', range);
    const ids = series.flatMap((s) => s.exemplars.map((e) => e.labels.traceID));
    expect(ids.length).toBeGreaterThan(0);
    const batchIds = new Set([...batch.truth.map((t) => t.traceId), ...batch.warmupTraceIds]);
    for (const id of ids) {
      expect(batchIds.has(id.padStart(32, '0'))).toBe(true);
    }
    const fetched = await tempo.traceById(ids[0]);
    expect(JSON.parse(fetched.raw).trace.resourceSpans.length).toBeGreaterThan(0);
  });

  it('service-graph edges cover the topology, with failure ratios from the generator', async () => {
    const edges = await waitFor('service-graph edges', async () => {
      const e = await metrics.serviceGraphEdges(window);
      return e.length >= 4 ? e : undefined;
    });
    const byEdge = Object.fromEntries(edges.map((e) => [`${e.client}->${e.server}`, e]));
    expect(Object.keys(byEdge)).toEqual(
      expect.arrayContaining(['frontend->api-gateway', 'api-gateway->auth-service', 'api-gateway->user-service'])
    );
    const authFails = batch.truth.filter((t) => t.error).length / batch.truth.length;
    expect(byEdge['api-gateway->auth-service'].failedRate / byEdge['api-gateway->auth-service'].rate).toBeCloseTo(
      authFails,
      9
    );
    expect(byEdge['api-gateway->user-service'].failedRate).toBe(0);
    expect(byEdge['api-gateway->user-service'].p95Seconds).toBeGreaterThan(0);
  });
});

describe('OTel-collector-style metrics backfilled with promtool', () => {
  let otel: SpanMetrics;

  beforeAll(async () => {
    const file = join(env.stackDir, 'otel-spanmetrics.om');
    const matchers = `service=~"${BATCH_SERVICES.join('|')}"`;
    writeFileSync(file, await otelStyleOpenMetrics(prom, matchers, window.time, window.rangeSec + 60));
    execFileSync('bash', [resolve(__dirname, '../stack/stack.sh'), 'backfill', file], { stdio: 'inherit' });
    const backfilled = createPrometheusClient(createFetchTransport(env.promBackfillUrl, 'Prometheus (backfilled)'));
    const detection = await detectScheme(backfilled, range);
    if (detection.kind !== 'detected') {
      throw new Error(`scheme not detected on the backfilled Prometheus: ${JSON.stringify(detection)}`);
    }
    otel = createSpanMetrics(backfilled, detection.scheme);
  });

  it('is detected as the OTel scheme: service_name label, millisecond histograms', () => {
    expect(otel.scheme).toEqual({ ...PRESET_SCHEMES.otel, serviceGraph: undefined });
  });

  const same = (a: GroupValue[], b: GroupValue[]) => {
    const [x, y] = [byKey(a), byKey(b)];
    expect(Object.keys(x).sort()).toEqual(Object.keys(y).sort());
    expect(Object.keys(x).length).toBeGreaterThan(0);
    for (const k of Object.keys(x)) {
      expect([k, x[k]]).toEqual([k, expect.closeTo(y[k], 9)]);
    }
  };

  it('gives the same rates, error ratios and p50/p95 per operation as the Tempo scheme', async () => {
    const filter = { services: BATCH_SERVICES };
    same(await otel.rates(filter, 'operation', window), await metrics.rates(filter, 'operation', window));
    same(await otel.errorRatios(filter, 'operation', window), await metrics.errorRatios(filter, 'operation', window));
    for (const q of [0.5, 0.95]) {
      same(
        await otel.latencyQuantile(q, filter, 'operation', window),
        await metrics.latencyQuantile(q, filter, 'operation', window)
      );
    }
  });

  it('gives the same latency buckets (in seconds) for one operation', async () => {
    const a = await otel.latencyBuckets('user-service', 'SELECT users', window);
    const b = await metrics.latencyBuckets('user-service', 'SELECT users', window);
    expect(a.map((x) => x.le)).toEqual(b.map((x) => x.le));
    a.forEach((x, i) => expect(x.count).toBeCloseTo(b[i].count, 9));
  });
});
