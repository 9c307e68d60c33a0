/**
 * @jest-environment node
 */
/*
 * What a real Tempo (main 87c2dc380cec) answered for the batch tests/integration/record-fixtures.ts
 * (now in git history only) sent (generateBatch seed 3, 4 requests, the first failing in auth), read
 * through our Tempo client and the engine, against that batch's ground truth. These replace the
 * live-Tempo tests (tempo-trace.test.ts, tempo-search.test.ts): the structure Tempo returned (base64
 * ids inside traces, 64-bit times as strings), the engine's per-service self times worked out by
 * hand from the recorded body, and search, tag values and TraceQL metrics agreeing with the spans sent.
 *
 * The recorded trace (µs from its start 1795255285093000000 ns; parent in brackets):
 *   A 5f87d669767f92c6 frontend     GET /checkout      [0, 11394]
 *   B daaa5fb0b377fae1 frontend     GET /api/checkout  [1498, 10845]  (A)
 *   C b6adf3c30e1089dd api-gateway  GET /api/checkout  [2113, 10311]  (B)
 *   D 588a4a768d9364c1 api-gateway  POST /auth/verify  [2514, 8564]   (C)
 *   E b0c69ffcfdfa95e2 api-gateway  GET /users/{id}    [2616, 9015]   (C)
 *   F e307ab1a49fe852d api-gateway  orders publish     [9015, 9602]   (C, producer)
 *   G f3d050a0f1649924 user-service GET /users/{id}    [3063, 8426]   (E)
 *   H a18c41e10cd9166c user-service SELECT users       [4500, 7741]   (G)
 *   I 2cf3a4c0c50f6927 auth-service POST /auth/verify  [3100, 8203]   (D)
 *   J 0128a6a1d3b0ce20 order-worker orders process     [14055, 18467] (F, consumer after F ended)
 * Self time = duration minus the union of the children's intervals inside the span:
 *   A 1498 + (11394−10845) = 2047, B (2113−1498) + (10845−10311) = 1149,
 *   C (2514−2113) + (10311−9602) = 1110 (D∪E∪F covers [2514, 9602]), D (3100−2514) + (8564−8203) = 947,
 *   E (3063−2616) + (9015−8426) = 1036, F 587 (J starts after F ends), G (4500−3063) + (8426−7741) = 2122,
 *   H 3241, I 5103, J 4412.
 * Per service: frontend 2047+1149 = 3196, api-gateway 1110+947+1036+587 = 3680,
 *   user-service 2122+3241 = 5363, auth-service 5103, order-worker 4412.
 */
import { analyzeTrace, breakdown, parseOtlpTrace } from '../../engine';
import { generateBatch } from '../../../tests/generator/batch';
import { createFetchTransport } from '../fetch-transport';
import { fetchReplaying, recorded, wireText } from '../../../tests/support/recorded';
import { createTempoClient } from './client';
import { TempoMetricsResponse, TempoSearchResponse, TempoTagValuesResponse } from './types';

const ID = '8d3115b67acbe152b049ac86d48a02e0';
const SELF_US: Record<string, number> = {
  'api-gateway': 3680,
  'auth-service': 5103,
  frontend: 3196,
  'order-worker': 4412,
  'user-service': 5363,
};
const PARENTS: Record<string, string> = {
  '5f87d669767f92c6': '',
  daaa5fb0b377fae1: '5f87d669767f92c6',
  b6adf3c30e1089dd: 'daaa5fb0b377fae1',
  '588a4a768d9364c1': 'b6adf3c30e1089dd',
  b0c69ffcfdfa95e2: 'b6adf3c30e1089dd',
  e307ab1a49fe852d: 'b6adf3c30e1089dd',
  f3d050a0f1649924: 'b0c69ffcfdfa95e2',
  a18c41e10cd9166c: 'f3d050a0f1649924',
  '2cf3a4c0c50f6927': '588a4a768d9364c1',
  '0128a6a1d3b0ce20': 'e307ab1a49fe852d',
};

interface RecordedSpan {
  spanId: string;
  parentSpanId?: string;
  traceId: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
}
interface RecordedResourceSpans {
  resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
  scopeSpans: Array<{ spans: RecordedSpan[] }>;
}

const b64hex = (id: string | undefined) => (id ? Buffer.from(id, 'base64').toString('hex') : '');
const flatten = (resourceSpans: RecordedResourceSpans[]) =>
  resourceSpans.flatMap((rs) => {
    const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
    return rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => ({ ...s, service })));
  });

async function fetchRecorded(...names: string[]) {
  const replay = fetchReplaying(...names.map((n) => recorded(n)));
  const tempo = createTempoClient(createFetchTransport('http://tempo', 'Tempo', replay.impl));
  return { fetched: await tempo.traceById(ID), urls: replay.urls };
}

const selfUsByService = (raw: string) =>
  Object.fromEntries(
    breakdown(analyzeTrace(parseOtlpTrace(raw)), { kind: 'service' }).map((r) => [r.parts[0], r.selfTotal / 1000])
  );

/** The batch record-fixtures.ts sent; its first trace is the recorded one. */
const batch = generateBatch({
  seed: 3,
  count: 4,
  nowUs: 1795255285093000 + 280_000,
  overrides: { 0: { authFails: true } },
}).truth;

describe('the trace recorded from Tempo, through the client', () => {
  it('v2: the body as Tempo sent it, with base64 ids inside and 64-bit times as strings', async () => {
    const { fetched, urls } = await fetchRecorded('tempo-trace-v2');
    expect(urls).toEqual([`http://tempo/api/v2/traces/${ID}`]);
    expect(fetched.apiVersion).toBe('v2');
    expect(fetched.partial).toBeUndefined();
    const spans = flatten(JSON.parse(fetched.raw).trace.resourceSpans);
    expect(spans).toHaveLength(10);
    expect([...new Set(spans.map((s) => s.service))].sort()).toEqual(Object.keys(SELF_US));
    expect(Object.fromEntries(spans.map((s) => [b64hex(s.spanId), b64hex(s.parentSpanId)]))).toEqual(PARENTS);
    expect(new Set(spans.map((s) => b64hex(s.traceId)))).toEqual(new Set([ID]));
    // nanosecond times beyond 2^53 survive exactly in the raw text
    expect(spans.find((s) => !s.parentSpanId)?.startTimeUnixNano).toBe('1795255285093000000');
    expect(fetched.raw).toContain('"startTimeUnixNano":"1795255285094498000"');
  });

  it('v1 (after v2 answered 404): the same spans under `batches`', async () => {
    const { fetched, urls } = await fetchRecorded('tempo-unknown-path', 'tempo-trace-v1');
    expect(urls).toEqual([`http://tempo/api/v2/traces/${ID}`, `http://tempo/api/traces/${ID}`]);
    expect(fetched.apiVersion).toBe('v1');
    const spans = flatten(JSON.parse(fetched.raw).batches);
    expect(Object.fromEntries(spans.map((s) => [b64hex(s.spanId), b64hex(s.parentSpanId)]))).toEqual(PARENTS);
  });
});

describe('the recorded trace through the engine', () => {
  it.each(['tempo-trace-v2', 'tempo-trace-v1'])(
    '%s: id, span count, services and exact self time per service',
    (name) => {
      const raw = wireText(recorded(name));
      const trace = parseOtlpTrace(raw);
      expect(trace.traceId).toBe(ID);
      expect(trace.spanCount).toBe(10);
      expect(trace.startUnixNano).toBe('1795255285093000000');
      expect(selfUsByService(raw)).toEqual(SELF_US);
      expect(analyzeTrace(trace).duration).toBe(18_467_000);
    }
  );

  it('the hand-worked self times are the generator’s ground truth for the request it sent', () => {
    const [truth] = batch;
    expect(truth.traceId).toBe(ID);
    expect(truth.startUs).toBe(1795255285093000);
    expect(truth.spanCount).toBe(10);
    expect(truth.selfTimeUsByService).toEqual(SELF_US);
    expect(truth.parents).toEqual(PARENTS);
  });
});

describe('search, tag values and TraceQL metrics recorded for the batch', () => {
  const spansSent = batch.flatMap((t) => t.spans);

  it('search { status = error } found exactly the failed request, with its error spans counted per service', () => {
    const res = recorded<TempoSearchResponse>('tempo-search').body;
    expect(batch.filter((t) => t.error).map((t) => t.traceId)).toEqual([ID]);
    expect(res.traces?.map((t) => t.traceID.padStart(32, '0'))).toEqual([ID]);
    const failed = batch[0];
    const stats: Record<string, { spanCount: number; errorCount?: number }> = {};
    for (const s of failed.spans) {
      const st = (stats[s.service] ??= { spanCount: 0 });
      st.spanCount++;
      if (s.error) {
        st.errorCount = (st.errorCount ?? 0) + 1;
      }
    }
    expect(res.traces?.[0].serviceStats).toEqual(stats);
    expect(res.traces?.[0].spanSet?.matched).toBe(failed.spans.filter((s) => s.error).length);
    expect(res.traces?.[0].rootTraceName).toBe(failed.rootName);
  });

  it('tag values of resource.service.name are the services the batch visited', async () => {
    const replay = fetchReplaying(recorded<TempoTagValuesResponse>('tempo-tag-values'));
    const tempo = createTempoClient(createFetchTransport('http://tempo', 'Tempo', replay.impl));
    const values = await tempo.tagValues('resource.service.name');
    expect(values.map((v) => v.value).sort()).toEqual([...new Set(spansSent.map((s) => s.service))].sort());
  });

  it('rate() by service × the 30 s step counts every span sent, per service; exemplars are batch traces', () => {
    const res = recorded<TempoMetricsResponse>('tempo-metrics-query-range').body;
    const counted: Record<string, number> = {};
    for (const s of res.series ?? []) {
      const service = s.labels.find((l) => l.key === 'resource.service.name')?.value.stringValue ?? '';
      counted[service] = Math.round((s.samples ?? []).reduce((n, x) => n + (x.value ?? 0) * 30, 0) * 1e9) / 1e9;
    }
    const sent: Record<string, number> = {};
    for (const s of spansSent) {
      sent[s.service] = (sent[s.service] ?? 0) + 1;
    }
    expect(counted).toEqual(sent);
    const exemplarIds = (res.series ?? []).flatMap((s) =>
      (s.exemplars ?? []).flatMap((e) => e.labels?.filter((l) => l.key === 'trace:id').map((l) => l.value.stringValue))
    );
    expect(exemplarIds.length).toBeGreaterThan(0);
    for (const id of exemplarIds) {
      expect(batch.map((t) => t.traceId)).toContain(id);
    }
  });
});

describe('Prometheus exemplars recorded for the batch (Tempo’s span metrics)', () => {
  it('each names a batch trace (label traceID) and carries the duration of that trace’s span, within its bucket', () => {
    const series: Array<{
      seriesLabels: Record<string, string>;
      exemplars: Array<{ labels: Record<string, string>; value: string }>;
    }> = recorded('prom-exemplars').body.data;
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) {
      for (const e of s.exemplars) {
        const trace = batch.find((t) => t.traceId === e.labels.traceID.padStart(32, '0'));
        const span = trace?.spans.find(
          (x) => x.service === s.seriesLabels.service && x.name === s.seriesLabels.span_name
        );
        expect([e.labels.traceID, Number(e.value)]).toEqual([e.labels.traceID, span!.durationUs / 1e6]);
        expect(Number(e.value)).toBeLessThanOrEqual(Number(s.seriesLabels.le));
      }
    }
  });
});
