import fc from 'fast-check';
import { agentSplits } from './agent';
import { analysedHandSpans, HandSpan, handSpan } from './testing/genai-spans';

const US = 1000;
const op = (name: string, more: Record<string, string> = {}) => ({ 'gen_ai.operation.name': name, ...more });
const tool = (name: string) => op('execute_tool', { 'gen_ai.tool.name': name });

/*
 * run invoke_agent [0,100] ─┬─ ret retrieval [5,15]
 *                           ├─ c1 chat [20,40]
 *                           ├─ ret2 retrieval [35,42]      (model covers 35–40: retrieval gets 2)
 *                           ├─ ta execute_tool search [45,70]
 *                           ├─ tb execute_tool calc [50,80] (ta started first: calc gets 70–80)
 *                           │   └─ http [60,65]            (no operation: not a step)
 *                           ├─ tc execute_tool search [82,90] ── cc chat [84,86] (model time)
 *                           └─ late execute_tool late [95,120] (clipped to the run: 95–100)
 * model 20 + 2 = 22; retrieval 10 + 2 = 12; search 25 + (8 − 2) = 31 in 2 calls; calc 10; late 5;
 * own = the instants with no step: [0,5] [15,20] [42,45] [80,82] [90,95] = 20; 22 + 12 + 46 + 20 = 100.
 * run2 invoke_agent [200,250] ── sub invoke_agent [210,220] ── c3 chat [212,218]: one run (sub is
 * nested), model 6, own 44.
 */
const analysis = analysedHandSpans([
  { id: 'run', start: 0, end: 100, attrs: op('invoke_agent', { 'gen_ai.agent.name': 'helper' }) },
  { id: 'ret', parent: 'run', start: 5, end: 15, attrs: op('retrieval') },
  { id: 'c1', parent: 'run', start: 20, end: 40, attrs: op('chat') },
  { id: 'ret2', parent: 'run', start: 35, end: 42, attrs: op('retrieval') },
  { id: 'ta', parent: 'run', start: 45, end: 70, attrs: tool('search') },
  { id: 'tb', parent: 'run', start: 50, end: 80, attrs: tool('calc') },
  { id: 'http', parent: 'tb', start: 60, end: 65 },
  { id: 'tc', parent: 'run', start: 82, end: 90, attrs: tool('search') },
  { id: 'cc', parent: 'tc', start: 84, end: 86, attrs: op('chat') },
  { id: 'late', parent: 'run', start: 95, end: 120, attrs: tool('late') },
  { id: 'run2', start: 200, end: 250, attrs: op('invoke_agent') },
  { id: 'sub', parent: 'run2', start: 210, end: 220, attrs: op('invoke_agent') },
  { id: 'c3', parent: 'sub', start: 212, end: 218, attrs: op('chat') },
]);

describe('agentSplits', () => {
  const [run, run2, ...more] = agentSplits(analysis);

  it('splits a run into model, retrieval, each tool and own time, overlaps counted once', () => {
    expect(run).toEqual({
      span: handSpan(analysis, 'run'),
      agentName: 'helper',
      duration: 100 * US,
      model: 22 * US,
      retrieval: 12 * US,
      tools: [
        { tool: 'calc', calls: 1, time: 10 * US },
        { tool: 'late', calls: 1, time: 5 * US },
        { tool: 'search', calls: 2, time: 31 * US },
      ],
      own: 20 * US,
    });
  });

  it('takes the outermost invoke_agent span as the run, with nested agents’ steps in it', () => {
    expect(more).toEqual([]);
    expect(run2).toEqual({
      span: handSpan(analysis, 'run2'),
      agentName: '(none)',
      duration: 50 * US,
      model: 6 * US,
      retrieval: 0,
      tools: [],
      own: 44 * US,
    });
  });
});

/** Random runs of steps under one root, with an oracle that decides every µs by the header's rule. */
describe('agentSplits (property)', () => {
  const CATEGORIES = ['chat', 'retrieval', 'execute_tool'] as const;
  const stepArb = fc.record({
    category: fc.constantFrom(...CATEGORIES),
    tool: fc.constantFrom('a', 'b', 'c'),
    start: fc.integer({ min: 0, max: 70 }),
    length: fc.integer({ min: 1, max: 30 }),
  });
  const runArb = fc.record({ duration: fc.integer({ min: 1, max: 60 }), steps: fc.array(stepArb, { maxLength: 8 }) });

  it('gives every instant of the run to exactly one part, as the oracle does', () => {
    fc.assert(
      fc.property(runArb, ({ duration, steps }) => {
        const spans: HandSpan[] = [{ id: 'run', start: 0, end: duration, attrs: op('invoke_agent') }];
        steps.forEach((s, k) => {
          const attrs = s.category === 'execute_tool' ? tool(s.tool) : op(s.category);
          spans.push({ id: `s${k}`, parent: 'run', start: s.start, end: s.start + s.length, attrs });
        });
        const [split] = agentSplits(analysedHandSpans(spans));
        // oracle: each µs [t, t+1] of the run
        const expected = { model: 0, retrieval: 0, own: 0, tools: new Map<string, number>() };
        const order = steps.map((s, k) => ({ ...s, k })).sort((x, y) => x.start - y.start || x.k - y.k);
        for (let t = 0; t < duration; t++) {
          const open = order.filter((s) => s.start <= t && s.start + s.length >= t + 1);
          const firstTool = open.find((s) => s.category === 'execute_tool');
          if (open.some((s) => s.category === 'chat')) {
            expected.model++;
          } else if (open.some((s) => s.category === 'retrieval')) {
            expected.retrieval++;
          } else if (firstTool) {
            expected.tools.set(firstTool.tool, (expected.tools.get(firstTool.tool) ?? 0) + 1);
          } else {
            expected.own++;
          }
        }
        const toolTimes = Object.fromEntries(split.tools.map((t) => [t.tool, t.time / US]));
        const expectedTools = Object.fromEntries(
          [...new Set(steps.filter((s) => s.category === 'execute_tool' && s.start < duration).map((s) => s.tool))].map(
            (name) => [name, expected.tools.get(name) ?? 0]
          )
        );
        expect([split.model / US, split.retrieval / US, split.own / US, toolTimes]).toEqual([
          expected.model,
          expected.retrieval,
          expected.own,
          expectedTools,
        ]);
        const sum = split.model + split.retrieval + split.own + split.tools.reduce((a, t) => a + t.time, 0);
        expect(sum).toBe(split.duration);
      })
    );
  });
});
