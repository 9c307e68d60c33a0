/**
 * Records what Prometheus 2 and Prometheus 3 answer to the app's queries of the TraceLens
 * connector's metrics (src/data/latencymetrics) into tests/integration/fixtures/latency-*.json, for
 * the unit tests (whose fake transports only return what a real server returned). Run it against a
 * stack that has seen the integration tests' batch (tests/stack/stack.sh up, then any integration
 * test, e.g. latency-connector.test.ts, with the same TRACELENS_* environment):
 *
 *   TRACELENS_STACK_DIR=… npx tsx tests/integration/record-latency-fixtures.ts [what…]
 *
 * Per server (`prom2`, `prom3`), each file `{source, recorded, responses}` holds the answers in the
 * order the data layer asked: `names` (the metric-name lookup detection reads), `by-service` (the
 * six queries of a breakdown per service), `by-operation` (the same for the operations of
 * `user-service`), `counters` (analysed, incomplete, dropped), `over-time-by-service` and
 * `over-time-by-operation` (the two range queries of the charts, from a minute before the
 * connector's window of the batch). Naming some of these records only those (the others' tests keep their values).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createPrometheusClient } from '../../src/data/prometheus/client';
import { createLatencyMetrics } from '../../src/data/latencymetrics/latencymetrics';
import { detectLatencyMetrics } from '../../src/data/latencymetrics/scheme';
import { loadBatch, nowSec, stackEnv } from './stack';

const env = stackEnv();
const batch = loadBatch(env);
const SERVERS = {
  prom2: { url: env.promUrl, source: 'Prometheus 2.42 (Debian)' },
  prom3: { url: env.prom3Url, source: 'Prometheus 3.16.0 (OTLP, NoUTF8EscapingWithSuffixes)' },
};

/** A fetch that keeps every request and its answer, in the order asked (as `fetchReplaying` replays them). */
function recordingFetch() {
  const responses: Array<{ request: string; status: number; contentType: string | null; body: unknown }> = [];
  const impl = (async (url: string, init?: RequestInit) => {
    const slot = responses.length;
    responses.length++;
    const res = await fetch(url, init);
    const text = await res.text();
    responses[slot] = {
      request: url.replace(/^https?:\/\/[^/]+\//, ''),
      status: res.status,
      contentType: res.headers.get('content-type'),
      body: JSON.parse(text),
    };
    return new Response(text, { status: res.status, headers: res.headers });
  }) as typeof fetch;
  return { impl, take: () => responses.splice(0) };
}

/** What to record: the names given on the command line, or everything. */
const wanted = new Set(process.argv.slice(2));
const record = (what: string, save: (what: string) => void, rec: { take: () => unknown[] }) =>
  wanted.size === 0 || wanted.has(what) ? save(what) : rec.take();

async function main() {
  const time = nowSec();
  const rangeSec = time - batch.connectorWindowStartSec;
  for (const [server, { url, source }] of Object.entries(SERVERS)) {
    const rec = recordingFetch();
    const prom = createPrometheusClient(createFetchTransport(url, source, rec.impl));
    const save = (what: string) =>
      writeFileSync(
        join(__dirname, 'fixtures', `latency-${server}-${what}.json`),
        JSON.stringify({ source, recorded: new Date().toISOString().slice(0, 10), responses: rec.take() }, null, 1) +
          '\n'
      );
    const detection = await detectLatencyMetrics(prom, { start: time - 3600, end: time });
    record('names', save, rec);
    if (detection.kind !== 'detected') {
      throw new Error(`${server}: ${detection.problem.message}`);
    }
    const metrics = createLatencyMetrics(prom, detection.scheme);
    const w = { time, rangeSec };
    const chartRange = { start: batch.connectorWindowStartSec - 60, end: time };
    await metrics.breakdown({}, 'service', w);
    record('by-service', save, rec);
    await metrics.breakdown({ service: 'user-service' }, 'operation', w);
    record('by-operation', save, rec);
    await metrics.counters(time, 3600);
    record('counters', save, rec);
    await metrics.overTime({}, 'service', chartRange);
    record('over-time-by-service', save, rec);
    await metrics.overTime({ service: 'user-service' }, 'operation', chartRange);
    record('over-time-by-operation', save, rec);
    console.log(`${server}: recorded at ${time}, range ${rangeSec} s, charts ${chartRange.start}…${chartRange.end}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
