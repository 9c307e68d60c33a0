/**
 * TraceLens trace generator.
 *
 *   npx tsx tests/generator/cli.ts batch [--count 100] [--seed 1] [--otlp URL] [--truth FILE]
 *       [--topology demo|llm-disaggregated|agent-workflow]
 *       [--db-calls N] [--slow-service NAME --slow-by-us US]
 *   npx tsx tests/generator/cli.ts continuous [--rate 5] [--seed 1] [--otlp URL] [--topology …]
 *
 * `batch` sends one deterministic batch and writes its ground truth (JSON) to --truth or stdout.
 * Regression mode: --db-calls turns each request's database call into N calls, --slow-service
 * adds --slow-by-us µs of own work to that service (topology.ts); the same --seed without them
 * gives the baseline (the demo topology only).
 * --topology picks the system the requests go through: the demo's services (default), a
 * disaggregated LLM serving stack (llm-topology.ts) or an AI agent's runs (agent-topology.ts).
 * `continuous` sends `rate` requests per second, stamped with the current time, until stopped.
 * --otlp defaults to $TRACELENS_OTLP_HTTP_URL, then http://127.0.0.1:14318 (the local stack).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateTopologyBatch, Topology, TOPOLOGIES } from './batch';
import { sendTraces } from './send';
import { Regression, SERVICES } from './topology';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    rate: { type: 'string', default: '5' },
    otlp: { type: 'string', default: process.env.TRACELENS_OTLP_HTTP_URL ?? 'http://127.0.0.1:14318' },
    truth: { type: 'string' },
    topology: { type: 'string', default: 'demo' },
    'db-calls': { type: 'string' },
    'slow-service': { type: 'string' },
    'slow-by-us': { type: 'string' },
  },
});

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`--${name} must be a positive integer, got '${text}'`);
  }
  return n;
}

function topology(): Topology {
  const name = values.topology;
  if (!(TOPOLOGIES as readonly string[]).includes(name)) {
    throw new Error(`--topology must be one of ${TOPOLOGIES.join(', ')}, got '${name}'`);
  }
  return name as Topology;
}

/** The regression the options ask for, if any. */
function regression(): Regression | undefined {
  const calls = values['db-calls'];
  const service = values['slow-service'];
  if (calls === undefined && service === undefined) {
    return undefined;
  }
  if (topology() !== 'demo') {
    throw new Error('--db-calls and --slow-service change the demo topology only');
  }
  if (service !== undefined && !(SERVICES as readonly string[]).includes(service)) {
    throw new Error(`--slow-service must be one of ${SERVICES.join(', ')}, got '${service}'`);
  }
  if (service !== undefined && values['slow-by-us'] === undefined) {
    throw new Error('--slow-service needs --slow-by-us (the µs of work added)');
  }
  return {
    dbCalls: calls === undefined ? 1 : positiveInt('db-calls', calls),
    ...(service !== undefined ? { slowService: service as Regression['slowService'] } : {}),
    slowByUs: service === undefined ? 0 : positiveInt('slow-by-us', values['slow-by-us']!),
  };
}

async function batch() {
  const { traces, truth } = generateTopologyBatch(topology(), {
    seed: positiveInt('seed', values.seed),
    count: positiveInt('count', values.count),
    regression: regression(),
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
      const { traces } = generateTopologyBatch(topology(), {
        seed: seed + tick,
        count: rate,
        spacingUs: Math.floor(1_000_000 / rate),
      });
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
