/**
 * LLM and agent traces through the live stack: an llm-disaggregated batch and an agent-workflow
 * batch (generator, fixed seeds) go to the collector and come back from Jaeger through the app's
 * Jaeger source and loading service. What the trace page's LLM, agent and async busy/idle views
 * show (their view models, src/pages/trace/genai/), the critical path through each agent run's
 * steps and the compare page's slow vs baseline agent runs equal the generator's ground truth exactly,
 * and the collector's span metrics grouped by `gen_ai.request.model` (a span_metrics dimension,
 * tests/stack/otelcol.yaml) count, per model, the spans of the traces that carry it.
 */
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createJaegerClient } from '../../src/data/jaeger/client';
import { agentPaths, spanAttributes, TraceAnalysis } from '../../src/engine';
import { loadTrace } from '../../src/loading';
import { AgentCompareProgress } from '../../src/pages/compare/agentCompare';
import { splitSlowest } from '../../src/pages/compare/compareModel';
import { agentView } from '../../src/pages/trace/genai/agentViewModel';
import { asyncBusyView } from '../../src/pages/trace/genai/asyncBusyViewModel';
import { llmView } from '../../src/pages/trace/genai/llmViewModel';
import { createJaegerSource } from '../../src/sources/jaeger-source';
import { generateAgentBatch } from '../generator/agent-batch';
import { PATH_PARTS, pathPartStats } from '../generator/agent-truth';
import { generateLlmBatch } from '../generator/llm-batch';
import { GenTrace } from '../generator/model';
import { sendTraces } from '../generator/send';
import { clients, stackEnv, waitFor } from './stack';

const US = 1000;
const MODEL = 'gen_ai.request.model';
/** The model dimension as Prometheus 2 stores it (remote write: dots → underscores). */
const MODEL_LABEL = 'gen_ai_request_model';

const env = stackEnv();
const { prom } = clients(env);
const source = createJaegerSource(
  createJaegerClient(createFetchTransport(env.jaegerUrl, 'Jaeger')),
  'jaeger',
  'Jaeger'
);
const llm = generateLlmBatch({ seed: 15, count: 30 });
const agents = generateAgentBatch({ seed: 21, count: 30 });
const sent = [...llm.traces, ...agents.traces];
const range = {
  start: Math.floor(Math.min(...sent.flatMap((t) => t.spans.map((s) => s.startUs))) / 1e6) - 1,
  end: Math.ceil(Date.now() / 1000) + 60,
};

/** Span-metrics calls per model, summed over every other label. */
async function callsByModel(): Promise<Record<string, number>> {
  const data = await prom.query(`sum by (${MODEL_LABEL}) (traces_span_metrics_calls_total{${MODEL_LABEL}!=""})`);
  if (data.resultType !== 'vector') {
    throw new Error(`expected a vector, got ${data.resultType}`);
  }
  return Object.fromEntries(data.result.map((r) => [r.metric[MODEL_LABEL], Number(r.value[1])]));
}

/** Per model, the spans carrying it as `gen_ai.request.model`. */
function spansByModel(models: Iterable<string | undefined>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const model of models) {
    if (model !== undefined) {
      counts[model] = (counts[model] ?? 0) + 1;
    }
  }
  return counts;
}

const generatedModels = (traces: GenTrace[]) =>
  traces.flatMap((t) => t.spans.map((s) => s.attributes[MODEL] as string | undefined));

function fetchedModels(analysis: TraceAnalysis): Array<string | undefined> {
  const models: Array<string | undefined> = [];
  for (let i = 0; i < analysis.trace.spanCount; i++) {
    models.push(spanAttributes(analysis.trace, i).find(([key]) => key === MODEL)?.[1]);
  }
  return models;
}

const analyses = new Map<string, TraceAnalysis>();
const analysisOf = (traceId: string) => analyses.get(traceId)!;
let callsBefore: Record<string, number> = {};

beforeAll(async () => {
  callsBefore = await callsByModel();
  await sendTraces(env.otlpUrl, sent);
  for (const t of sent) {
    const loaded = await waitFor(`trace ${t.traceId} with all ${t.spans.length} spans in Jaeger`, async () => {
      const { analysis } = await loadTrace(source, t.traceId, { range });
      return analysis.trace.spanCount === t.spans.length ? analysis : undefined;
    });
    analyses.set(t.traceId, loaded);
  }
});

describe('LLM view of llm-disaggregated traces read back from Jaeger', () => {
  it('has detached requests and both ways of recording TTFT', () => {
    expect(llm.truth.filter((t) => t.detached).length).toBeGreaterThan(3);
    expect(new Set(llm.truth.map((t) => t.ttftSource))).toEqual(new Set(['attribute', 'event']));
  });

  it('shows each request’s model and operation with the truth’s TTFT, decode, queue, tokens and rate', () => {
    for (const truth of llm.truth) {
      const [main, ...detached] = truth.traces.map((t) => llmView(analysisOf(t.traceId)));
      const once = (us: number) => ({ p50: us * US, p90: us * US, p99: us * US });
      expect(main.rows).toEqual([
        {
          model: truth.model,
          operation: truth.operation,
          requests: 1,
          ttft: once(truth.ttftUs),
          decodeTime: once(truth.decodeTimeUs),
          queueTime: once(truth.queueUs),
          withTtft: 1,
          withDecodeTime: 1,
          withQueueTime: 1,
          inputTokens: truth.inputTokens,
          outputTokens: truth.outputTokens,
          outputTokensPerSecond: truth.outputTokensPerSecond,
        },
      ]);
      expect(main.warnings).toEqual([]);
      // the decode worker's own trace has its engine span, not a GenAI span
      expect(detached.map((view) => view.rows)).toEqual(truth.detached ? [[]] : []);
    }
  });

  it('splits every trace into prefill, decode, worker queue, network and routing as the truth says', () => {
    for (const t of llm.truth.flatMap((truth) => truth.traces)) {
      const split = llmView(analysisOf(t.traceId)).split!;
      const { prefillUs, decodeUs, workerQueueUs, networkUs, routingUs } = t.split;
      const want = [prefillUs, decodeUs, workerQueueUs, networkUs, routingUs].map((us) => us * US);
      expect(split.map((p) => p.time)).toEqual(want);
      expect(split.map((p) => p.share)).toEqual(want.map((ns) => ns / (t.durationUs * US)));
    }
  });

  it('shows busy_ns/idle_ns per service, and the frontend’s spans as lacking them, as the truth says', () => {
    for (const t of llm.truth.flatMap((truth) => truth.traces)) {
      const view = asyncBusyView(analysisOf(t.traceId))!;
      const reporting = view.services.filter((s) => s.reporting > 0);
      expect(Object.fromEntries(reporting.map((s) => [s.service, { busyNs: s.busy, idleNs: s.idle }]))).toEqual(
        t.busyIdle.byService
      );
      expect(reporting.reduce((n, s) => n + s.reporting, 0)).toBe(Object.keys(t.busyIdle.spans).length);
      expect(view.lackingCount).toBe(t.busyIdle.lacking.length);
      expect(view.warnings).toEqual([]);
    }
  });
});

describe('agent view of agent-workflow traces read back from Jaeger', () => {
  it('splits each run into model calls, retrieval, each tool and own time as the truth says', () => {
    for (const truth of agents.truth) {
      const view = agentView(analysisOf(truth.traceId));
      const tools = Object.entries(truth.toolUs).sort(([a], [b]) => (a < b ? -1 : 1));
      expect(view.runCount).toBe(1);
      expect(view.runs[0].spanId).toBe(truth.rootSpanId);
      expect(view.runs[0].agentName).toBe(truth.agentName);
      expect(view.runs[0].duration).toBe(truth.durationUs * US);
      expect(view.runs[0].parts.map((p) => [p.kind, p.tool, p.time])).toEqual([
        ['model', undefined, truth.modelUs * US],
        ['retrieval', undefined, truth.retrievalUs * US],
        ...tools.map(([tool, us]) => ['tool', tool, us * US]),
        ['own', undefined, truth.ownUs * US],
      ]);
    }
  });
});

describe('critical path through agent runs read back from Jaeger', () => {
  it('splits each run’s path into model calls, retrieval, each tool and own time as the truth says', () => {
    for (const truth of agents.truth) {
      const [path] = agentPaths(analysisOf(truth.traceId));
      expect([path.length, path.model, path.retrieval, path.own]).toEqual(
        [truth.durationUs, truth.path.modelUs, truth.path.retrievalUs, truth.path.ownUs].map((us) => us * US)
      );
      expect(Object.fromEntries(path.tools.map((t) => [t.tool, t.time]))).toEqual(
        Object.fromEntries(Object.entries(truth.path.toolUs).map(([tool, us]) => [tool, us * US]))
      );
    }
  });

  it('compares the slowest quarter of the runs with the rest per step as the truth says (compare page)', () => {
    const split = splitSlowest(
      agents.truth.map((t) => ({ traceId: t.traceId, durationMs: t.durationUs / 1000 })),
      0.25
    );
    const ids = agents.traces.map((t) => t.traceId);
    const results = new Map(ids.map((id) => [id, { analysis: analysisOf(id), warnings: [] }]));
    const comparison = new AgentCompareProgress(split, 'async').update({ results, arrived: ids })!;
    const runsOf = (side: string[]) => agents.truth.filter((t) => side.includes(t.traceId));
    const rows = new Map(comparison.rows.map((r) => [r.kind === 'tool' ? `tool ${r.tool}` : r.kind, r]));
    expect(comparison.runs).toEqual({ slow: split.slow.length, baseline: split.baseline.length });
    for (const [name, row] of rows) {
      const slow = pathPartStats(runsOf(split.slow), PATH_PARTS[name]);
      const baseline = pathPartStats(runsOf(split.baseline), PATH_PARTS[name]);
      expect([name, row.slow, row.baseline]).toEqual([name, slow, baseline]);
    }
    expect(rows.size).toBeGreaterThan(3);
  });
});

describe('span metrics grouped by gen_ai.request.model', () => {
  it('count per model the spans of the fetched traces that carry it, which are the generated ones', async () => {
    const fromTraces = spansByModel(sent.flatMap((t) => fetchedModels(analysisOf(t.traceId))));
    expect(fromTraces).toEqual(spansByModel(generatedModels(sent)));
    expect(Object.keys(fromTraces).length).toBe(3);
    const added = (now: Record<string, number>) =>
      Object.fromEntries(Object.keys(now).map((m) => [m, now[m] - (callsBefore[m] ?? 0)]));
    // the collector flushes span metrics every 2 s: wait until every model's count has grown by all its spans
    const grown = await waitFor('span metrics of every sent LLM span in Prometheus', async () => {
      const now = added(await callsByModel());
      return Object.entries(fromTraces).every(([m, n]) => (now[m] ?? 0) >= n) ? now : undefined;
    });
    expect(grown).toEqual(fromTraces);
  });
});
