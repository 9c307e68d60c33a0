/**
 * Where an AI agent's run goes: for each outermost span whose `gen_ai.operation.name` is
 * `invoke_agent` (no `invoke_agent` span above it), its effective duration (skew-clipped, ns) split
 * into model calls, retrieval, tool calls per tool (`gen_ai.tool.name`, "(none)" when absent) and
 * the agent's own time. The steps are the spans under the run (any depth, nested agents' included),
 * by their own `gen_ai.operation.name`: model calls are `chat`, `text_completion`,
 * `generate_content` and `embeddings`; retrieval is `retrieval`; tool calls are `execute_tool`.
 * Each step's effective interval is clipped to the run's. Overlaps count once, each instant going
 * to the first part that has a step running then: model calls, then retrieval, then the tool call
 * that started first (ties: the earlier in the tree's preorder). So a model call made inside a tool
 * is model time, and of two tool calls at once the later one gets only what the earlier leaves.
 * Own time = duration − model − retrieval − tools: the instants with no step running. The parts
 * add up to the duration exactly.
 * O(n) to find the runs and their steps, then per run O(t·(m + t)·log(m + t)) for m model and
 * retrieval steps and t tool calls; O(strings) when no span can carry gen_ai.operation.name.
 */
import type { TraceAnalysis } from './analyze';
import { coverLength, coverOf, lengthOutside } from './agent-intervals';
import { SpanAttribute } from './genai-attributes';
import { MODEL_OPERATIONS, OPERATION_ATTRIBUTE } from './genai';
import { NONE_LABEL } from './grouping';

export interface AgentToolTime {
  tool: string;
  calls: number;
  /** ns */
  time: number;
}

export interface AgentSplit {
  /** the invoke_agent span */
  span: number;
  /** `gen_ai.agent.name`, "(none)" when absent */
  agentName: string;
  /** ns, as every figure below */
  duration: number;
  model: number;
  retrieval: number;
  /** by tool name */
  tools: AgentToolTime[];
  own: number;
}

type Interval = readonly [number, number];

/** The attributes the split reads, each looked up once per trace. */
interface AgentAttributes {
  operation: SpanAttribute;
  toolName: SpanAttribute;
  agentName: SpanAttribute;
}

interface Steps {
  model: Interval[];
  retrieval: Interval[];
  /** in start order */
  tools: Array<{ tool: string; interval: Interval }>;
}

/** The steps under the run at preorder position `from`, up to (not including) `to`. */
function stepsOf(analysis: TraceAnalysis, from: number, to: number, attrs: AgentAttributes): Steps {
  const { tree, intervals } = analysis;
  const root = tree.preorder[from];
  const [s, e] = [intervals.effStart[root], intervals.effEnd[root]];
  const steps: Steps = { model: [], retrieval: [], tools: [] };
  for (let k = from + 1; k < to; k++) {
    const i = tree.preorder[k];
    const op = attrs.operation.text(i);
    const interval: Interval = [Math.max(s, intervals.effStart[i]), Math.min(e, intervals.effEnd[i])];
    if (op === undefined || interval[1] <= interval[0]) {
      continue;
    }
    if (MODEL_OPERATIONS.includes(op)) {
      steps.model.push(interval);
    } else if (op === 'retrieval') {
      steps.retrieval.push(interval);
    } else if (op === 'execute_tool') {
      steps.tools.push({ tool: attrs.toolName.text(i) ?? NONE_LABEL, interval });
    }
  }
  steps.tools.sort((a, b) => a.interval[0] - b.interval[0]); // stable: equal starts keep preorder
  return steps;
}

function splitRun(analysis: TraceAnalysis, from: number, to: number, attrs: AgentAttributes): AgentSplit {
  const { tree, intervals } = analysis;
  const root = tree.preorder[from];
  const steps = stepsOf(analysis, from, to, attrs);
  const modelCover = coverOf(steps.model);
  const model = coverLength(modelCover);
  const retrieval = coverLength(coverOf([...steps.model, ...steps.retrieval])) - model;
  const above = [...steps.model, ...steps.retrieval];
  const byTool = new Map<string, AgentToolTime>();
  for (const { tool, interval } of steps.tools) {
    const time = lengthOutside(interval[0], interval[1], coverOf(above));
    const row = byTool.get(tool) ?? { tool, calls: 0, time: 0 };
    row.calls++;
    row.time += time;
    byTool.set(tool, row);
    above.push(interval);
  }
  const tools = [...byTool.values()].sort((a, b) => (a.tool < b.tool ? -1 : 1));
  const duration = intervals.effEnd[root] - intervals.effStart[root];
  const toolTime = tools.reduce((sum, t) => sum + t.time, 0);
  return {
    span: root,
    agentName: attrs.agentName.text(root) ?? NONE_LABEL,
    duration,
    model,
    retrieval,
    tools,
    own: duration - model - retrieval - toolTime,
  };
}

/** The split of every outermost invoke_agent run of the trace, in preorder. */
export function agentSplits(analysis: TraceAnalysis): AgentSplit[] {
  const { tree, trace } = analysis;
  const attrs: AgentAttributes = {
    operation: new SpanAttribute(trace, OPERATION_ATTRIBUTE),
    toolName: new SpanAttribute(trace, 'gen_ai.tool.name'),
    agentName: new SpanAttribute(trace, 'gen_ai.agent.name'),
  };
  const out: AgentSplit[] = [];
  if (!attrs.operation.inTrace) {
    return out;
  }
  const n = tree.preorder.length;
  for (let k = 0; k < n; k++) {
    if (attrs.operation.text(tree.preorder[k]) !== 'invoke_agent') {
      continue;
    }
    const depth = tree.depth[tree.preorder[k]];
    let end = k + 1;
    while (end < n && tree.depth[tree.preorder[end]] > depth) {
      end++;
    }
    out.push(splitRun(analysis, k, end, attrs));
    k = end - 1;
  }
  return out;
}
