/**
 * Sends the shared batch (seed 42, 100 requests) to the collector and waits, by bounded polling,
 * until Jaeger's search returns all of it and Prometheus holds its span metrics. Tests read batch.json.
 *
 * Span-metrics counters only show an increase to rate()/increase() between two samples, and the
 * collector's span_metrics connector starts a new series at its full count (no 0 sample before
 * it). So a warm-up request set first creates every series; the batch is sent right after
 * Prometheus has a span-metrics sample newer than the whole warm-up — span_metrics' samples and
 * the tracelens connector's in both servers (it analyses a trace 2 s after its last span, so its
 * samples can come later) — and that sample's time starts the metrics window tests use: inside
 * it, counters grow by exactly the batch. The tracelens connector flushes on its own clock, so its
 * metrics get their own window start: its newest sample before the batch is sent. (Tests start a
 * window at that exact sample time — 1 ms before it in Prometheus 3, whose ranges are left-open —
 * because rate() extrapolates each series to the window's start only until the series would reach
 * zero, differently per series, which skews ratios.)
 */
import { writeFileSync } from 'node:fs';
import { generateBatch } from '../generator/batch';
import { sendTraces } from '../generator/send';
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createPrometheusClient } from '../../src/data/prometheus/client';
import {
  ANALYZED,
  batchFile,
  clients,
  newestSample,
  probeSample,
  SentBatch,
  stackEnv,
  waitFor,
  warmupEndUs,
} from './stack';

const BATCH_SEED = 42;
const BATCH_SIZE = 100;
export default async function globalSetup() {
  const env = stackEnv();
  const { jaeger, prom } = clients(env);
  const prom3 = createPrometheusClient(createFetchTransport(env.prom3Url, 'Prometheus 3'));

  // Every combination of route and auth outcome, so every span-metrics series exists.
  const warmup = generateBatch({
    seed: 1000,
    count: 4,
    nowUs: warmupEndUs(),
    overrides: {
      0: { route: 'checkout', authFails: true },
      1: { route: 'account', authFails: true },
      2: { route: 'checkout', authFails: false },
      3: { route: 'account', authFails: false },
    },
  });
  await sendTraces(env.otlpUrl, warmup.traces, warmup.traces.length);
  const [firstSampleSec] = await waitFor('warm-up span metrics in Prometheus', () => probeSample(prom));
  // On a loaded machine the connector's warm-up samples came after span_metrics' second one.
  const connectorSampleSecs = await Promise.all(
    (Object.keys(ANALYZED) as Array<keyof typeof ANALYZED>).map(async (server) => {
      const [time] = await waitFor(`the connector's analysis of the warm-up in ${server}`, async () => {
        const s = await newestSample(server === 'prometheus2' ? prom : prom3, ANALYZED[server]);
        return s && s[1] === warmup.truth.length ? s : undefined;
      });
      return time;
    })
  );
  const warmedSec = Math.max(firstSampleSec, ...connectorSampleSecs);
  const [windowStart] = await waitFor(
    'a span-metrics sample after the whole warm-up',
    async () => {
      const s = await probeSample(prom);
      return s && s[0] > warmedSec ? s : undefined;
    },
    60_000,
    250
  );

  // The connector flushes on its own clock: its window starts at its own newest sample, which holds
  // the warm-up only (the batch is sent after it, and analysed at least 2 s after its last span).
  const connectorStart = await newestSample(prom, ANALYZED.prometheus2);
  if (!connectorStart || connectorStart[1] !== warmup.truth.length) {
    throw new Error(
      `the connector's newest sample counts ${connectorStart?.[1]} traces, not the warm-up's ${warmup.truth.length}`
    );
  }

  const { traces, truth } = generateBatch({ seed: BATCH_SEED, count: BATCH_SIZE });
  await sendTraces(env.otlpUrl, traces, traces.length);
  const batch: SentBatch = {
    truth,
    warmupTraceIds: warmup.truth.map((t) => t.traceId),
    startSec: Math.floor(Math.min(...truth.map((t) => t.startUs)) / 1e6),
    endSec: Math.ceil(Math.max(...truth.map((t) => t.startUs + t.durationUs)) / 1e6),
    spanCount: truth.reduce((n, t) => n + t.spanCount, 0),
    metricsWindowStartSec: windowStart,
    connectorWindowStartSec: connectorStart[0],
  };
  writeFileSync(batchFile(env), JSON.stringify(batch));

  // Every batch trace is rooted in frontend.
  await waitFor('Jaeger search to return the whole batch', async () => {
    const found = await jaeger.search({
      service: 'frontend',
      limit: 1000,
      start: (batch.startSec - 1) * 1e6,
      end: (batch.endSec + 1) * 1e6,
    });
    return found.length >= BATCH_SIZE ? true : undefined;
  });
  const warmupSpans = warmup.truth.reduce((n, t) => n + t.spanCount, 0);
  await waitFor('span metrics for every span in Prometheus', async () => {
    const data = await prom.query('sum(traces_span_metrics_calls_total)');
    const value = data.resultType === 'vector' && data.result[0] ? Number(data.result[0].value[1]) : 0;
    return value === warmupSpans + batch.spanCount ? true : undefined;
  });
}
