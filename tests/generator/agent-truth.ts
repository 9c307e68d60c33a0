/**
 * Ground truth of a generated agent run (agent-topology.ts), exact integers (µs): the run's
 * duration (its invoke_agent span) split into model calls (chat spans), retrieval, tool calls per
 * tool and the agent's own time. Steps never overlap except two tool calls at once, whose common
 * time belongs to the one that started first; so the parts add up to the duration. And the
 * critical path through the steps (src/engine/agent-path.ts): the run is its trace's root and
 * waits for every step, so the path is the whole run; model calls and retrieval are on it whole;
 * of two tool calls at once only the one that ended last is waited for (on equal ends the later
 * started, the later sibling), whole, and the other not at all. O(steps²) (a handful of tool calls).
 * `pathPartStats`: what the compare page's slow vs baseline runs show of a set of runs.
 */
import { AgentPlan, AgentRun, ToolCall, TOOLS } from './agent-topology';

/** A run's time split into parts, µs. */
export interface AgentPartsTruth {
  modelUs: number;
  retrievalUs: number;
  /** tool name → its time (every tool the run calls) */
  toolUs: Record<string, number>;
  ownUs: number;
}

export interface AgentRunTruth extends AgentPlan, AgentPartsTruth {
  traceId: string;
  rootSpanId: string;
  durationUs: number;
  /** the critical path through the steps: the whole duration */
  path: AgentPartsTruth;
}

const spanUs = (s: { startUs: number; endUs: number }) => s.endUs - s.startUs;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Whether no other tool call overlapping `call` ends after it (or as it does, having started later). */
const waitedFor = (call: ToolCall, calls: ToolCall[]) =>
  !calls.some(
    ({ span: o }) =>
      o !== call.span &&
      o.startUs < call.span.endUs &&
      call.span.startUs < o.endUs &&
      (o.endUs > call.span.endUs || (o.endUs === call.span.endUs && o.startUs > call.span.startUs))
  );

function partsOf(run: AgentRun, toolTime: (call: ToolCall) => number): AgentPartsTruth {
  const toolUs: Record<string, number> = {};
  for (const call of run.tools) {
    toolUs[call.name] = (toolUs[call.name] ?? 0) + toolTime(call);
  }
  const modelUs = sum(run.chats.map(spanUs));
  const retrievalUs = sum(run.retrievals.map(spanUs));
  return { modelUs, retrievalUs, toolUs, ownUs: spanUs(run.root) - modelUs - retrievalUs - sum(Object.values(toolUs)) };
}

export function agentRunTruth(run: AgentRun, plan: AgentPlan): AgentRunTruth {
  return {
    ...plan,
    traceId: run.trace.traceId,
    rootSpanId: run.root.spanId,
    durationUs: spanUs(run.root),
    ...partsOf(run, (call) => call.uncoveredUs),
    path: partsOf(run, (call) => (waitedFor(call, run.tools) ? spanUs(call.span) : 0)),
  };
}

/** Each part of the path by the key the compare page's rows have: `model`, `retrieval`, `own`, `tool <name>`. */
export const PATH_PARTS: Record<string, (path: AgentPartsTruth) => number> = {
  model: (p) => p.modelUs,
  retrieval: (p) => p.retrievalUs,
  own: (p) => p.ownUs,
  ...Object.fromEntries(TOOLS.map((tool) => [`tool ${tool}`, (p: AgentPartsTruth) => p.toolUs[tool] ?? 0])),
};

/** Of `part` of the runs' critical paths, ns: the mean per run and the nearest-rank p50 and p90. */
export function pathPartStats(runs: AgentRunTruth[], part: (path: AgentPartsTruth) => number) {
  const values = runs.map((t) => part(t.path) * 1000);
  const sorted = [...values].sort((x, y) => x - y);
  const rank = (q: number) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
  return { mean: sum(values) / values.length, p50: rank(0.5), p90: rank(0.9) };
}
