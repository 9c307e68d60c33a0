/**
 * Tempo-scheme span metrics and service graphs on a real Prometheus, through our real code
 * (detectScheme, createSpanMetrics, the PromQL builders): the deterministic series of
 * tempo-backfill.ts are backfilled with promtool (`tests/stack/stack.sh backfill`) into the stack's
 * second Prometheus, and every expected value below is worked out by hand from that file's
 * per-step spans (letters A…H there). No Tempo runs here (REFERENCE §5); the live stack's
 * collector writes the OTel scheme, checked in spanmetrics.test.ts.
 *
 * Also here, moved from the live-Tempo escaping test: label values with quotes, backslashes, a
 * newline, a tab, a control character, unicode and regex metacharacters round-trip through our
 * PromQL matchers into the real Prometheus and select only their own series.
 *
 * The backfill Prometheus is one per stack and `stack.sh backfill` replaces its data: a file that
 * uses it backfills its own series in beforeAll (the integration project runs one file at a time).
 * The overview dashboard holds no Tempo-scheme queries (it reads the collector's names).
 *
 * Run alone, without the full stack: write a stack.env holding TRACELENS_STACK_DIR and
 * TRACELENS_PROM_BACKFILL_URL into $TRACELENS_STACK_DIR, then run this file with jest.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createPrometheusClient, PrometheusClient } from '../../src/data/prometheus/client';
import { escapeRegex, matcher, oneOf, selector } from '../../src/data/queries/promql';
import { detectScheme, PRESET_SCHEMES } from '../../src/data/spanmetrics/scheme';
import { createSpanMetrics, GroupValue, SpanMetrics, Window } from '../../src/data/spanmetrics/spanmetrics';
import { stackEnv } from './stack';
import {
  endSec,
  ESCAPING_SERVICE,
  ESCAPING_VALUES,
  SPAN_SERIES,
  TEMPO_BUCKETS,
  tempoSchemeOpenMetrics,
  TOPOLOGY_SERVICES,
} from './tempo-backfill';

const env = stackEnv();
// Aligned to the minute, ending two minutes ago: the values do not depend on when the test runs.
const baseSec = Math.floor(Date.now() / 60_000) * 60 - 32 * 60;
const range = { start: baseSec, end: endSec(baseSec) };
/** At the last sample, over 5 minutes (20 whole steps). */
const window: Window = { time: endSec(baseSec), rangeSec: 300 };
const filter = { services: TOPOLOGY_SERVICES };

let prom: PrometheusClient;
let metrics: SpanMetrics;

const key = (v: GroupValue) => (v.operation === undefined ? v.service : `${v.service}|${v.operation}`);
/** Per-group values, compared to 12 digits, as a map so a failure names the group. */
function expectValues(values: GroupValue[], want: Record<string, number>, digits = 12) {
  const got = Object.fromEntries(values.map((v) => [key(v), v.value]));
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const k of Object.keys(want)) {
    expect([k, got[k]]).toEqual([k, expect.closeTo(want[k], digits)]);
  }
}

beforeAll(async () => {
  const file = join(env.stackDir, 'tempo-scheme.om');
  writeFileSync(file, tempoSchemeOpenMetrics(baseSec));
  execFileSync('bash', [resolve(__dirname, '../stack/stack.sh'), 'backfill', file], {
    stdio: 'inherit',
    env: {
      ...process.env,
      TRACELENS_STACK_DIR: env.stackDir,
      TRACELENS_PROM_BACKFILL_PORT: new URL(env.promBackfillUrl).port,
    },
  });
  prom = createPrometheusClient(createFetchTransport(env.promBackfillUrl, 'Prometheus (backfilled)'));
  const detection = await detectScheme(prom, range);
  if (detection.kind !== 'detected') {
    throw new Error(`scheme not detected on the backfilled Prometheus: ${JSON.stringify(detection)}`);
  }
  metrics = createSpanMetrics(prom, detection.scheme);
});

describe('scheme detection on Tempo metrics-generator names', () => {
  it('is the Tempo scheme: service label, classic seconds histograms, service graphs with server latency', () => {
    expect(metrics.scheme).toEqual({
      ...PRESET_SCHEMES.tempo,
      serviceGraph: {
        requestMetric: 'traces_service_graph_request_total',
        failedMetric: 'traces_service_graph_request_failed_total',
        serverLatencyMetric: 'traces_service_graph_request_server_seconds',
      },
    });
  });
});

describe('rates and error ratios (per-step counts ÷ 15 s, exact)', () => {
  it('calls per second per service', async () => {
    // frontend A+B 60/step, api-gateway C+D+F 30+30+24, auth-service E 30, user-service G+H 24+24
    expectValues(await metrics.rates(filter, 'service', window), {
      frontend: 4,
      'api-gateway': 5.6,
      'auth-service': 2,
      'user-service': 3.2,
    });
  });

  it('calls per second per operation, and server spans only', async () => {
    expectValues(await metrics.rates(filter, 'operation', window), {
      'frontend|GET /checkout': 2,
      'frontend|GET /api/checkout': 2,
      'api-gateway|GET /api/checkout': 2,
      'api-gateway|POST /auth/verify': 2,
      'api-gateway|GET /users/{id}': 1.6,
      'auth-service|POST /auth/verify': 2,
      'user-service|GET /users/{id}': 1.6,
      'user-service|SELECT users': 1.6,
    });
    expectValues(await metrics.rates({ ...filter, spanKind: 'SPAN_KIND_SERVER' }, 'service', window), {
      frontend: 2,
      'api-gateway': 2,
      'auth-service': 2,
      'user-service': 1.6,
    });
  });

  it('error ratios per service and per operation (0, not missing, where nothing failed)', async () => {
    // frontend 12/60, api-gateway (6+6)/84, auth-service 6/30, user-service 0/48
    expectValues(await metrics.errorRatios(filter, 'service', window), {
      frontend: 0.2,
      'api-gateway': 1 / 7,
      'auth-service': 0.2,
      'user-service': 0,
    });
    expectValues(await metrics.errorRatios({ services: ['api-gateway', 'user-service'] }, 'operation', window), {
      'api-gateway|GET /api/checkout': 0.2,
      'api-gateway|POST /auth/verify': 0.2,
      'api-gateway|GET /users/{id}': 0,
      'user-service|GET /users/{id}': 0,
      'user-service|SELECT users': 0,
    });
  });
});

describe('latency', () => {
  it('buckets of one operation: cumulative counts × 20 steps, seconds, +Inf last', async () => {
    // G per step: 12 × 3 ms, 6 × 6 ms, 4 × 12 ms, 2 × 50 ms → ≤2ms 0, ≤4ms 12, ≤8ms 18, ≤16ms 22, ≤32ms 22, then 24
    const buckets = await metrics.latencyBuckets('user-service', 'GET /users/{id}', window);
    expect(buckets.map((b) => b.le)).toEqual([...TEMPO_BUCKETS, Infinity]);
    const want = [0, 12, 18, 22, 22, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24].map((n) => n * 20);
    buckets.forEach((b, i) => expect([b.le, b.count]).toEqual([b.le, expect.closeTo(want[i], 9)]));
  });

  it('p50 and p95 interpolate inside the bucket, as histogram_quantile does', async () => {
    const q = (p: number) => metrics.latencyQuantile(p, { services: ['user-service'] }, 'operation', window);
    // G: p50 rank 12 of 24 → (0.002, 0.004] fully: 0.004; p95 rank 22.8 → (0.032, 0.064], 0.8 of 2: 0.0448
    // H (20 × 1 ms, 4 × 9 ms): p50 rank 12 → (0, 0.002], 12/20: 0.0012; p95 rank 22.8 → (0.008, 0.016], 2.8/4: 0.0136
    expectValues(await q(0.5), { 'user-service|GET /users/{id}': 0.004, 'user-service|SELECT users': 0.0012 }, 9);
    expectValues(await q(0.95), { 'user-service|GET /users/{id}': 0.0448, 'user-service|SELECT users': 0.0136 }, 9);
  });

  it.each([0.5, 0.9, 0.95, 0.99])('p%s of every operation lies in the bucket of the true quantile', async (p) => {
    const values = await metrics.latencyQuantile(p, filter, 'operation', window);
    expect(values).toHaveLength(8);
    for (const v of values) {
      const durations = SPAN_SERIES.filter((s) => s.service === v.service && s.spanName === v.operation)
        .flatMap((s) => s.perStep)
        .sort((a, b) => a - b);
      const truth = durations[Math.ceil(p * durations.length) - 1];
      const upper = TEMPO_BUCKETS.find((le) => truth <= le)!;
      const lower = [0, ...TEMPO_BUCKETS][TEMPO_BUCKETS.indexOf(upper)];
      // rates are floats: a quantile on a bucket bound may land a hair across it
      expect([key(v), v.value >= lower - 1e-9 && v.value <= upper + 1e-9]).toEqual([key(v), true]);
    }
  });
});

describe('service graph', () => {
  it('edges with request and failure rates and server-side p95', async () => {
    const edges = await metrics.serviceGraphEdges(window);
    const byEdge = Object.fromEntries(edges.map((e) => [`${e.client}->${e.server}`, e]));
    expect(Object.keys(byEdge).sort()).toEqual([
      'api-gateway->auth-service',
      'api-gateway->user-service',
      'frontend->api-gateway',
    ]);
    // server sides: C (30: 6 × 9, 12 × 15, 8 × 25, 4 × 90 ms): rank 28.5 → (0.064, 0.128], 2.5/4 → 0.104;
    // E (24 × 2.5, 6 × 5 ms): rank 28.5 → (0.004, 0.008], 4.5/6 → 0.007; G: 0.0448 (above)
    const want = {
      'frontend->api-gateway': { rate: 2, failedRate: 0.4, p95Seconds: 0.104 },
      'api-gateway->auth-service': { rate: 2, failedRate: 0.4, p95Seconds: 0.007 },
      'api-gateway->user-service': { rate: 1.6, failedRate: 0, p95Seconds: 0.0448 },
    };
    for (const [name, w] of Object.entries(want)) {
      const e = byEdge[name];
      expect([name, e.rate, e.failedRate, e.p95Seconds]).toEqual([
        name,
        expect.closeTo(w.rate, 12),
        expect.closeTo(w.failedRate, 12),
        expect.closeTo(w.p95Seconds, 9),
      ]);
    }
  });

  it('client-side latency is there too: p95 of frontend → api-gateway from the client spans', async () => {
    // B (30: 6 × 10, 12 × 18, 8 × 28, 4 × 95 ms): rank 28.5 → (0.064, 0.128], 2.5/4 → 0.104
    const data = await prom.query(
      `histogram_quantile(0.95, sum by (le) (rate(${selector('traces_service_graph_request_client_seconds_bucket', [
        matcher('client', '=', 'frontend'),
        matcher('server', '=', 'api-gateway'),
      ])}[5m])))`,
      window.time
    );
    expect(data.resultType === 'vector' && Number(data.result[0].value[1])).toBeCloseTo(0.104, 9);
  });
});

describe('PromQL label matchers with hostile values', () => {
  const names = ESCAPING_VALUES.map((v) => `q ${v}`);
  const calls = (m: Parameters<typeof selector>[1]) =>
    selector('traces_spanmetrics_calls_total', [matcher('service', '=', ESCAPING_SERVICE), ...(m ?? [])]);

  it.each(names.map((n) => [JSON.stringify(n), n]))('span_name = %s selects only its series', async (_label, name) => {
    const series = await prom.series(calls([matcher('span_name', '=', name)]), range);
    expect(series.map((s) => s.span_name)).toEqual([name]);
  });

  it.each(names.map((n) => [JSON.stringify(n), n]))(
    'span_name =~ escaped %s matches it literally and nothing else',
    async (_label, name) => {
      const data = await prom.query(
        `sum by (span_name) (${calls([matcher('span_name', '=~', escapeRegex(name))])})`,
        window.time
      );
      expect(data.resultType === 'vector' && data.result.map((r) => r.metric.span_name)).toEqual([name]);
    }
  );

  it('oneOf() over several values selects exactly those series', async () => {
    const wanted = [names[0], names[3], names[6], names[8]];
    const series = await prom.series(calls([oneOf('span_name', wanted)]), range);
    expect(series.map((s) => s.span_name).sort()).toEqual([...wanted].sort());
  });

  it('label values come back unchanged', async () => {
    expect(await prom.labelValues('span_name', range)).toEqual(expect.arrayContaining(names));
  });
});
