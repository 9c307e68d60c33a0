/**
 * The tracelens_latency connector in the test stack's collector (tests/stack/otelcol.yaml), live:
 * after the global setup's warm-up and batch (every trace the collector received), both Prometheus
 * servers hold its self-time and critical-path histograms with the default dimensions, and their
 * sums equal the TypeScript engine's over the same traces fetched back from Jaeger — to the
 * nanosecond once Prometheus' float sums are rounded to whole ns; each exemplar names a sent span
 * (trace_id, span_id) and carries that span's time as the engine computes it.
 * Names: Prometheus 2 (remote write) `tracelens_span_self_time_seconds_*`,
 * `tracelens_span_critical_path_time_seconds_*`, `tracelens_traces_analyzed_total`,
 * `tracelens_traces_incomplete_total`, `tracelens_spans_dropped_total` with labels service_name,
 * span_name, span_kind; Prometheus 3 (OTLP, NoUTF8EscapingWithSuffixes) the same with dots
 * (`tracelens.span.self_time_seconds_sum`, …) and labels service.name, span.name, span.kind.
 */
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createPrometheusClient, PrometheusClient } from '../../src/data/prometheus/client';
import {
  analyzeTrace,
  nameOf,
  parseOtlpTrace,
  serviceOf,
  SPAN_KIND_NAMES,
  spanIdOf,
  TraceAnalysis,
} from '../../src/engine';
import { clients, loadBatch, nowSec, stackEnv, waitFor } from './stack';

const env = stackEnv();
const { prom, jaeger } = clients(env);
const prom3 = createPrometheusClient(createFetchTransport(env.prom3Url, 'Prometheus 3'));
const batch = loadBatch(env);
const traceIds = [...batch.warmupTraceIds, ...batch.truth.map((t) => t.traceId)];

/** Metric and label names as each server stores them (Prometheus 3 needs UTF-8 label names quoted). */
const NAMES = {
  prometheus2: {
    client: prom,
    metric: (dotted: string, suffix: string) => `${dotted.replace(/\./g, '_')}${suffix}`,
    labels: ['service_name', 'span_name', 'span_kind'],
    by: 'service_name, span_name, span_kind',
    /** added by the remote-write exporter */
    otherLabels: ['__name__', 'otel_scope_name'],
  },
  prometheus3: {
    client: prom3,
    metric: (dotted: string, suffix: string) => `${dotted}${suffix}`,
    labels: ['service.name', 'span.name', 'span.kind'],
    by: '"service.name", "span.name", "span.kind"',
    otherLabels: ['__name__'],
  },
};
type Server = keyof typeof NAMES;
const SERVERS = Object.keys(NAMES) as Server[];

const selector = (server: Server, dotted: string, suffix: string) =>
  `{__name__="${NAMES[server].metric(dotted, suffix)}"}`;

/** ns of a sum in seconds, rounded: float sums of up to a few hundred spans are far within 0.5 ns. */
const ns = (seconds: number) => Math.round(seconds * 1e9);

/** `sum by (labels)` of a metric, keyed by the label values joined with '|'. */
async function sums(server: Server, dotted: string, suffix: string): Promise<Record<string, number>> {
  const { client, labels, by } = NAMES[server];
  const data = await client.query(`sum by (${by}) (${selector(server, dotted, suffix)})`);
  if (data.resultType !== 'vector') {
    throw new Error(`expected a vector, got ${data.resultType}`);
  }
  return Object.fromEntries(data.result.map((r) => [labels.map((l) => r.metric[l]).join('|'), Number(r.value[1])]));
}

async function total(client: PrometheusClient, expr: string): Promise<number> {
  const data = await client.query(expr);
  return data.resultType === 'vector' && data.result[0] ? Number(data.result[0].value[1]) : NaN;
}

/** Per series (service|span name|kind): span count and sums of self and critical-path time, ns. */
function engineTotals(analyses: TraceAnalysis[]) {
  const out: Record<string, { count: number; self: number; criticalPath: number }> = {};
  for (const a of analyses) {
    for (let i = 0; i < a.trace.spanCount; i++) {
      const kind = `SPAN_KIND_${SPAN_KIND_NAMES[a.trace.kind[i]].toUpperCase()}`; // the OTLP enum name
      const key = `${serviceOf(a.trace, i)}|${nameOf(a.trace, i)}|${kind}`;
      const t = (out[key] ??= { count: 0, self: 0, criticalPath: 0 });
      t.count++;
      t.self += a.selfTime[i];
      t.criticalPath += a.criticalPath.perSpan[i];
    }
  }
  return out;
}

const mapValues = (values: Record<string, number>, f: (v: number) => number) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, f(v)]));

/** Per-series values (keyed service|span name|kind) summed per service. */
function byService(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(values)) {
    const service = key.split('|')[0];
    out[service] = (out[service] ?? 0) + v;
  }
  return out;
}

let expected: ReturnType<typeof engineTotals>;
/** The engine's self and critical-path time (ns) of every span, by trace id|span id. */
const perSpan = new Map<string, { self: number; criticalPath: number }>();

beforeAll(async () => {
  // The connector analyses a trace 2 s after its last span and flushes every 2 s: wait for all.
  for (const server of SERVERS) {
    await waitFor(`the connector's analysis of every trace sent in ${server}`, async () =>
      (await total(NAMES[server].client, `sum(${selector(server, 'tracelens.traces.analyzed', '_total')})`)) ===
      traceIds.length
        ? true
        : undefined
    );
  }
  const analyses: TraceAnalysis[] = [];
  for (const id of traceIds) {
    analyses.push(analyzeTrace(parseOtlpTrace((await jaeger.traceById(id)).raw)));
  }
  expected = engineTotals(analyses);
  for (const a of analyses) {
    for (let i = 0; i < a.trace.spanCount; i++) {
      perSpan.set(`${a.trace.traceId}|${spanIdOf(a.trace, i)}`, {
        self: a.selfTime[i],
        criticalPath: a.criticalPath.perSpan[i],
      });
    }
  }
});

describe.each(SERVERS)('the connector’s metrics in %s', (server) => {
  it('count every span sent, in one series per service, span name and kind (the default dimensions)', async () => {
    const counts = await sums(server, 'tracelens.span.self_time', '_seconds_count');
    const want = Object.fromEntries(Object.entries(expected).map(([k, t]) => [k, t.count]));
    expect(counts).toEqual(want);
    expect(want['user-service|SELECT users|SPAN_KIND_CLIENT']).toBeGreaterThan(0);
    const { client, labels, otherLabels } = NAMES[server];
    const series = await client.query(selector(server, 'tracelens.span.self_time', '_seconds_count'));
    const labelSets = series.resultType === 'vector' ? series.result.map((r) => Object.keys(r.metric).sort()) : [];
    expect(labelSets).toHaveLength(Object.keys(want).length);
    expect(new Set(labelSets.map((keys) => keys.join(',')))).toEqual(
      new Set([[...labels, ...otherLabels].sort().join(',')])
    );
  });

  it.each([
    ['self time', 'tracelens.span.self_time', 'self'],
    ['critical-path time', 'tracelens.span.critical_path_time', 'criticalPath'],
  ] as const)('sums of %s per series and per service equal the engine’s to the ns', async (_what, dotted, field) => {
    const got = await sums(server, dotted, '_seconds_sum');
    const want = Object.fromEntries(Object.entries(expected).map(([k, t]) => [k, t[field]]));
    expect(mapValues(got, ns)).toEqual(want);
    expect(mapValues(byService(got), ns)).toEqual(byService(want));
  });

  it.each([
    ['self time', 'tracelens.span.self_time', 'self'],
    ['critical-path time', 'tracelens.span.critical_path_time', 'criticalPath'],
  ] as const)(
    'exemplars of %s name a sent span and carry its time as the engine computes it',
    async (_w, dotted, field) => {
      const { client } = NAMES[server];
      const series = await client.exemplars(selector(server, dotted, '_seconds_bucket'), {
        start: batch.startSec - 300,
        end: nowSec() + 60,
      });
      const exemplars = series.flatMap((s) => s.exemplars);
      expect(exemplars.length).toBeGreaterThan(0);
      const wrong = exemplars
        .map((e) => ({ span: `${e.labels.trace_id}|${e.labels.span_id}`, ns: ns(Number(e.value)) }))
        .filter((e) => perSpan.get(e.span)?.[field] !== e.ns);
      expect(wrong).toEqual([]);
    }
  );

  it('counts every trace as analysed and none as incomplete or dropped', async () => {
    const { client } = NAMES[server];
    expect(await total(client, `sum(${selector(server, 'tracelens.traces.analyzed', '_total')})`)).toBe(
      traceIds.length
    );
    expect(await total(client, `sum(${selector(server, 'tracelens.traces.incomplete', '_total')})`)).toBe(0);
    expect(await total(client, `sum(${selector(server, 'tracelens.spans.dropped', '_total')})`)).toBe(0);
  });
});
