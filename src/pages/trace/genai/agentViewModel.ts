/**
 * What the trace page's agent view shows for one trace: each outermost invoke_agent run (engine
 * `agentSplits`, DEFINITIONS.md §6.4) as its parts — model calls, retrieval, each tool (with its
 * call count) and the agent's own time — with each part's share of the run's duration (the parts
 * add up to it). At most {@link MAX_RUNS} runs, in tree preorder; `runCount` says how many there are.
 * Numbers stay ns; the component formats them. O(spans) plus the engine's split.
 */
import { AgentPartKind, AgentSplit, agentSplits, spanIdOf, TraceAnalysis } from '../../../engine';

/** Runs shown; a trace with more lists the first ones and says how many it has. */
export const MAX_RUNS = 20;

export interface AgentPart {
  kind: AgentPartKind;
  /** the tool's name (gen_ai.tool.name) for a tool part */
  tool?: string;
  /** tool calls of that tool; null for the other parts */
  calls: number | null;
  /** ns */
  time: number;
  /** of the run's duration (NaN when it is 0) */
  share: number;
}

export interface AgentRunView {
  /** the invoke_agent span's index and id */
  span: number;
  spanId: string;
  agentName: string;
  /** ns */
  duration: number;
  parts: AgentPart[];
}

export interface AgentView {
  runs: AgentRunView[];
  runCount: number;
}

function runView(analysis: TraceAnalysis, run: AgentSplit): AgentRunView {
  const share = (time: number) => (run.duration > 0 ? time / run.duration : NaN);
  const part = (kind: AgentPartKind, time: number): AgentPart => ({ kind, calls: null, time, share: share(time) });
  return {
    span: run.span,
    spanId: spanIdOf(analysis.trace, run.span),
    agentName: run.agentName,
    duration: run.duration,
    parts: [
      part('model', run.model),
      part('retrieval', run.retrieval),
      ...run.tools.map((t) => ({ ...part('tool', t.time), tool: t.tool, calls: t.calls })),
      part('own', run.own),
    ],
  };
}

export function agentView(analysis: TraceAnalysis): AgentView {
  const runs = agentSplits(analysis);
  return { runs: runs.slice(0, MAX_RUNS).map((run) => runView(analysis, run)), runCount: runs.length };
}
