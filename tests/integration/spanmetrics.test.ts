/**
 * Span metrics from the real OpenTelemetry Collector's span_metrics connector in the real
 * Prometheus (remote write), compared with the generator's ground truth. (The Tempo scheme is
 * checked on promtool-backfilled series in tempo-scheme.test.ts.)
 */
import { parseOtlpTrace } from '../../src/engine';
import { detectScheme, PRESET_SCHEMES, SpanMetricsScheme } from '../../src/data/spanmetrics/scheme';
import { createSpanMetrics, GroupValue, SpanMetrics, Window } from '../../src/data/spanmetrics/spanmetrics';
import { clients, loadBatch, probeSample, stackEnv } from './stack';

const env = stackEnv();
const { prom, jaeger } = clients(env);
const batch = loadBatch(env);
const allSpans = batch.truth.flatMap((t) => t.spans.map((s) => ({ ...s, traceId: t.traceId })));
const BATCH_SERVICES = ['api-gateway', 'auth-service', 'frontend', 'order-worker', 'user-service'];
/** The peer.service of each client span the generator writes, by span name (tests/generator/topology.ts). */
const PEERS: Record<string, string> = {
  'GET /api/checkout': 'api-gateway',
  'GET /api/account': 'api-gateway',
  'POST /auth/verify': 'auth-service',
  'GET /users/{id}': 'user-service',
  'SELECT users': 'postgres',
};

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

let scheme: SpanMetricsScheme;
let metrics: SpanMetrics;

beforeAll(async () => {
  const [time] = (await probeSample(prom))!;
  window = { time, rangeSec: time - batch.metricsWindowStartSec + 0.001 };
  const detection = await detectScheme(prom, range);
  if (detection.kind !== 'detected') {
    throw new Error(`scheme not detected: ${JSON.stringify(detection)}`);
  }
  scheme = detection.scheme;
  metrics = createSpanMetrics(prom, scheme);
});

describe('scheme detection on the collector’s span_metrics output', () => {
  it('finds the OTel scheme: service_name label, classic millisecond histograms, the peer_service label, no service graph', () => {
    expect(scheme).toEqual({
      ...PRESET_SCHEMES.otel,
      labels: { ...PRESET_SCHEMES.otel.labels, peerService: 'peer_service' },
      serviceGraph: undefined,
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
    const durationsUs = allSpans.filter((s) => s.name === 'SELECT users').map((s) => s.durationUs);
    const truth = trueQuantileSeconds(durationsUs, q);
    const bucketOf = (x: number) => buckets.findIndex((b) => x <= b.le);
    expect(value.service).toBe('user-service');
    expect(value.operation).toBe('SELECT users');
    // Prometheus ranks q·count among the (rate-scaled, floating-point) bucket counts: when the true
    // quantile's bucket holds exactly q·count spans up to its bound, the rank sits on that bound and
    // rounding may carry it into the next bucket (seen here for p99 of 100 spans).
    const onBound = durationsUs.filter((d) => d / 1e6 <= buckets[bucketOf(truth)].le).length === q * durationsUs.length;
    const allowed = onBound ? [bucketOf(truth), bucketOf(truth) + 1] : [bucketOf(truth)];
    expect(allowed).toContain(bucketOf(value.value));
  });

  it('exemplars name trace ids from the batch that Jaeger returns', async () => {
    const series = await prom.exemplars(
      'traces_span_metrics_duration_milliseconds_bucket{service_name="user-service"}',
      range
    );
    const ids = series.flatMap((s) => s.exemplars.map((e) => e.labels.trace_id));
    expect(ids.length).toBeGreaterThan(0);
    const batchIds = new Set([...batch.truth.map((t) => t.traceId), ...batch.warmupTraceIds]);
    for (const id of ids) {
      expect(batchIds.has(id.padStart(32, '0'))).toBe(true);
    }
    const fetched = await jaeger.traceById(ids[0]);
    expect(parseOtlpTrace(fetched.raw).spanCount).toBeGreaterThan(0);
  });

  it('dependency edges from client spans’ peer_service label: the generated client calls, rates and failures', async () => {
    const edges = await metrics.peerEdges(window);
    const byEdge = Object.fromEntries(edges.map((e) => [`${e.client}->${e.server}`, e]));
    // Client spans with a peer.service attribute, counted from the ground truth.
    const calls = new Map<string, { total: number; failed: number }>();
    for (const t of batch.truth) {
      for (const sp of t.spans.filter((x) => x.kind === 'CLIENT')) {
        const peer = PEERS[sp.name];
        if (peer) {
          const c = calls.get(`${sp.service}->${peer}`) ?? { total: 0, failed: 0 };
          c.total++;
          c.failed += sp.error ? 1 : 0;
          calls.set(`${sp.service}->${peer}`, c);
        }
      }
    }
    expect(Object.keys(byEdge).sort()).toEqual([...calls.keys()].sort());
    const totalRate = edges.reduce((n, e) => n + e.rate, 0);
    const totalCalls = [...calls.values()].reduce((n, c) => n + c.total, 0);
    for (const [edge, c] of calls) {
      expect([edge, byEdge[edge].rate / totalRate]).toEqual([edge, expect.closeTo(c.total / totalCalls, 9)]);
      expect([edge, byEdge[edge].failedRate / byEdge[edge].rate]).toEqual([
        edge,
        expect.closeTo(c.failed / c.total, 9),
      ]);
    }
    expect(byEdge['user-service->postgres'].p95Seconds).toBeGreaterThan(0);
  });
});
