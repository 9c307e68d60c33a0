/**
 * Sends a known batch into the running stack (collector → Jaeger + span metrics in Prometheus) and
 * starts the harness twice (once with Prometheus, once with its datasource on a closed port, which
 * is what a stopped Prometheus looks like through Grafana's proxy). Both harnesses serve the live
 * Jaeger as datasource `jaeger` and the recorded real-Tempo responses as datasource `tempo`
 * (tests/harness/recorded-tempo.ts). As in the integration setup, a warm-up request set first
 * creates every span-metrics series, so the batch shows up as an increase inside the last hour.
 */
import { writeFileSync } from 'node:fs';
import { generateBatch } from '../generator/batch';
import { TraceTruth } from '../generator/model';
import { sendTraces } from '../generator/send';
import { clients, probeSample, stackEnv, waitFor, warmupEndUs } from '../integration/stack';
import { startRecordedTempo } from '../harness/recorded-tempo';
import { startHarness } from '../harness/server';
import { closedPort } from './closedPort';
import { BrowserState, stateFile, XSS } from './state';

/**
 * A new seed per run (trace ids come from it: reusing them on a long-lived stack would merge runs'
 * spans into the same traces); every assertion is derived from the ground truth of this seed.
 * Set TRACELENS_BROWSER_SEED to replay a run.
 */
const SEED = Number(process.env.TRACELENS_BROWSER_SEED ?? (Date.now() % 1_000_000) + 1);
const COUNT = 60;
const DB_COUNT = 'sum(traces_span_metrics_duration_milliseconds_count{span_name="SELECT users"})';

export default async function globalSetup() {
  const env = stackEnv();
  const { jaeger, prom } = clients(env);
  const scalar = async (expr: string) => {
    const data = await prom.query(expr);
    return data.resultType === 'vector' && data.result[0] ? Number(data.result[0].value[1]) : 0;
  };

  const warmup = generateBatch({
    seed: 1001,
    count: 4,
    nowUs: warmupEndUs(),
    overrides: { 0: { authFails: true }, 1: { route: 'account', authFails: true } },
  });
  await sendTraces(env.otlpUrl, warmup.traces);
  const [first] = await waitFor('warm-up span metrics in Prometheus', () => probeSample(prom));
  await waitFor('a second span-metrics sample', async () => {
    const s = await probeSample(prom);
    return s && s[0] > first ? s : undefined;
  });

  const dbBefore = await scalar(DB_COUNT);
  const { traces, truth } = generateBatch({
    seed: SEED,
    count: COUNT,
    overrides: {
      3: { route: 'account', authFails: false, outlier: true },
      5: { route: 'checkout', authFails: false, outlier: false },
      40: { outlier: true },
      // the newest trace has error spans: the configuration page's tag-search check looks for one
      // among each service's 20 newest traces (with seed 737442 the newest error trace was the 32nd)
      [COUNT - 1]: { authFails: true },
    },
  });
  traces[5].spans[0].attributes.note = XSS;
  await sendTraces(env.otlpUrl, traces);
  const last = truth[truth.length - 1];
  await waitFor('Jaeger to return the whole batch', async () => {
    const found = await jaeger.search({ service: 'frontend', tags: { x_request_id: last.requestId }, limit: 5 });
    return found.length ? true : undefined;
  });
  await waitFor('span metrics of the batch in Prometheus', async () =>
    (await scalar(DB_COUNT)) >= dbBefore + COUNT ? true : undefined
  );

  const tempo = await startRecordedTempo();
  // The app is set up as on this stack: its trace datasource is the live Jaeger (the configuration
  // page checks the configured one; the recorded Tempo answers only what was recorded).
  const jsonData = { tempoDatasourceUid: 'jaeger', prometheusDatasourceUid: 'prometheus' };
  const harness = await startHarness({ tempoUrl: tempo.url, jaegerUrl: env.jaegerUrl, promUrl: env.promUrl, jsonData });
  const noProm = await startHarness({
    tempoUrl: tempo.url,
    jaegerUrl: env.jaegerUrl,
    promUrl: `http://127.0.0.1:${await closedPort()}`,
    jsonData,
  });
  (globalThis as { __HARNESSES__?: unknown[] }).__HARNESSES__ = [harness, noProm, tempo];
  // The outlier whose database span is the slowest of the batch: its percentile is unambiguous.
  const dbUs = (t: TraceTruth) => t.spans.find((sp) => sp.name === 'SELECT users')!.durationUs;
  const slowestOutlier = truth.filter((t) => t.outlier).sort((a, b) => dbUs(b) - dbUs(a))[0];
  console.log(`browser tests: batch seed ${SEED} (TRACELENS_BROWSER_SEED=${SEED} replays it)`);
  const state: BrowserState = {
    harnessUrl: harness.url,
    noPromHarnessUrl: noProm.url,
    truth,
    outlier: slowestOutlier,
    xss: truth[5],
  };
  writeFileSync(stateFile(), JSON.stringify(state));
}
