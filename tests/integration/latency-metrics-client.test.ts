/**
 * The app's reading of the TraceLens connector's metrics (src/data/latencymetrics), live: detection
 * finds the connector in Prometheus 2 (remote-write names) and Prometheus 3 (OTLP, dotted names),
 * and the shares the services page shows for all traffic equal the shares the page computes from
 * fetched traces (`sampleShares`, the engine's aggregate) over the same traces — the batch sent by
 * the global setup, fetched back from Jaeger — per service and per operation of user-service.
 * Rates are taken over the connector's window: from its last sample before the batch (1 ms before
 * it in Prometheus 3, whose ranges are left-open) to its sample that counts the whole batch, where
 * every series grows by exactly the batch, so shares agree up to float rounding.
 */
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createPrometheusClient } from '../../src/data/prometheus/client';
import { createLatencyMetrics, LatencyBreakdownRow } from '../../src/data/latencymetrics/latencymetrics';
import { detectLatencyMetrics, LatencyMetricsScheme } from '../../src/data/latencymetrics/scheme';
import { analyzeTrace, parseOtlpTrace, TraceAnalysis } from '../../src/engine';
import { groupKey, sampleShares, SampleShares } from '../../src/pages/services/latencyShares';
import { ANALYZED, clients, loadBatch, newestSample, nowSec, stackEnv, waitFor } from './stack';

const env = stackEnv();
const { prom, jaeger } = clients(env);
const SERVERS = {
  prometheus2: prom,
  prometheus3: createPrometheusClient(createFetchTransport(env.prom3Url, 'Prometheus 3')),
};
const batch = loadBatch(env);
const sentTraces = batch.warmupTraceIds.length + batch.truth.length;

let analyses: TraceAnalysis[];
beforeAll(async () => {
  analyses = [];
  for (const { traceId } of batch.truth) {
    analyses.push(analyzeTrace(parseOtlpTrace((await jaeger.traceById(traceId)).raw)));
  }
});

/** Connector shares keyed like the sample's. */
const connectorShares = (rows: LatencyBreakdownRow[]) =>
  Object.fromEntries(
    rows.map((r) => [
      groupKey(r.service, r.operation),
      { selfTime: r.selfTime.share, criticalPath: r.criticalPath.share },
    ])
  );

/** Shares rounded to 1e-9: the two sides differ only by float rounding. */
const rounded = (shares: Record<string, { selfTime: number; criticalPath: number }>) =>
  Object.fromEntries(
    Object.entries(shares).map(([k, v]) => [
      k,
      { selfTime: Math.round(v.selfTime * 1e9), criticalPath: Math.round(v.criticalPath * 1e9) },
    ])
  );
const sampleRecord = (s: SampleShares) => Object.fromEntries(s.shares);

describe.each(Object.keys(SERVERS) as Array<keyof typeof SERVERS>)('the connector’s metrics in %s', (server) => {
  const client = SERVERS[server];
  let scheme: LatencyMetricsScheme;
  let window: { time: number; rangeSec: number };

  beforeAll(async () => {
    const now = nowSec();
    const detection = await detectLatencyMetrics(client, { start: now - 3600, end: now });
    if (detection.kind !== 'detected') {
      throw detection.problem;
    }
    scheme = detection.scheme;
    // every trace sent analysed and exported (the connector waits 2 s after a trace's last span)
    await waitFor(`the connector's count of every trace in ${server}`, async () =>
      (await createLatencyMetrics(client, scheme).counters(nowSec(), 3600)).analyzed === sentTraces ? true : undefined
    );
    // evaluated at that sample, so rate() extrapolates no series to the window's end
    const [time] = (await newestSample(client, ANALYZED[server]))!;
    window = { time, rangeSec: time - batch.connectorWindowStartSec + (server === 'prometheus3' ? 0.001 : 0) };
  });

  it('is detected with its namespace and the naming of this server', () => {
    expect([scheme.namespace, scheme.separator, scheme.selfTime, scheme.labels.service]).toEqual(
      server === 'prometheus2'
        ? ['tracelens', '_', 'tracelens_span_self_time_seconds', 'service_name']
        : ['tracelens', '.', 'tracelens.span.self_time_seconds', 'service.name']
    );
  });

  it('per-service shares of self and critical-path time equal the engine’s over the batch', async () => {
    const rows = await createLatencyMetrics(client, scheme).breakdown({}, 'service', window);
    const expected = rounded(sampleRecord(sampleShares(analyses, 'service')));
    expect(rounded(connectorShares(rows))).toEqual(expected);
    expect(Object.keys(expected)).toHaveLength(5);
    // p50/p95 exist for every service
    expect(rows.every((r) => r.selfTime.p95 > 0 && r.criticalPath.p95 >= r.criticalPath.p50)).toBe(true);
  });

  it('shares of user-service’s operations equal the engine’s', async () => {
    const rows = await createLatencyMetrics(client, scheme).breakdown({ service: 'user-service' }, 'operation', window);
    expect(rounded(connectorShares(rows))).toEqual(
      rounded(sampleRecord(sampleShares(analyses, 'operation', 'user-service')))
    );
  });

  it('counters: every trace analysed, nothing incomplete or dropped', async () => {
    const counters = await createLatencyMetrics(client, scheme).counters(nowSec(), 3600);
    expect(counters.analyzed).toBe(sentTraces);
    expect(Object.values(counters.incomplete).every((n) => n === 0)).toBe(true);
    expect(Object.values(counters.dropped).every((n) => n === 0)).toBe(true);
  });
});
