import { createFetchTransport } from '../fetch-transport';
import { createPrometheusClient } from '../prometheus/client';
import { fetchReplaying, recordedSequence } from '../../../tests/support/recorded';
import { createLatencyMetrics } from './latencymetrics';
import { latencyMetricsNames } from './scheme';

const SCHEMES = { prom2: latencyMetricsNames('tracelens', '_'), prom3: latencyMetricsNames('tracelens', '.') };

/** The connector's metrics over Prometheus answers recorded by tests/integration/record-latency-fixtures.ts. */
function metrics(server: 'prom2' | 'prom3', what: string) {
  const replay = fetchReplaying(...recordedSequence(`latency-${server}-${what}`));
  const prom = createPrometheusClient(createFetchTransport('http://prom', 'Prometheus', replay.impl));
  return { m: createLatencyMetrics(prom, SCHEMES[server]), urls: replay.urls };
}
// the window the recordings were made with
const w = { time: 1796041914, rangeSec: 66.798 };

describe('createLatencyMetrics', () => {
  it('per operation of user-service (Prometheus 3): each rate ÷ the two operations’ sum, and p50/p95', async () => {
    const { m, urls } = metrics('prom3', 'by-operation');
    const rows = await m.breakdown({ service: 'user-service' }, 'operation', w);
    // recorded rates (s/s): self GET 0.0023824639020620896, SELECT 0.0072667686853229475;
    // critical path GET 0.0013951152255268862, SELECT 0.005215042196330355
    const selfTotal = 0.0023824639020620896 + 0.0072667686853229475;
    const cpTotal = 0.0013951152255268862 + 0.005215042196330355;
    expect(rows).toEqual([
      {
        service: 'user-service',
        operation: 'GET /users/{id}',
        selfTime: {
          rate: 0.0023824639020620896,
          share: 0.0023824639020620896 / selfTotal,
          p50: 0.0017346950466330614,
          p95: 0.002423469504663306,
        },
        criticalPath: {
          rate: 0.0013951152255268862,
          share: 0.0013951152255268862 / cpTotal,
          p50: 0.001206896551724138,
          p95: 0.0023706896551724138,
        },
      },
      {
        service: 'user-service',
        operation: 'SELECT users',
        selfTime: {
          rate: 0.0072667686853229475,
          share: 0.0072667686853229475 / selfTotal,
          p50: 0.00384330167381069,
          p95: 0.00911764705882353,
        },
        criticalPath: {
          rate: 0.005215042196330355,
          share: 0.005215042196330355 / cpTotal,
          p50: 0.002875,
          p95: 0.008928571428571428,
        },
      },
    ]);
    expect(rows[0].selfTime.share).toBeCloseTo(0.2469, 4);
    expect(urls[0]).toContain('time=1796041914');
  });

  it('per service (Prometheus 2): five services sorted by name, shares summing to 1', async () => {
    const rows = await metrics('prom2', 'by-service').m.breakdown({}, 'service', w);
    expect(rows.map((r) => r.service)).toEqual([
      'api-gateway',
      'auth-service',
      'frontend',
      'order-worker',
      'user-service',
    ]);
    expect(rows.every((r) => r.operation === undefined)).toBe(true);
    const sum = (k: 'selfTime' | 'criticalPath') => rows.reduce((s, r) => s + r[k].share, 0);
    expect(sum('selfTime')).toBeCloseTo(1, 12);
    expect(sum('criticalPath')).toBeCloseTo(1, 12);
    // the service's self time equals its operations' (recorded in Prometheus 3 at the same time)
    expect(rows[4].selfTime.rate).toBeCloseTo(0.0023824639020620896 + 0.0072667686853229475, 12);
    // frontend waits on nothing it does not itself do: all its self time is on the critical path
    expect(rows[2].selfTime.rate).toBe(rows[2].criticalPath.rate);
    expect(rows[1].criticalPath.p50).toBe(0.00008474576271186441);
  });

  it.each(['prom2', 'prom3'] as const)('counters (%s): analysed, and zero per reason', async (server) => {
    expect(await metrics(server, 'counters').m.counters(w.time, 3600)).toEqual({
      analyzed: 104,
      incomplete: { evicted: 0, oversize: 0, shutdown: 0 },
      dropped: { evicted: 0, late: 0, oversize: 0, shutdown: 0 },
    });
  });

  // the range the chart recordings were made over: 233.827 s, so 15 s steps and a 60 s look-back
  const chartRange = { start: 1796043881.173, end: 1796044115 };

  it('over time per service (Prometheus 2): one series per service, by name, in s/s', async () => {
    const { m, urls } = metrics('prom2', 'over-time-by-service');
    const t = await m.overTime({}, 'service', chartRange);
    const names = ['api-gateway', 'auth-service', 'frontend', 'order-worker', 'user-service'];
    expect(t.selfTime.map((s) => s.name)).toEqual(names);
    expect(t.criticalPath.map((s) => s.name)).toEqual(names);
    // 11 steps from the first sample a 60 s rate has (75 s after the start) to the end
    expect(t.selfTime[0].points).toHaveLength(11);
    expect(t.selfTime[0].points[0]).toEqual([1796043956.173, 0.006982388297916666]);
    // the second batch (sent at 13:06:27) raises the rate, then it falls to 0 once a minute has no spans
    expect(t.selfTime[4].points[3]).toEqual([1796044001.173, 0.01595741452733574]);
    expect(t.selfTime[4].points[10]).toEqual([1796044106.173, 0]);
    // frontend waits on nothing it does not itself do: its self time is all on the critical path
    expect(t.criticalPath[2].points).toEqual(t.selfTime[2].points);
    expect(urls[0]).toContain('step=15');
    expect(new URL(urls[0]).searchParams.get('query')).toBe(
      'sum by (service_name) (rate(tracelens_span_self_time_seconds_sum{}[60s]))'
    );
  });

  it('over time per operation of user-service (Prometheus 3): named by operation, summing to the service', async () => {
    const t = await metrics('prom3', 'over-time-by-operation').m.overTime(
      { service: 'user-service' },
      'operation',
      chartRange
    );
    expect(t.selfTime.map((s) => s.name)).toEqual(['GET /users/{id}', 'SELECT users']);
    const [get, select] = t.selfTime.map((s) => s.points[3]);
    expect(get).toEqual([1796044001.173, 0.004067033327011603]);
    expect(select).toEqual([1796044001.173, 0.011890381200324136]);
    // the service's rate at the same step, recorded in Prometheus 2 (over-time-by-service)
    expect(get[1] + select[1]).toBeCloseTo(0.01595741452733574, 15);
    expect(t.criticalPath[1].points[0]).toEqual([1796043956.173, 0.0062154906677083285]);
  });

  it('a group with no time at all gets share 0, not NaN', async () => {
    const zero = { status: 200, contentType: 'application/json', request: '' };
    const answer = (value: string) => ({
      ...zero,
      body: {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: { service_name: 'idle' }, value: [1, value] }] },
      },
    });
    const replay = fetchReplaying(answer('0'), answer('NaN'), answer('NaN'), answer('0'), answer('NaN'));
    const m = createLatencyMetrics(
      createPrometheusClient(createFetchTransport('http://prom', 'P', replay.impl)),
      SCHEMES.prom2
    );
    const [row] = await m.breakdown({}, 'service', w);
    expect(row.selfTime).toEqual({ rate: 0, share: 0, p50: NaN, p95: NaN });
  });
});
