/**
 * TraceLens trace generator.
 *
 *   npx tsx tests/generator/cli.ts batch [--count 100] [--seed 1] [--otlp URL] [--truth FILE]
 *   npx tsx tests/generator/cli.ts continuous [--rate 5] [--seed 1] [--otlp URL]
 *
 * `batch` sends one deterministic batch and writes its ground truth (JSON) to --truth or stdout.
 * `continuous` sends `rate` requests per second, stamped with the current time, until stopped.
 * --otlp defaults to $TRACELENS_OTLP_HTTP_URL, then http://127.0.0.1:14318 (the local stack).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateBatch } from './batch';
import { sendTraces } from './send';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    rate: { type: 'string', default: '5' },
    otlp: { type: 'string', default: process.env.TRACELENS_OTLP_HTTP_URL ?? 'http://127.0.0.1:14318' },
    truth: { type: 'string' },
  },
});

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`--${name} must be a positive integer, got '${text}'`);
  }
  return n;
}

async function batch() {
  const { traces, truth } = generateBatch({
    seed: positiveInt('seed', values.seed),
    count: positiveInt('count', values.count),
  });
  await sendTraces(values.otlp, traces);
  const json = JSON.stringify(truth, null, 2);
  if (values.truth) {
    writeFileSync(values.truth, json);
    console.error(`sent ${traces.length} traces to ${values.otlp}; ground truth in ${values.truth}`);
  } else {
    console.log(json);
  }
}

async function continuous() {
  const rate = positiveInt('rate', values.rate);
  const seed = positiveInt('seed', values.seed);
  console.error(`sending ${rate} traces/s to ${values.otlp}; stop with Ctrl-C`);
  for (let tick = 0; ; tick++) {
    const started = Date.now();
    try {
      const { traces } = generateBatch({ seed: seed + tick, count: rate, spacingUs: Math.floor(1_000_000 / rate) });
      await sendTraces(values.otlp, traces);
    } catch (e) {
      console.error(`send failed (will retry): ${(e as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))));
  }
}

const mode = positionals[0];
(mode === 'batch'
  ? batch()
  : mode === 'continuous'
    ? continuous()
    : Promise.reject(new Error('usage: cli.ts batch|continuous [options]'))
).catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
