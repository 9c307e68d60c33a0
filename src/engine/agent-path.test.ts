import fc from 'fast-check';
import { generateAgentBatch } from '../../tests/generator/agent-batch';
import { agentSplits } from './agent';
import { agentPaths } from './agent-path';
import { withPathMode } from './analyze';
import { MODEL_OPERATIONS } from './genai';
import { analysedGenTrace, analysedHandSpans, HandSpan, handSpan } from './testing/genai-spans';

const US = 1000;
const op = (name: string, more: Record<string, string> = {}) => ({ 'gen_ai.operation.name': name, ...more });
const tool = (name: string) => op('execute_tool', { 'gen_ai.tool.name': name });

/*
 * run invoke_agent [0,100] ─┬─ ret retrieval [5,15]
 *                           ├─ c1 chat [20,40]
 *                           ├─ ta execute_tool search [45,70]   (not waited for: tb ends later)
 *                           ├─ tb execute_tool calc [50,80] ── http [60,65]
 *                           ├─ tc execute_tool search [82,90] ── cc chat [84,86]
 *                           └─ late execute_tool late [95,120]  (outlives the run: async)
 * Path, walked back from 100 (late's (100,120] is after the run): run (90,100], tc (86,90],
 * cc (84,86], tc (82,84], run (80,82], tb (65,80], http (60,65], tb (50,60], run (40,50],
 * c1 (20,40], run (15,20], ret (5,15], run (0,5].
 * model 20 + 2 = 22; retrieval 10; calc 15 + 5 + 10 = 30; search 4 + 2 = 6; late 0;
 * own 10 + 2 + 10 + 5 + 5 = 32; 22 + 10 + 30 + 6 + 32 = 100.
 *
 * run3 invoke_agent [200,300] ─┬─ sub invoke_agent [210,250] ── t1 execute_tool outer [220,240]
 *                              │     ── t2 execute_tool inner [225,235] ── r retrieval [228,232]
 *                              └─ c chat [260,280] ── t3 execute_tool inner [265,270]
 * Path: run3 (280,300], c (270,280], t3 (265,270], c (260,265], run3 (250,260], sub (240,250],
 * t1 (235,240], t2 (232,235], r (228,232], t2 (225,228], t1 (220,225], sub (210,220], run3 (200,210].
 * model 10 + 5 (t3 inside a model call) + 5 = 20; retrieval 4 (inside two tools); outer 5 + 3 + 3 + 5
 * = 16 (t2 inside t1 is t1's); inner 0; own 20 + 10 + 10 + 10 + 10 = 60 (the nested agent's own).
 */
const analysis = analysedHandSpans([
  { id: 'run', start: 0, end: 100, attrs: op('invoke_agent') },
  { id: 'ret', parent: 'run', start: 5, end: 15, attrs: op('retrieval') },
  { id: 'c1', parent: 'run', start: 20, end: 40, attrs: op('chat') },
  { id: 'ta', parent: 'run', start: 45, end: 70, attrs: tool('search') },
  { id: 'tb', parent: 'run', start: 50, end: 80, attrs: tool('calc') },
  { id: 'http', parent: 'tb', start: 60, end: 65, kind: 'CLIENT' },
  { id: 'tc', parent: 'run', start: 82, end: 90, attrs: tool('search') },
  { id: 'cc', parent: 'tc', start: 84, end: 86, attrs: op('chat') },
  { id: 'late', parent: 'run', start: 95, end: 120, attrs: tool('late') },
  { id: 'run3', start: 200, end: 300, attrs: op('invoke_agent') },
  { id: 'sub', parent: 'run3', start: 210, end: 250, attrs: op('invoke_agent') },
  { id: 't1', parent: 'sub', start: 220, end: 240, attrs: tool('outer') },
  { id: 't2', parent: 't1', start: 225, end: 235, attrs: tool('inner') },
  { id: 'r', parent: 't2', start: 228, end: 232, attrs: op('retrieval') },
  { id: 'c', parent: 'run3', start: 260, end: 280, attrs: op('chat') },
  { id: 't3', parent: 'c', start: 265, end: 270, attrs: tool('inner') },
]);

describe('agentPaths', () => {
  it('splits the critical path inside each run by the steps it waited on', () => {
    expect(agentPaths(analysis)).toEqual([
      {
        span: handSpan(analysis, 'run'),
        duration: 100 * US,
        length: 100 * US,
        model: 22 * US,
        retrieval: 10 * US,
        tools: [
          { tool: 'calc', time: 30 * US },
          { tool: 'late', time: 0 },
          { tool: 'search', time: 6 * US },
        ],
        own: 32 * US,
      },
      {
        span: handSpan(analysis, 'run3'),
        duration: 100 * US,
        length: 100 * US,
        model: 20 * US,
        retrieval: 4 * US,
        tools: [
          { tool: 'inner', time: 0 },
          { tool: 'outer', time: 16 * US },
        ],
        own: 60 * US,
      },
    ]);
  });

  /*
   * R SERVER [0,50] ── run invoke_agent [10,100] (outlives R: async) ─┬─ c chat [20,60]
   *                                                                   └─ t execute_tool fetch [70,90]
   * async: R owns (0,50]; the run is on the path after R ends: c (50,60], run (60,70], t (70,90],
   * run (90,100] → model 10, fetch 20, own 20, length 50 of the run's 90.
   * sync: R (0,50], then the gap (50,100]: the run is never on the path.
   */
  const asyncRun = analysedHandSpans([
    { id: 'R', start: 0, end: 50, kind: 'SERVER' },
    { id: 'run', parent: 'R', start: 10, end: 100, attrs: op('invoke_agent') },
    { id: 'c', parent: 'run', start: 20, end: 60, attrs: op('chat') },
    { id: 't', parent: 'run', start: 70, end: 90, attrs: tool('fetch') },
  ]);

  it('follows the analysis’s path mode: an async run is on the async path only after its parent ends', () => {
    const span = handSpan(asyncRun, 'run');
    expect(agentPaths(withPathMode(asyncRun, 'async'))).toEqual([
      {
        span,
        duration: 90 * US,
        length: 50 * US,
        model: 10 * US,
        retrieval: 0,
        tools: [{ tool: 'fetch', time: 20 * US }],
        own: 20 * US,
      },
    ]);
    expect(agentPaths(withPathMode(asyncRun, 'sync'))).toEqual([
      { span, duration: 90 * US, length: 0, model: 0, retrieval: 0, tools: [{ tool: 'fetch', time: 0 }], own: 0 },
    ]);
  });

  it('finds no run in a trace without invoke_agent', () => {
    expect(agentPaths(analysedHandSpans([{ id: 'a', start: 0, end: 10, attrs: op('chat') }]))).toEqual([]);
  });
});

describe('agentPaths over the agent-workflow generator', () => {
  const batch = generateAgentBatch({ seed: 21, count: 60, nowUs: 1_700_000_000_000_000 });

  it('splits each run’s path as the truth says: whole steps, and of two tool calls at once the one that ended last', () => {
    // some runs have a tool call the path does not wait for
    expect(batch.truth.filter((t) => Object.values(t.path.toolUs).includes(0)).length).toBeGreaterThan(5);
    batch.truth.forEach((truth, k) => {
      const analysis = analysedGenTrace(batch.traces[k]);
      for (const mode of ['async', 'sync'] as const) {
        const [path, ...others] = agentPaths(withPathMode(analysis, mode));
        expect(others).toEqual([]);
        expect(path).toEqual({
          span: path.span,
          duration: truth.durationUs * US,
          length: truth.durationUs * US,
          model: truth.path.modelUs * US,
          retrieval: truth.path.retrievalUs * US,
          tools: Object.entries(truth.path.toolUs)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([tool, us]) => ({ tool, time: us * US })),
          own: truth.path.ownUs * US,
        });
      }
    });
  });
});

/**
 * Random steps under one run, each instant of each mode's path decided by an oracle that walks up
 * from the section's span: the part of the enclosing steps by the header's order.
 */
describe('agentPaths (property)', () => {
  const OPS = ['chat', 'retrieval', 'execute_tool', 'invoke_agent', 'none'] as const;
  const stepArb = fc.record({
    op: fc.constantFrom(...OPS),
    parent: fc.integer({ min: 0, max: 7 }),
    consumer: fc.boolean(),
    inside: fc.boolean(),
    start: fc.integer({ min: 0, max: 12 }),
    length: fc.integer({ min: 0, max: 30 }),
  });
  const runArb = fc.record({ duration: fc.integer({ min: 1, max: 40 }), steps: fc.array(stepArb, { maxLength: 8 }) });

  it('gives each instant of the run’s path to the part of the steps it is in, and the parts add up', () => {
    fc.assert(
      fc.property(runArb, ({ duration, steps }) => {
        const spans: HandSpan[] = [{ id: 'run', start: 0, end: duration, attrs: op('invoke_agent') }];
        steps.forEach((s, k) => {
          const attrs = s.op === 'none' ? {} : s.op === 'execute_tool' ? tool(`t${k % 3}`) : op(s.op);
          const parent = spans[s.parent % spans.length];
          const start = parent.start + s.start;
          const end = s.inside ? Math.max(start, Math.min(start + s.length, parent.end)) : start + s.length;
          spans.push({ id: `s${k}`, parent: parent.id, start, end, attrs });
          spans[spans.length - 1].kind = s.consumer ? 'CONSUMER' : 'INTERNAL';
        });
        const analysed = analysedHandSpans(spans);
        const { tree, intervals, trace } = analysed;
        const run = handSpan(analysed, 'run');
        const [split] = agentSplits(analysed);
        const opOf = (i: number) => spans.find((s) => handSpan(analysed, s.id) === i)!.attrs?.['gen_ai.operation.name'];
        const toolOf = (i: number) => spans.find((s) => handSpan(analysed, s.id) === i)!.attrs?.['gen_ai.tool.name'];
        const isStep = (i: number) =>
          Math.max(intervals.effStart[i], intervals.effStart[run]) <
          Math.min(intervals.effEnd[i], intervals.effEnd[run]);
        for (const mode of ['async', 'sync'] as const) {
          const [path] = agentPaths(withPathMode(analysed, mode));
          const sections = analysed.paths[mode];
          const expected = { model: 0, retrieval: 0, own: 0, tools: new Map<string, number>(), length: 0 };
          for (let t = 0; t < duration; t++) {
            let k = 0;
            while (k < sections.span.length && !(sections.start[k] <= t * US && sections.end[k] >= (t + 1) * US)) {
              k++;
            }
            const chain: number[] = [];
            for (let i = k < sections.span.length ? sections.span[k] : -1; i >= 0; i = tree.parent[i]) {
              chain.push(i);
            }
            if (!chain.includes(run)) {
              continue;
            }
            expected.length++;
            const steps = chain.slice(0, chain.indexOf(run)).filter(isStep);
            const tools = steps.filter((i) => opOf(i) === 'execute_tool');
            if (steps.some((i) => MODEL_OPERATIONS.includes(String(opOf(i))))) {
              expected.model++;
            } else if (steps.some((i) => opOf(i) === 'retrieval')) {
              expected.retrieval++;
            } else if (tools.length > 0) {
              const name = String(toolOf(tools[tools.length - 1]));
              expected.tools.set(name, (expected.tools.get(name) ?? 0) + 1);
            } else {
              expected.own++;
            }
          }
          expect(trace.spanCount).toBe(spans.length);
          expect(path.duration).toBe(split.duration);
          expect(path.tools.map((x) => x.tool)).toEqual(split.tools.map((x) => x.tool));
          expect([path.length, path.model, path.retrieval, path.own].map((ns) => ns / US)).toEqual([
            expected.length,
            expected.model,
            expected.retrieval,
            expected.own,
          ]);
          expect(path.tools.map((x) => x.time / US)).toEqual(path.tools.map((x) => expected.tools.get(x.tool) ?? 0));
          const sum = path.model + path.retrieval + path.own + path.tools.reduce((a, x) => a + x.time, 0);
          expect(sum).toBe(path.length);
        }
      }),
      { numRuns: 300 }
    );
  });
});
