/**
 * Ground truth of a generated agent run (agent-topology.ts), exact integers (µs): the run's
 * duration (its invoke_agent span) split into model calls (chat spans), retrieval, tool calls per
 * tool and the agent's own time. Steps never overlap except two tool calls at once, whose common
 * time belongs to the one that started first; so the parts add up to the duration. O(steps).
 */
import { AgentPlan, AgentRun } from './agent-topology';

export interface AgentRunTruth extends AgentPlan {
  traceId: string;
  rootSpanId: string;
  durationUs: number;
  modelUs: number;
  retrievalUs: number;
  /** tool name → its time */
  toolUs: Record<string, number>;
  ownUs: number;
}

const spanUs = (s: { startUs: number; endUs: number }) => s.endUs - s.startUs;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function agentRunTruth(run: AgentRun, plan: AgentPlan): AgentRunTruth {
  const toolUs: Record<string, number> = {};
  for (const call of run.tools) {
    toolUs[call.name] = (toolUs[call.name] ?? 0) + call.uncoveredUs;
  }
  const durationUs = spanUs(run.root);
  const modelUs = sum(run.chats.map(spanUs));
  const retrievalUs = sum(run.retrievals.map(spanUs));
  return {
    ...plan,
    traceId: run.trace.traceId,
    rootSpanId: run.root.spanId,
    durationUs,
    modelUs,
    retrievalUs,
    toolUs,
    ownUs: durationUs - modelUs - retrievalUs - sum(Object.values(toolUs)),
  };
}
