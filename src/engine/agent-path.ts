/**
 * The critical path through an AI agent's steps: for each agent run (agent.ts: an outermost
 * `invoke_agent` span), the analysis's critical path (its `criticalPath`, of the view's PathMode)
 * inside the run, split into the parts of the run split — model calls, retrieval, tool calls per
 * tool and the agent's own time — which steps the request waited on.
 *
 * The run's path is the sections of the run's span and of the spans under it, each clipped to the
 * run's effective interval (work that outlives the run is not the run's). A section goes to a part
 * by the steps it is in: the steps (agent.ts: spans under the run with a model, `retrieval` or
 * `execute_tool` operation and a non-empty interval within the run) among its span and that span's
 * ancestors below the run. By agent.ts's order: a model call if one of them is, else retrieval,
 * else the tool call that started first (the outermost); with none, the agent's own time (a nested
 * agent's own work included). So a tool's time on the path includes its HTTP calls, a model call
 * made inside a tool is model time, and of two tool calls at once only the one waited for counts.
 * The parts add up to the run's critical-path time `length`; the rest of the run's duration is
 * time the path spent elsewhere (a parallel branch, work before an async run's parent ended) or in
 * unattributed gaps.
 * O(n) for the runs and each span's part (one preorder pass), plus O(sections) for the path.
 */
import type { TraceAnalysis } from './analyze';
import { SpanAttribute } from './genai-attributes';
import { MODEL_OPERATIONS, OPERATION_ATTRIBUTE } from './genai';
import { NONE_LABEL } from './grouping';

export interface AgentRunPath {
  /** the invoke_agent span */
  span: number;
  /** the run's effective duration, ns (as every figure below) */
  duration: number;
  /** the critical-path time inside the run: the sum of the parts */
  length: number;
  model: number;
  retrieval: number;
  /** every tool the run calls (agent.ts's tools), by name; 0 when no call of it is waited for */
  tools: Array<{ tool: string; time: number }>;
  own: number;
}

/** A span's part: a tool's index in the trace's tool names (≥ 0), or one of these. */
const OWN = -1;
const RETRIEVAL = -2;
const MODEL = -3;

/** The order of agent.ts: model calls before retrieval before tool calls before own time. */
const rank = (part: number) => (part === MODEL ? 3 : part === RETRIEVAL ? 2 : part >= 0 ? 1 : 0);

interface RunSums {
  path: AgentRunPath;
  start: number;
  end: number;
  /** by tool index */
  tools: Map<number, number>;
}

/** The split of the critical path inside every outermost invoke_agent run, in preorder. */
export function agentPaths(analysis: TraceAnalysis): AgentRunPath[] {
  const { tree, trace, intervals } = analysis;
  const { effStart, effEnd } = intervals;
  const operation = new SpanAttribute(trace, OPERATION_ATTRIBUTE);
  const toolName = new SpanAttribute(trace, 'gen_ai.tool.name');
  const toolNames: string[] = [];
  const toolIndex = new Map<string, number>();
  const runOf = new Int32Array(trace.spanCount).fill(-1);
  const partOf = new Int32Array(trace.spanCount).fill(OWN);
  const runs: RunSums[] = [];
  for (const i of tree.preorder) {
    const p = tree.parent[i];
    const r = p >= 0 ? runOf[p] : -1;
    const op = operation.text(i);
    if (r < 0) {
      if (op === 'invoke_agent') {
        runOf[i] = runs.length;
        const path: AgentRunPath = {
          span: i,
          duration: effEnd[i] - effStart[i],
          length: 0,
          model: 0,
          retrieval: 0,
          tools: [],
          own: 0,
        };
        runs.push({ path, start: effStart[i], end: effEnd[i], tools: new Map() });
      }
      continue;
    }
    runOf[i] = r;
    const run = runs[r];
    let part = OWN;
    if (op !== undefined && Math.max(run.start, effStart[i]) < Math.min(run.end, effEnd[i])) {
      if (MODEL_OPERATIONS.includes(op)) {
        part = MODEL;
      } else if (op === 'retrieval') {
        part = RETRIEVAL;
      } else if (op === 'execute_tool') {
        const name = toolName.text(i) ?? NONE_LABEL;
        part = toolIndex.get(name) ?? toolNames.push(name) - 1;
        toolIndex.set(name, part);
        run.tools.set(part, run.tools.get(part) ?? 0);
      }
    }
    partOf[i] = rank(part) > rank(partOf[p]) ? part : partOf[p];
  }
  const { span, start, end } = analysis.criticalPath;
  for (let k = 0; k < span.length; k++) {
    const r = runOf[span[k]];
    if (r < 0) {
      continue;
    }
    const run = runs[r];
    const time = Math.min(end[k], run.end) - Math.max(start[k], run.start);
    if (time <= 0) {
      continue;
    }
    const part = partOf[span[k]];
    run.path.length += time;
    if (part === MODEL) {
      run.path.model += time;
    } else if (part === RETRIEVAL) {
      run.path.retrieval += time;
    } else if (part === OWN) {
      run.path.own += time;
    } else {
      run.tools.set(part, run.tools.get(part)! + time);
    }
  }
  return runs.map(({ path, tools }) => ({
    ...path,
    tools: [...tools]
      .map(([tool, time]) => ({ tool: toolNames[tool], time }))
      .sort((a, b) => (a.tool < b.tool ? -1 : 1)),
  }));
}
