/** Access to the running test stack (started by tests/stack/stack.sh) and the batch sent into it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createJaegerClient } from '../../src/data/jaeger/client';
import { createPrometheusClient, PrometheusClient } from '../../src/data/prometheus/client';
import { TraceTruth } from '../generator/model';

export interface StackEnv {
  /** Jaeger's query API */
  jaegerUrl: string;
  /** the collector's OTLP/HTTP receiver: traffic goes here */
  otlpUrl: string;
  promUrl: string;
  promBackfillUrl: string;
  /** Prometheus 3, fed over OTLP: UTF-8 metric and label names */
  prom3Url: string;
  stackDir: string;
  /** the collector binary the stack runs (tests/stack/build.sh otelcol) */
  otelcolBin: string;
}

export function stackEnv(): StackEnv {
  const dir = process.env.TRACELENS_STACK_DIR ?? '/tmp/tracelens-stack';
  let text: string;
  try {
    text = readFileSync(join(dir, 'stack.env'), 'utf8');
  } catch {
    throw new Error(
      `No running stack in ${dir}. Run the integration tests with tests/integration/run.sh (it starts and stops the stack).`
    );
  }
  const env = Object.fromEntries(
    text
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('=', 2) as [string, string])
  );
  return {
    jaegerUrl: env.TRACELENS_JAEGER_URL,
    otlpUrl: env.TRACELENS_OTLP_HTTP_URL,
    promUrl: env.TRACELENS_PROM_URL,
    promBackfillUrl: env.TRACELENS_PROM_BACKFILL_URL,
    prom3Url: env.TRACELENS_PROM3_URL,
    stackDir: env.TRACELENS_STACK_DIR,
    otelcolBin: env.TRACELENS_OTELCOL_BIN,
  };
}

export function clients(env = stackEnv()) {
  return {
    jaeger: createJaegerClient(createFetchTransport(env.jaegerUrl, 'Jaeger')),
    prom: createPrometheusClient(createFetchTransport(env.promUrl, 'Prometheus')),
  };
}

/** The batch global-setup sent: ground truth plus the time window (Unix seconds) it covers. */
export interface SentBatch {
  truth: TraceTruth[];
  /** traces sent before the batch so that every span-metrics series exists (see global-setup.ts) */
  warmupTraceIds: string[];
  startSec: number;
  endSec: number;
  /** total spans in the batch */
  spanCount: number;
  /** time of the last span-metrics sample before the batch: windows from here see exactly the batch */
  metricsWindowStartSec: number;
  /** time of the tracelens connector's last sample before the batch (it flushes on its own clock) */
  connectorWindowStartSec: number;
}

export const batchFile = (env: StackEnv) => join(env.stackDir, 'batch.json');

export function loadBatch(env = stackEnv()): SentBatch {
  return JSON.parse(readFileSync(batchFile(env), 'utf8'));
}

/** Polls `probe` until it returns a value other than undefined; fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 120_000,
  intervalMs = 1000
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const nowSec = () => Math.floor(Date.now() / 1000);

/**
 * Where a warm-up batch ends: 10 s before now, so it never falls inside the time window of the
 * batch sent after it (that window is the last ~1.4 s before the batch is generated, and the wait
 * between the two can be shorter than that when span metrics from an earlier run already exist).
 */
export const warmupEndUs = () => Date.now() * 1000 - 10_000_000;

/** A span-metrics series every run creates (frontend's failing /checkout requests), as the collector writes it. */
const PROBE =
  'traces_span_metrics_calls_total{service_name="frontend", span_name="GET /checkout", status_code="STATUS_CODE_ERROR"}';

/** The tracelens connector's count of analysed traces, as each Prometheus names it. */
export const ANALYZED = {
  prometheus2: 'tracelens_traces_analyzed_total',
  prometheus3: '{__name__="tracelens.traces.analyzed_total"}',
};

/** [time, value] of the probe series' newest sample in Prometheus, if it has one. */
export const probeSample = (prom: PrometheusClient) => newestSample(prom, PROBE);

/** [time, value] of the newest sample of the one series `selector` picks, if it has one. */
export async function newestSample(prom: PrometheusClient, selector: string): Promise<[number, number] | undefined> {
  const [time, value] = await Promise.all([prom.query(`timestamp(${selector})`), prom.query(selector)]);
  if (time.resultType !== 'vector' || value.resultType !== 'vector' || !time.result[0] || !value.result[0]) {
    return undefined;
  }
  return [Number(time.result[0].value[1]), Number(value.result[0].value[1])];
}
