/**
 * Trace files as users get them from a real Jaeger v2: the search answer of its UI/API v1
 * (`{"data":[…every trace…]}`, what Jaeger UI's "download results" saves) and of API v3 (OTLP JSON
 * holding every matching trace's spans in one list). `readTraceFile` must find each format, give
 * one trace per trace id, and each must reproduce the generator's self time per service to the µs;
 * the OTLP JSON TraceLens downloads must read back to the same numbers.
 */
import { analyzeTrace, breakdown, ParsedTrace, readTraceFile, toOtlpJson } from '../../src/engine';
import { TraceTruth } from '../generator/model';
import { loadBatch, stackEnv } from './stack';

const env = stackEnv();
const batch = loadBatch(env);
const byId = new Map(batch.truth.map((t) => [t.traceId, t]));

/** µs of self time per service, in service-name order. */
function selfUsByService(trace: ParsedTrace): Record<string, number> {
  const rows = breakdown(analyzeTrace(trace), { kind: 'service' });
  return sorted(Object.fromEntries(rows.map((r) => [r.parts[0], Math.round(r.selfTotal / 1000)])));
}
const sorted = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** Each trace's id, span count and self time per service, next to what the generator made. */
function compare(traces: ParsedTrace[]) {
  const got = traces.map((t) => [t.traceId, t.spanCount, selfUsByService(t)]);
  const want = traces.map((t) => {
    const truth = byId.get(t.traceId) as TraceTruth;
    return [t.traceId, truth?.spanCount, truth && sorted(truth.selfTimeUsByService)];
  });
  return { got, want };
}

const fetchText = async (path: string) => {
  const res = await fetch(`${env.jaegerUrl}${path}`);
  expect(res.status).toBe(200);
  return res.text();
};

describe('trace files from the live Jaeger', () => {
  const startUs = Math.min(...batch.truth.map((t) => t.startUs));
  const endUs = (batch.endSec + 1) * 1e6;

  it("Jaeger's v1 search answer is a Jaeger JSON file of every batch trace", async () => {
    const text = await fetchText(`/api/traces?service=frontend&start=${startUs}&end=${endUs}&limit=1000`);
    const file = readTraceFile(text);
    expect(file.format).toBe('jaeger-json');
    expect(file.traces.map((t) => t.traceId).sort()).toEqual(batch.truth.map((t) => t.traceId).sort());
    const { got, want } = compare(file.traces);
    expect(got).toEqual(want);
  });

  it("Jaeger's v3 search answer (one OTLP document, spans of several traces) splits into its traces", async () => {
    const rfc3339 = (us: number) => new Date(us / 1000).toISOString();
    const text = await fetchText(
      `/api/v3/traces?query.service_name=frontend&query.start_time_min=${rfc3339(startUs)}` +
        `&query.start_time_max=${rfc3339(endUs)}&query.num_traces=5`
    );
    const file = readTraceFile(text);
    expect(file.format).toBe('otlp-json');
    expect(file.traces.length).toBe(5);
    const { got, want } = compare(file.traces);
    expect(got).toEqual(want);
  });

  it('a trace downloaded as OTLP JSON reads back to the same analysis', async () => {
    const truth = batch.truth[7];
    const [trace] = readTraceFile(await fetchText(`/api/traces/${truth.traceId}`)).traces;
    const again = readTraceFile(toOtlpJson(trace));
    expect(again.format).toBe('otlp-json');
    expect(again.traces.map((t) => [t.traceId, t.spanCount, selfUsByService(t)])).toEqual([
      [truth.traceId, truth.spanCount, sorted(truth.selfTimeUsByService)],
    ]);
  });
});
