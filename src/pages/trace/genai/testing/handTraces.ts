/**
 * Hand-made traces for the LLM, agent and async busy/idle views' tests (times in µs after a base;
 * the engine answers in ns), each with the figures worked out by hand in its comment.
 */
import { analysedHandSpans } from '../../../../engine/testing/genai-spans';

/**
 * Two chat calls of model m1 under the frontend's SERVER span fe [0,1000]:
 * - c1 [100,900]: ttft_ms 0.3 → TTFT 300 µs, decode 900 − 400 = 500 µs, queue 100 µs, tokens 10 in, 40 out;
 * - c2 [200,500]: first-token event at 300 → TTFT 100 µs, decode 200 µs, queue 200 µs, 10 out, and
 *   input tokens 'many', left out with a warning.
 * Row m1/chat: 2 requests; nearest ranks of two values: p50 the smaller, p90 and p99 the larger:
 * TTFT 100/300/300 µs, decode 200/500/500 µs, queue 100/200/200 µs; tokens 10 in, 50 out;
 * 50 tokens over 700 µs of decode = 71 428.57… tokens/s. No prefill or decode span: no split.
 */
export const twoChats = () =>
  analysedHandSpans([
    { id: 'fe', service: 'fe', kind: 'SERVER', start: 0, end: 1000 },
    {
      id: 'c1',
      parent: 'fe',
      service: 'fe',
      start: 100,
      end: 900,
      attrs: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'm1',
        'gen_ai.usage.input_tokens': 10,
        'gen_ai.usage.output_tokens': 40,
        ttft_ms: 0.3,
      },
    },
    {
      id: 'c2',
      parent: 'fe',
      service: 'fe',
      start: 200,
      end: 500,
      attrs: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'm1',
        'gen_ai.usage.input_tokens': 'many',
        'gen_ai.usage.output_tokens': 10,
      },
      events: [['gen_ai.first_token', 300]],
    },
  ]);

/**
 * A router r [0,100] calls (CLIENT pc [10,60]) a worker's SERVER ws [15,55], whose engine span pe
 * [20,50] has disagg_role prefill. Self times: r 50 (routing), pc 10 (network), ws 10 (worker
 * queue), pe 30 (prefill); decode 0. Shares of 100: 30%, 0%, 10%, 10%, 50%.
 */
export const prefillOnly = () =>
  analysedHandSpans([
    { id: 'r', service: 'router', kind: 'SERVER', start: 0, end: 100 },
    { id: 'pc', parent: 'r', service: 'router', kind: 'CLIENT', start: 10, end: 60 },
    { id: 'ws', parent: 'pc', service: 'worker', kind: 'SERVER', start: 15, end: 55 },
    { id: 'pe', parent: 'ws', service: 'worker', start: 20, end: 50, attrs: { disagg_role: 'prefill' } },
  ]);

const op = (operation: string, extra: Record<string, string> = {}) => ({
  'gen_ai.operation.name': operation,
  ...extra,
});

/**
 * DEFINITIONS.md §6.4's worked example: run [0,100] of agent "helper"; chat [20,40]; tool search
 * [45,70]; tool calc [50,80] → model 20, retrieval 0, calc 10 (70–80), search 25, own 45 (µs);
 * shares of 100: 20%, 0%, 10%, 25%, 45%.
 */
export const helperRun = () =>
  analysedHandSpans([
    { id: 'run', start: 0, end: 100, attrs: op('invoke_agent', { 'gen_ai.agent.name': 'helper' }) },
    { id: 'chat', parent: 'run', start: 20, end: 40, attrs: op('chat') },
    { id: 'search', parent: 'run', start: 45, end: 70, attrs: op('execute_tool', { 'gen_ai.tool.name': 'search' }) },
    { id: 'calc', parent: 'run', start: 50, end: 80, attrs: op('execute_tool', { 'gen_ai.tool.name': 'calc' }) },
  ]);

/** `count` agent runs of 10 µs each, one after another, none with steps. */
export const manyRuns = (count: number) =>
  analysedHandSpans(
    Array.from({ length: count }, (_, k) => ({
      id: `run${k}`,
      start: k * 10,
      end: k * 10 + 10,
      attrs: op('invoke_agent'),
    }))
  );

/**
 * Frontend f [0,200] (no busy_ns/idle_ns) over the Rust service rs: a [0,100] busy 60 µs idle 40 µs;
 * its child b [10,50] busy 30 µs idle 10 µs (inside a's task: not summed again); c [120,150] with
 * busy_ns 'x' and no idle_ns, left out. rs: 2 reporting, busy 60 µs, idle 40 µs, busy share 60%,
 * 1 left out; fe: 1 span without them, no share.
 */
export const rustUnderFrontend = () =>
  analysedHandSpans([
    { id: 'f', service: 'fe', kind: 'SERVER', start: 0, end: 200 },
    { id: 'a', parent: 'f', service: 'rs', start: 0, end: 100, attrs: { busy_ns: 60_000, idle_ns: 40_000 } },
    { id: 'b', parent: 'a', service: 'rs', start: 10, end: 50, attrs: { busy_ns: 30_000, idle_ns: 10_000 } },
    { id: 'c', parent: 'f', service: 'rs', start: 120, end: 150, attrs: { busy_ns: 'x' } },
  ]);

/** A plain HTTP trace: nothing for any of the views. */
export const plainTrace = () =>
  analysedHandSpans([
    { id: 'root', service: 'web', kind: 'SERVER', start: 0, end: 100 },
    { id: 'db', parent: 'root', service: 'web', kind: 'CLIENT', start: 10, end: 40 },
  ]);
