import fc from 'fast-check';
import { aggregateTraces } from './aggregate';
import { breakdown } from './breakdown';
import { genAiReadings } from './genai';
import { commonKeysFirst } from './group-keys';
import { groupSpans, NONE_LABEL } from './grouping';
import { analysedHandSpans, HandSpan } from './testing/genai-spans';

const US = 1000;
const chat = (attrs: Record<string, string>) => ({ 'gen_ai.operation.name': 'chat', ...attrs });

/*
 * An agent run a [0,100] µs with, one after the other:
 *   c1 chat [10,40] request gpt-4o, response gpt-4o-2024-08-06, calling the gateway h [15,35];
 *   t  execute_tool [40,60] (no model);
 *   c2 chat [60,90] with only a response model, claude-3;
 *   e  embeddings [90,95] request text-embed.
 * Self: a = 100 − (30 + 20 + 30 + 5) = 15, c1 = 30 − 20 = 10, h = 20, t = 20, c2 = 30, e = 5.
 * Nothing overlaps, so each span's critical-path time is its self time.
 * By model: c1 → gpt-4o (the request model wins) 10; c2 → claude-3 (the response model, no request
 * model) 30; e → text-embed 5; a, h, t → (none) 15 + 20 + 20 = 55.
 */
const runSpans: HandSpan[] = [
  { id: 'a', service: 'agent', start: 0, end: 100, attrs: { 'gen_ai.operation.name': 'invoke_agent' } },
  {
    id: 'c1',
    parent: 'a',
    service: 'agent',
    start: 10,
    end: 40,
    attrs: chat({ 'gen_ai.request.model': 'gpt-4o', 'gen_ai.response.model': 'gpt-4o-2024-08-06' }),
  },
  { id: 'h', parent: 'c1', service: 'gateway', start: 15, end: 35 },
  { id: 't', parent: 'a', service: 'agent', start: 40, end: 60, attrs: { 'gen_ai.operation.name': 'execute_tool' } },
  { id: 'c2', parent: 'a', service: 'agent', start: 60, end: 90, attrs: chat({ 'gen_ai.response.model': 'claude-3' }) },
  {
    id: 'e',
    parent: 'a',
    service: 'agent',
    start: 90,
    end: 95,
    attrs: { 'gen_ai.operation.name': 'embeddings', 'gen_ai.request.model': 'text-embed' },
  },
];
const run = analysedHandSpans(runSpans);

describe('grouping by model', () => {
  it('gives each model its spans’ self and critical-path time, the rest to (none)', () => {
    const rows = breakdown(run, { kind: 'model' });
    expect(rows.map((r) => [r.label, r.parts, r.count, r.selfTotal / US, r.criticalPath / US])).toEqual([
      [NONE_LABEL, [null], 3, 55, 55],
      ['claude-3', ['claude-3'], 1, 30, 30],
      ['gpt-4o', ['gpt-4o'], 1, 10, 10],
      ['text-embed', ['text-embed'], 1, 5, 5],
    ]);
  });

  it('differs from grouping by the request-model attribute only where a span names just its response model', () => {
    const rows = breakdown(run, { kind: 'attribute', key: 'gen_ai.request.model' });
    // c2's 30 µs go to (none): 55 + 30 = 85
    expect(rows.map((r) => [r.label, r.selfTotal / US])).toEqual([
      [NONE_LABEL, 85],
      ['gpt-4o', 10],
      ['text-embed', 5],
    ]);
  });

  it('merges a model’s spans across traces', () => {
    // a second run whose one chat call [0,40] µs is gpt-4o's: 10 + 40 = 50 µs of gpt-4o in 2 traces
    const second = analysedHandSpans([
      { id: 'b', service: 'agent', start: 0, end: 40, attrs: chat({ 'gen_ai.request.model': 'gpt-4o' }) },
    ]);
    const gpt = aggregateTraces([run, second], { kind: 'model' }).rows.find((r) => r.label === 'gpt-4o');
    expect([gpt?.traces, gpt?.count, (gpt?.selfTotal ?? 0) / US]).toEqual([2, 2, 50]);
  });

  it('names the same model as the LLM view for every span (property)', () => {
    const model = fc.option(fc.constantFrom('m1', 'm2', 'm3'), { nil: undefined });
    const spans = fc.array(fc.record({ request: model, response: model, genAi: fc.boolean() }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(spans, (specs) => {
        const analysis = analysedHandSpans([
          { id: 'root', start: 0, end: 100 },
          ...specs.map((s, k) => ({
            id: `s${k}`,
            parent: 'root',
            start: k,
            end: k + 50,
            attrs: {
              ...(s.genAi ? { 'gen_ai.operation.name': 'chat' } : {}),
              ...(s.request ? { 'gen_ai.request.model': s.request } : {}),
              ...(s.response ? { 'gen_ai.response.model': s.response } : {}),
            },
          })),
        ]);
        const grouping = groupSpans(analysis.trace, { kind: 'model' });
        const labelOf = (span: number) => grouping.labels[grouping.groupOf[span]];
        // span k + 1 is specs[k] (the root comes first)
        specs.forEach((s, k) => expect(labelOf(k + 1)).toBe(s.request ?? s.response ?? NONE_LABEL));
        for (const reading of genAiReadings(analysis).readings) {
          expect(labelOf(reading.span)).toBe(reading.model);
        }
      }),
      { numRuns: 60 }
    );
  });
});

describe('commonKeysFirst', () => {
  it('puts the GenAI and agent keys present first, in their order, then the rest sorted, each once', () => {
    const keys = ['http.route', 'sid', 'gen_ai.tool.name', 'app_id', 'db.system', 'gen_ai.request.model', 'sid'];
    expect(commonKeysFirst(keys)).toEqual([
      'gen_ai.request.model',
      'gen_ai.tool.name',
      'app_id',
      'sid',
      'db.system',
      'http.route',
    ]);
  });
});
