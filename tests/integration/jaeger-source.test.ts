/**
 * The Jaeger TraceSource (what every page and the panel use) against the real Jaeger of the test
 * stack: structured filters return exactly the ground-truth sets with TraceQL's per-span meaning
 * (Jaeger's own search is looser, see jaeger.test.ts), hits carry the generated roots and span and
 * error counts, and hostile service, span and attribute values survive the round trip through
 * Jaeger's API unchanged.
 */
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createJaegerClient } from '../../src/data/jaeger/client';
import { createJaegerSource } from '../../src/sources/jaeger-source';
import { TraceFilter } from '../../src/sources/types';
import { generateBatch } from '../generator/batch';
import { TraceTruth } from '../generator/model';
import { sendTraces } from '../generator/send';
import { loadBatch, stackEnv, waitFor } from './stack';

const env = stackEnv();
const batch = loadBatch(env);
const source = createJaegerSource(
  createJaegerClient(createFetchTransport(env.jaegerUrl, 'Jaeger')),
  'jaeger',
  'Jaeger'
);
const range = {
  start: Math.floor(Math.min(...batch.truth.map((t) => t.startUs)) / 1e6),
  end: batch.endSec + 60,
};
const find = async (filter: TraceFilter) =>
  (await source.search({ filter }, { ...range, limit: 1000 })).map((h) => h.traceId).sort();
const idsOf = (traces: TraceTruth[]) => traces.map((t) => t.traceId).sort();

describe('Jaeger source: filters mean what they mean in TraceQL (one span meets every condition)', () => {
  it('a database span longer than 10 ms: only the traces whose database span is (not any span)', async () => {
    const want = batch.truth.filter((t) => t.spans.some((s) => s.name === 'SELECT users' && s.durationUs > 10_000));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(10);
    expect(await find({ service: 'user-service', spanName: 'SELECT users', minDurationMs: 10 })).toEqual(idsOf(want));
  });

  it('status error on auth-service: the failed auth calls', async () => {
    const want = batch.truth.filter((t) => t.spans.some((s) => s.service === 'auth-service' && s.error));
    expect(await find({ service: 'auth-service', status: 'error' })).toEqual(idsOf(want));
  });

  it('a span attribute: x_request_id finds its one trace', async () => {
    const t = batch.truth[23];
    expect(await find({ service: 'frontend', spanAttributes: { x_request_id: t.requestId } })).toEqual([t.traceId]);
  });

  it('hits carry the generated root, span counts and error counts per service', async () => {
    const hits = await source.search({ filter: { service: 'frontend' } }, { ...range, limit: 1000 });
    expect(hits).toHaveLength(batch.truth.length);
    for (const hit of hits) {
      const truth = batch.truth.find((t) => t.traceId === hit.traceId)!;
      expect(hit.rootService).toBe(truth.rootService);
      expect(hit.rootName).toBe(truth.rootName);
      expect(hit.startMs).toBe(truth.startUs / 1000);
      for (const service of truth.services) {
        const spans = truth.spans.filter((s) => s.service === service);
        expect([service, hit.serviceStats[service]]).toEqual([
          service,
          { spanCount: spans.length, errorCount: spans.filter((s) => s.error).length },
        ]);
      }
    }
  });
});

describe('Jaeger source: hostile values round-trip through the real Jaeger', () => {
  const prefix = `esc "q" \\ & / ? # % 服务 🙂 \n `;
  const dbName = `SELECT "odd" \\ name; & = ? # 表 🙂`;
  const sent = generateBatch({ seed: 77, count: 2, overrides: { 0: { servicePrefix: prefix, dbSpanName: dbName } } });
  const truth = sent.truth[0];

  beforeAll(async () => {
    await sendTraces(env.otlpUrl, sent.traces);
    await waitFor('the escaping trace in Jaeger', async () =>
      (await source.services({})).includes(`${prefix}user-service`) ? true : undefined
    );
  });

  it('lists the odd service and its odd operation exactly', async () => {
    expect(await source.services({})).toContain(`${prefix}frontend`);
    expect(await source.operations(`${prefix}user-service`, {})).toContain(dbName);
  });

  it('finds the trace by the odd service and operation, and by its request id', async () => {
    const now = Math.ceil(Date.now() / 1000);
    const options = { start: now - 600, end: now + 60, limit: 20 };
    const byOperation = await source.search(
      { filter: { service: `${prefix}user-service`, spanName: dbName } },
      options
    );
    expect(byOperation.map((h) => h.traceId)).toEqual([truth.traceId]);
    expect(byOperation[0].rootService).toBe(`${prefix}frontend`);
    const byRequest = await source.search(
      { filter: { service: `${prefix}frontend`, spanAttributes: { x_request_id: truth.requestId } } },
      options
    );
    expect(byRequest.map((h) => h.traceId)).toEqual([truth.traceId]);
  });
});
