/**
 * One run of an AI agent, as a Python agent platform instrumented with OpenTelemetry's GenAI
 * conventions emits it (service `agent-app`; every span of it carries the platform's own
 * attributes `app_id`, `uid`, `chat_id`, `sid`):
 *
 *   INTERNAL invoke_agent {agent}                          gen_ai.operation.name=invoke_agent
 *   ├ CLIENT retrieval docs-index     (some runs)          gen_ai.operation.name=retrieval
 *   ├ CLIENT chat {model}             finish reason tool_calls
 *   ├ INTERNAL execute_tool {tool}    one, or two at once (the second starts while the first runs)
 *   │   └ (web_search only) CLIENT GET /search → search-api SERVER GET /search
 *   ├ … 1 to 3 rounds of chat + tools …
 *   └ CLIENT chat {model}             finish reason stop
 *
 * Between steps the agent works on its own (parsing the model's answer, building the next prompt).
 * Each execute_tool span links to the chat span whose answer asked for it (a link within the
 * trace, not to its parent). Times are integer µs drawn from the seeded random source.
 */
import type { Random } from '../support/random';
import { GenSpan, GenTrace, spanMaker } from './model';

export const AGENT_SERVICE = 'agent-app';
export const TOOL_SERVICE = 'search-api';
export const AGENT_MODEL = 'gpt-4o-mini';
export const TOOLS = ['web_search', 'get_weather', 'run_sql'] as const;

export interface AgentPlan {
  agentName: string;
  appId: string;
  uid: string;
  chatId: string;
  sid: string;
}

/** A tool call as drawn: its span and the part of it no earlier-started tool call covers, µs. */
export interface ToolCall {
  name: string;
  span: GenSpan;
  uncoveredUs: number;
}

export interface AgentRun {
  trace: GenTrace;
  root: GenSpan;
  chats: GenSpan[];
  retrievals: GenSpan[];
  tools: ToolCall[];
}

const chatAttributes = (inputTokens: number, outputTokens: number, finish: string) => ({
  'gen_ai.operation.name': 'chat',
  'gen_ai.provider.name': 'openai',
  'gen_ai.request.model': AGENT_MODEL,
  'gen_ai.response.model': AGENT_MODEL,
  'gen_ai.usage.input_tokens': inputTokens,
  'gen_ai.usage.output_tokens': outputTokens,
  'gen_ai.response.finish_reasons': [finish],
});

/** Builds the spans of one run starting at `startUs` (µs since the epoch). */
export function buildAgentRun(rng: Random, plan: AgentPlan, startUs: number): AgentRun {
  const trace: GenTrace = { traceId: rng.hex(16), spans: [] };
  const make = spanMaker(rng, trace.spans);
  const custom = { app_id: plan.appId, uid: plan.uid, chat_id: plan.chatId, sid: plan.sid };
  const agentSpan: typeof make = (parent, service, name, kind, s, e, attributes = {}) =>
    make(parent, service, name, kind, s, e, { ...attributes, ...custom });
  const own = () => rng.int(500, 3000);
  const root = agentSpan(undefined, AGENT_SERVICE, `invoke_agent ${plan.agentName}`, 'INTERNAL', startUs, startUs, {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.agent.name': plan.agentName,
  });
  const run: AgentRun = { trace, root, chats: [], retrievals: [], tools: [] };
  let t = startUs + own();
  if (rng.next() < 0.6) {
    const end = t + rng.int(5000, 40000);
    run.retrievals.push(
      agentSpan(root, AGENT_SERVICE, 'retrieval docs-index', 'CLIENT', t, end, {
        'gen_ai.operation.name': 'retrieval',
        'gen_ai.data_source.id': 'docs-index',
      })
    );
    t = end + own();
  }
  const chat = (finish: string) => {
    const end = t + rng.int(200_000, 1_500_000);
    const tokens = chatAttributes(rng.int(300, 6000), rng.int(10, 400), finish);
    const span = agentSpan(root, AGENT_SERVICE, `chat ${AGENT_MODEL}`, 'CLIENT', t, end, tokens);
    run.chats.push(span);
    t = end + own();
    return span;
  };
  const tool = (name: string, s: number, asker: GenSpan) => {
    const end = s + rng.int(10_000, 300_000);
    const span = agentSpan(root, AGENT_SERVICE, `execute_tool ${name}`, 'INTERNAL', s, end, {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': name,
    });
    span.links = [{ traceId: trace.traceId, spanId: asker.spanId }];
    if (name === 'web_search') {
      const net = rng.int(200, 800);
      const client = agentSpan(span, AGENT_SERVICE, 'GET /search', 'CLIENT', s + 200, end - 200, {
        'http.request.method': 'GET',
        'server.address': TOOL_SERVICE,
      });
      make(client, TOOL_SERVICE, 'GET /search', 'SERVER', client.startUs + net, client.endUs - net, {
        'http.request.method': 'GET',
        'http.route': '/search',
        'http.response.status_code': 200,
      });
    }
    return span;
  };
  for (let round = rng.int(1, 3); round > 0; round--) {
    const asker = chat('tool_calls');
    const first = rng.pick(TOOLS);
    const a = tool(first, t, asker);
    run.tools.push({ name: first, span: a, uncoveredUs: a.endUs - a.startUs });
    if (rng.next() < 0.3) {
      const second = rng.pick(TOOLS.filter((n) => n !== first));
      const b = tool(second, rng.int(a.startUs + 1, a.endUs - 1), asker);
      run.tools.push({ name: second, span: b, uncoveredUs: Math.max(0, b.endUs - a.endUs) });
    }
    t = Math.max(...run.tools.map((c) => c.span.endUs)) + own();
  }
  chat('stop');
  root.endUs = t;
  return run;
}
