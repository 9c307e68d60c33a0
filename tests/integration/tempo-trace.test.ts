/**
 * Trace by id against the real Tempo: the fetched document has exactly the spans, services and
 * parent links the generator sent (Tempo returns ids in base64 inside traces), and the engine's
 * per-service self times from it equal the generator's within 1 ms.
 */
import { analyzeTrace, breakdown, parseOtlpTrace } from '../../src/engine';
import { clients, loadBatch } from './stack';

const { tempo } = clients();
const batch = loadBatch();
const b64hex = (id: string | undefined) => (id ? Buffer.from(id, 'base64').toString('hex') : '');

interface OtlpDoc {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{
      spans: Array<{
        spanId: string;
        parentSpanId?: string;
        name: string;
        startTimeUnixNano: string;
        endTimeUnixNano: string;
      }>;
    }>;
  }>;
}

function flatten(doc: OtlpDoc) {
  return doc.resourceSpans.flatMap((rs) => {
    const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
    return rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => ({ ...s, service })));
  });
}

describe('Tempo trace by id', () => {
  it.each([0, 41, 99])('batch trace #%i comes back with the generated structure (v2 API)', async (i) => {
    const truth = batch.truth[i];
    const fetched = await tempo.traceById(truth.traceId, { start: batch.startSec - 1, end: batch.endSec + 1 });
    expect(fetched.apiVersion).toBe('v2');
    expect(fetched.partial).toBeUndefined();
    const spans = flatten(JSON.parse(fetched.raw).trace);
    expect(spans).toHaveLength(truth.spanCount);
    expect([...new Set(spans.map((s) => s.service))].sort()).toEqual(truth.services);
    expect(Object.fromEntries(spans.map((s) => [b64hex(s.spanId), b64hex(s.parentSpanId)]))).toEqual(truth.parents);
    // 64-bit nanosecond times survive as strings in the raw text.
    const root = spans.find((s) => !s.parentSpanId)!;
    expect(root.startTimeUnixNano).toBe(`${truth.startUs}000`);
  });

  const picks: Array<[string, number]> = [
    ['a checkout request', batch.truth.findIndex((t) => t.route === 'checkout' && !t.error && !t.outlier)],
    ['an /account request', batch.truth.findIndex((t) => t.route === 'account')],
    ['a failed request', batch.truth.findIndex((t) => t.error)],
    ['a slow outlier', batch.truth.findIndex((t) => t.outlier)],
  ];

  it.each(picks)(
    '%s (#%i) through the engine reproduces span count, services and self time per service',
    async (_what, i) => {
      const truth = batch.truth[i];
      const fetched = await tempo.traceById(truth.traceId);
      const trace = parseOtlpTrace(fetched.raw);
      expect(trace.traceId).toBe(truth.traceId);
      expect(trace.spanCount).toBe(truth.spanCount);
      const rows = breakdown(analyzeTrace(trace), { kind: 'service' });
      const selfMs = Object.fromEntries(rows.map((r) => [r.parts[0], r.selfTotal / 1e6]));
      expect(Object.keys(selfMs).sort()).toEqual(truth.services);
      for (const [service, us] of Object.entries(truth.selfTimeUsByService)) {
        // within 1 ms, reported per service so a failure names it
        expect([service, Math.abs(selfMs[service] - us / 1000) < 1]).toEqual([service, true]);
      }
    }
  );

  it('works without a time range too', async () => {
    const truth = batch.truth[5];
    const fetched = await tempo.traceById(truth.traceId);
    expect(flatten(JSON.parse(fetched.raw).trace)).toHaveLength(truth.spanCount);
  });

  it('reports an unknown trace id as trace-not-found', async () => {
    await expect(tempo.traceById('0123456789abcdef0123456789abcdef')).rejects.toMatchObject({
      kind: 'trace-not-found',
    });
  });

  it('refuses a malformed trace id before asking Tempo', async () => {
    await expect(tempo.traceById('not-a-trace-id')).rejects.toMatchObject({ kind: 'query-syntax' });
  });
});
