/**
 * Sends one deterministic batch (seed 42, 100 requests, one OTLP request so every span-metrics
 * series is created in the same collection) and waits, by bounded polling, until Tempo's search
 * returns all of it and Prometheus holds span metrics for every span. Tests read batch.json.
 */
import { writeFileSync } from 'node:fs';
import { generateBatch } from '../generator/batch';
import { sendTraces } from '../generator/send';
import { batchFile, clients, SentBatch, stackEnv, waitFor } from './stack';

export const BATCH_SEED = 42;
export const BATCH_SIZE = 100;

export default async function globalSetup() {
  const env = stackEnv();
  const { tempo, prom } = clients(env);
  const { traces, truth } = generateBatch({ seed: BATCH_SEED, count: BATCH_SIZE });
  await sendTraces(env.otlpUrl, traces, traces.length);
  const batch: SentBatch = {
    truth,
    startSec: Math.floor(Math.min(...truth.map((t) => t.startUs)) / 1e6),
    endSec: Math.ceil(Math.max(...truth.map((t) => t.startUs + t.durationUs)) / 1e6),
    spanCount: truth.reduce((n, t) => n + t.spanCount, 0),
  };
  writeFileSync(batchFile(env), JSON.stringify(batch));

  await waitFor('Tempo search to return the whole batch', async () => {
    const res = await tempo.search('{}', { limit: 1000, start: batch.startSec - 1, end: batch.endSec + 1 });
    return (res.traces?.length ?? 0) >= BATCH_SIZE ? true : undefined;
  });
  await waitFor('span metrics for every span in Prometheus', async () => {
    const data = await prom.query('sum(traces_spanmetrics_calls_total)');
    const value = data.resultType === 'vector' && data.result[0] ? Number(data.result[0].value[1]) : 0;
    return value === batch.spanCount ? true : undefined;
  });
}
