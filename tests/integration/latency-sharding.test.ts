/**
 * Scale-out of the tracelens_latency connector, as users deploy it: a first tier routes spans by
 * trace id to N connector instances (the loadbalancing exporter with `routing_key: traceID`, whose
 * module the Go module proxy does not serve on this project's machines — collector/README.md), so
 * the test routes the generator's traffic itself, to two instances of the stack's collector binary
 * (tests/stack/otelcol-shard.yaml, ports picked here, series labelled shard="0"/"1").
 *
 * Routing: an id goes to instance (its last byte mod 2), a stable hash of the id, what the
 * loadbalancing exporter does in spirit (it hashes the trace id onto a ring of the instances).
 * One batch goes out three ways:
 * - split by trace id → namespace tracelens_shard: each instance analyses exactly its own traces,
 *   none incomplete, and summed over the instances the self-time and critical-path sums per
 *   service equal the stack's single collector (namespace tracelens, sent the whole batch) and the
 *   TypeScript engine's, to the ns;
 * - whole → the stack's collector (tracelens), read as the increase over the batch;
 * - split by span id → namespace tracelens_spansplit: why the routing matters. Every instance
 *   analyses trace fragments as if they were traces, reports nothing incomplete, and its sums are
 *   the engine's over those fragments: analysed traces add up to more than were sent, and the
 *   per-service sums are wrong.
 * The batch is dated 10 minutes before the shared batch, so Jaeger searches over the shared
 * batch's window never see it; the file runs after the tests that count the shared batch's span
 * metrics (sequencer.js).
 */
import { join, resolve } from 'node:path';
import { analyzeTrace, parseOtlpTrace, serviceOf } from '../../src/engine';
import { generateBatch } from '../generator/batch';
import { GenTrace } from '../generator/model';
import { toOtlpJson } from '../generator/otlp';
import { sendTraces } from '../generator/send';
import { freePort, startProcess, Started, stopProcess } from './processes';
import { clients, loadBatch, stackEnv, waitFor } from './stack';

const SHARDS = ['0', '1'];
const SHARD_CONFIG = resolve(__dirname, '../stack/otelcol-shard.yaml');

/** The instance a trace or span id is routed to: its last byte mod the number of instances. */
const shardOf = (hexId: string) => SHARDS[parseInt(hexId.slice(-2), 16) % SHARDS.length];

const env = stackEnv();
const { prom } = clients(env);
const shared = loadBatch(env);
const { traces } = generateBatch({ seed: 1717, count: 40, nowUs: (shared.startSec - 600) * 1e6 });

/** Per service: spans, and sums of self and critical-path time in ns. */
interface Totals {
  spans: number;
  self: number;
  criticalPath: number;
}
type ByService = Record<string, Totals>;

/** The engine's totals per service over `traces`, each analysed as one trace. */
function engineTotals(list: GenTrace[]): ByService {
  const out: ByService = {};
  for (const trace of list) {
    const a = analyzeTrace(parseOtlpTrace(toOtlpJson([trace])));
    for (let i = 0; i < a.trace.spanCount; i++) {
      const t = (out[serviceOf(a.trace, i)] ??= { spans: 0, self: 0, criticalPath: 0 });
      t.spans++;
      t.self += a.selfTime[i];
      t.criticalPath += a.criticalPath.perSpan[i];
    }
  }
  return out;
}

/** Adds per-service totals up. */
function sumTotals(parts: ByService[]): ByService {
  const out: ByService = {};
  for (const part of parts) {
    for (const [service, t] of Object.entries(part)) {
      const o = (out[service] ??= { spans: 0, self: 0, criticalPath: 0 });
      o.spans += t.spans;
      o.self += t.self;
      o.criticalPath += t.criticalPath;
    }
  }
  return out;
}

/** `a − b` per service (services b lacks count from 0). */
function difference(a: ByService, b: ByService): ByService {
  const out: ByService = {};
  for (const [service, t] of Object.entries(a)) {
    const o = b[service] ?? { spans: 0, self: 0, criticalPath: 0 };
    out[service] = { spans: t.spans - o.spans, self: t.self - o.self, criticalPath: t.criticalPath - o.criticalPath };
  }
  return out;
}

/** The traces routed to `shard` when each trace goes whole to the instance of its trace id. */
const byTraceId = (shard: string) => traces.filter((t) => shardOf(t.traceId) === shard);

/** The trace fragments routed to `shard` when each span goes to the instance of its span id. */
const bySpanId = (shard: string) =>
  traces
    .map((t) => ({ ...t, spans: t.spans.filter((s) => shardOf(s.spanId) === shard) }))
    .filter((t) => t.spans.length > 0);

/** A query's vector as {value of `label` ('' if absent): number}. */
async function vector(expr: string, label: string): Promise<Record<string, number>> {
  const data = await prom.query(expr);
  if (data.resultType !== 'vector') {
    throw new Error(`expected a vector from ${expr}, got ${data.resultType}`);
  }
  return Object.fromEntries(data.result.map((r) => [r.metric[label] ?? '', Number(r.value[1])]));
}

/** A connector counter (e.g. `traces_analyzed_total`) of `namespace`, summed per shard label. */
const counter = (namespace: string, name: string) => vector(`sum by (shard) (${namespace}_${name})`, 'shard');

/** ns of a sum in seconds, rounded: float sums of these few hundred spans are far within 0.5 ns. */
const ns = (seconds: number) => Math.round(seconds * 1e9);

/** Per shard label ('' for the stack's collector): per-service totals of `namespace`'s histograms. */
async function promTotals(namespace: string): Promise<Record<string, ByService>> {
  const out: Record<string, ByService> = {};
  const series = async (metric: string, field: keyof Totals, scale: (v: number) => number) => {
    const data = await prom.query(`sum by (shard, service_name) (${namespace}_span_${metric})`);
    for (const r of data.resultType === 'vector' ? data.result : []) {
      const services = (out[r.metric.shard ?? ''] ??= {});
      const t = (services[r.metric.service_name] ??= { spans: 0, self: 0, criticalPath: 0 });
      t[field] = scale(Number(r.value[1]));
    }
  };
  await series('self_time_seconds_count', 'spans', Number);
  await series('self_time_seconds_sum', 'self', ns);
  await series('critical_path_time_seconds_sum', 'criticalPath', ns);
  return out;
}

const spanCount = (list: GenTrace[]) => list.reduce((n, t) => n + t.spans.length, 0);

/** Waits until `namespace`'s analysed-trace and span counters per shard label equal `want`. */
async function waitForCounts(namespace: string, want: Record<string, { traces: number; spans: number }>) {
  await waitFor(`${namespace} metrics of every trace sent, per shard`, async () => {
    const analyzed = await counter(namespace, 'traces_analyzed_total');
    const spans = await vector(`sum by (shard) (${namespace}_span_self_time_seconds_count)`, 'shard');
    const done = Object.entries(want).every(([s, w]) => analyzed[s] === w.traces && spans[s] === w.spans);
    return done ? true : undefined;
  });
}

const instances: Started[] = [];
/** OTLP/HTTP base URLs of the instances' two inputs, by shard. */
const inputs: Record<string, { byTrace: string; bySpan: string }> = {};
/** The stack collector's per-service totals before the batch. */
let stackBefore: ByService;

async function startShard(shard: string) {
  if (!env.otelcolBin) {
    throw new Error(
      `${env.stackDir}/stack.env names no collector binary (TRACELENS_OTELCOL_BIN): restart the stack with tests/stack/stack.sh.`
    );
  }
  const [byTrace, bySpan, health] = [await freePort(), await freePort(), await freePort()];
  instances.push(
    await startProcess({
      name: `connector instance ${shard}`,
      bin: env.otelcolBin,
      args: ['--config', `file:${SHARD_CONFIG}`],
      env: {
        SHARD: shard,
        BY_TRACE_PORT: String(byTrace),
        BY_SPAN_PORT: String(bySpan),
        HEALTH_PORT: String(health),
        PROM_PORT: new URL(env.promUrl).port,
      },
      logFile: join(env.stackDir, `otelcol-shard-${shard}.log`),
      readyUrl: `http://127.0.0.1:${health}/`,
    })
  );
  inputs[shard] = { byTrace: `http://127.0.0.1:${byTrace}`, bySpan: `http://127.0.0.1:${bySpan}` };
}

beforeAll(async () => {
  for (const shard of SHARDS) {
    await startShard(shard);
  }
  // The stack's collector has analysed the global setup's traffic before the batch is counted.
  const setupTraces = shared.warmupTraceIds.length + shared.truth.length;
  await waitFor('the stack collector’s analysis of the global setup’s traces', async () =>
    (await counter('tracelens', 'traces_analyzed_total'))[''] === setupTraces ? true : undefined
  );
  stackBefore = (await promTotals('tracelens'))[''];

  await sendTraces(env.otlpUrl, traces);
  for (const shard of SHARDS) {
    await sendTraces(inputs[shard].byTrace, byTraceId(shard));
    await sendTraces(inputs[shard].bySpan, bySpanId(shard));
  }
  await waitForCounts('tracelens', {
    '': {
      traces: setupTraces + traces.length,
      spans: spanCount(traces) + Object.values(stackBefore).reduce((n, t) => n + t.spans, 0),
    },
  });
  const perShard = (split: (shard: string) => GenTrace[]) =>
    Object.fromEntries(SHARDS.map((s) => [s, { traces: split(s).length, spans: spanCount(split(s)) }]));
  await waitForCounts('tracelens_shard', perShard(byTraceId));
  await waitForCounts('tracelens_spansplit', perShard(bySpanId));
});

afterAll(async () => {
  await Promise.all(instances.map(stopProcess));
});

describe('the connector sharded by trace id over two instances', () => {
  it('routes each trace whole to one instance: 19 of the 40 traces to instance 0, 21 to instance 1', () => {
    expect(byTraceId('0')).toHaveLength(19);
    expect(byTraceId('1')).toHaveLength(21);
  });

  it('each instance analyses exactly its share of traces and spans, none incomplete or dropped', async () => {
    expect(await counter('tracelens_shard', 'traces_analyzed_total')).toEqual({
      '0': byTraceId('0').length,
      '1': byTraceId('1').length,
    });
    expect(await counter('tracelens_shard', 'traces_incomplete_total')).toEqual({ '0': 0, '1': 0 });
    expect(await counter('tracelens_shard', 'spans_dropped_total')).toEqual({ '0': 0, '1': 0 });
    const got = await promTotals('tracelens_shard');
    for (const shard of SHARDS) {
      expect(got[shard]).toEqual(engineTotals(byTraceId(shard)));
    }
  });

  it('summed over the instances, self and critical-path time per service equal the single collector’s and the engine’s to the ns', async () => {
    const whole = engineTotals(traces);
    const shards = await promTotals('tracelens_shard');
    const single = difference((await promTotals('tracelens'))[''], stackBefore);
    expect(sumTotals(SHARDS.map((s) => shards[s]))).toEqual(whole);
    expect(single).toEqual(whole);
    expect(Object.keys(whole).sort()).toEqual([
      'api-gateway',
      'auth-service',
      'frontend',
      'order-worker',
      'user-service',
    ]);
  });
});

describe('split by span id instead (what routing by trace id prevents)', () => {
  it('each instance analyses its fragment of every trace as a whole trace: 80 analysed of 40 sent, none reported incomplete', async () => {
    expect(bySpanId('0')).toHaveLength(40);
    expect(bySpanId('1')).toHaveLength(40);
    expect(await counter('tracelens_spansplit', 'traces_analyzed_total')).toEqual({ '0': 40, '1': 40 });
    expect(await counter('tracelens_spansplit', 'traces_incomplete_total')).toEqual({ '0': 0, '1': 0 });
    expect(await counter('tracelens_spansplit', 'spans_dropped_total')).toEqual({ '0': 0, '1': 0 });
  });

  it('its sums are the engine’s over the fragments, not over the traces: every span counted, more self time than there was', async () => {
    const got = await promTotals('tracelens_spansplit');
    const summed = sumTotals(SHARDS.map((s) => got[s]));
    expect(summed).toEqual(sumTotals(SHARDS.map((s) => engineTotals(bySpanId(s)))));
    const whole = engineTotals(traces);
    const total = (t: ByService, field: keyof Totals) => Object.values(t).reduce((n, v) => n + v[field], 0);
    expect(total(summed, 'spans')).toBe(total(whole, 'spans'));
    // A parent whose children went to the other instance counts their time as its own.
    expect(total(summed, 'self')).toBeGreaterThan(total(whole, 'self'));
    expect(summed).not.toEqual(whole);
  });
});
