import { genAiReadings } from './genai';
import { aggregateGenAi } from './genai-aggregate';
import { analysedHandSpans, handSpan } from './testing/genai-spans';
import { tinyId } from '../../tests/synthetic/tiny';

const US = 1000;

/*
 * fe SERVER [0,1000] ──┬─ chat INTERNAL [100,900]  chat, m1, in 50 / out 40, ttft_ms 0.2, finish [stop]
 *                      │   └─ tc CLIENT [200,700]  text_completion, response model m2 only, out 'abc',
 *                      │                           gen_ai.first_token events at 350 and 400
 *                      ├─ emb INTERNAL [950,990]   embeddings, no model, ttft_ms 'soon', first token event at 940
 *                      ├─ long INTERNAL [960,970]  chat, ttft_ms 0.05 (50 µs, longer than the span)
 *                      └─ plain INTERNAL [910,940] no gen_ai.operation.name
 * chat: TTFT 200 (attribute), decode 900 − 100 − 200 = 600, 40 tokens / 600 µs = 66,666.67/s,
 *       queue 100 − 0 = 100 (its parent is the same service's SERVER span).
 * tc:   TTFT 350 − 200 = 150 (the first of the events), decode 500 − 150 = 350, output tokens
 *       unknown ('abc'), so no rate; no queue time (its parent is INTERNAL).
 * emb:  ttft_ms is not a number and the event is before the span: no TTFT, no decode; model
 *       "(none)"; queue 950 (parent fe).
 * long: TTFT 50 but no decode time; queue 960.
 * Warnings: tc's output tokens, emb's ttft_ms and event, long's TTFT.
 */
const analysis = analysedHandSpans([
  { id: 'fe', service: 'fe', kind: 'SERVER', start: 0, end: 1000 },
  {
    id: 'chat',
    parent: 'fe',
    service: 'fe',
    start: 100,
    end: 900,
    attrs: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'm1',
      'gen_ai.response.model': 'm1-2024',
      'gen_ai.usage.input_tokens': 50,
      'gen_ai.usage.output_tokens': 40,
      'gen_ai.response.finish_reasons': ['stop'],
      ttft_ms: 0.2,
    },
    events: [['gen_ai.first_token', 150]],
  },
  {
    id: 'tc',
    parent: 'chat',
    service: 'fe',
    kind: 'CLIENT',
    start: 200,
    end: 700,
    attrs: {
      'gen_ai.operation.name': 'text_completion',
      'gen_ai.response.model': 'm2',
      'gen_ai.usage.output_tokens': 'abc',
      'gen_ai.response.finish_reasons': 'length',
    },
    events: [
      ['gen_ai.first_token', 400],
      ['gen_ai.first_token', 350],
    ],
  },
  {
    id: 'emb',
    parent: 'fe',
    service: 'fe',
    start: 950,
    end: 990,
    attrs: { 'gen_ai.operation.name': 'embeddings', ttft_ms: 'soon' },
    events: [['gen_ai.first_token', 940]],
  },
  {
    id: 'long',
    parent: 'fe',
    service: 'fe',
    start: 960,
    end: 970,
    attrs: { 'gen_ai.operation.name': 'chat', ttft_ms: 0.05 },
  },
  { id: 'plain', parent: 'fe', service: 'fe', start: 910, end: 940 },
]);

describe('genAiReadings', () => {
  const { readings, warnings } = genAiReadings(analysis);

  it('reads every span with gen_ai.operation.name, and only those', () => {
    expect(readings.map((r) => r.span)).toEqual(['chat', 'tc', 'emb', 'long'].map((id) => handSpan(analysis, id)));
  });

  it('takes TTFT from ttft_ms before any first-token event, and derives decode time, rate and queue time', () => {
    expect(readings[0]).toEqual({
      span: handSpan(analysis, 'chat'),
      operation: 'chat',
      model: 'm1',
      inputTokens: 50,
      outputTokens: 40,
      finishReasons: ['stop'],
      ttft: 200 * US,
      ttftSource: 'attribute',
      decodeTime: 600 * US,
      outputTokensPerSecond: (40 * 1e9) / (600 * US),
      queueTime: 100 * US,
    });
  });

  it('takes TTFT from the earliest first-token event; a non-numeric token count is unknown', () => {
    expect(readings[1]).toMatchObject({
      model: 'm2',
      outputTokens: null,
      finishReasons: ['length'],
      ttft: 150 * US,
      ttftSource: 'event',
      decodeTime: 350 * US,
      outputTokensPerSecond: null,
      queueTime: null,
    });
  });

  it('ignores a ttft_ms that is not a number and a first-token event before the span starts', () => {
    expect(readings[2]).toMatchObject({
      model: '(none)',
      inputTokens: null,
      ttft: null,
      ttftSource: null,
      decodeTime: null,
      queueTime: 950 * US,
    });
  });

  it('gives no decode time when the first token comes after the span ends', () => {
    expect(readings[3]).toMatchObject({ ttft: 50 * US, decodeTime: null, outputTokensPerSecond: null });
  });

  it('warns about each value it leaves out: the span, a code and the values', () => {
    const named = (id: string) => ({ span: handSpan(analysis, id), spanId: tinyId(id), spanLabel: `fe: ${id}` });
    expect(warnings).toEqual([
      {
        ...named('tc'),
        problem: { code: 'tokens-not-count', attribute: 'gen_ai.usage.output_tokens', text: 'abc' },
      },
      { ...named('emb'), problem: { code: 'ttft-not-ms', attribute: 'ttft_ms', text: 'soon' } },
      { ...named('emb'), problem: { code: 'first-token-before-start', event: 'gen_ai.first_token' } },
      // ttft_ms 0.05 = 50 µs against the span's 960–970 µs = 10 µs
      { ...named('long'), problem: { code: 'ttft-longer-than-span', ttft: 50 * US, duration: 10 * US } },
    ]);
  });
});

/*
 * Three chat m1 spans in two traces with TTFT 100, 300, 200 µs, decode 400, 200, 400 µs, queue
 * 0, 600, 50 µs (their start − their SERVER parent's), 5, 6, 7 input and 10, 20, 30 output tokens.
 * Nearest rank of 3 values: p50 is the 2nd smallest, p90 and p99 the 3rd.
 * Rate: (10 + 20 + 30) tokens / (400 + 200 + 400) µs = 60,000 tokens/s.
 */
describe('aggregateGenAi', () => {
  const chat = (id: string, start: number, ttftUs: number, decodeUs: number, input: number, output: number) => ({
    id,
    parent: 'srv',
    service: 'fe',
    start,
    end: start + ttftUs + decodeUs,
    attrs: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'm1',
      'gen_ai.usage.input_tokens': input,
      'gen_ai.usage.output_tokens': output,
      ttft_ms: ttftUs / 1000,
    },
  });
  const one = analysedHandSpans([
    { id: 'srv', service: 'fe', kind: 'SERVER', start: 0, end: 2000 },
    chat('a', 0, 100, 400, 5, 10),
    chat('b', 600, 300, 200, 6, 20),
  ]);
  const two = analysedHandSpans([
    { id: 'srv', service: 'fe', kind: 'SERVER', start: 0, end: 2000 },
    chat('c', 50, 200, 400, 7, 30),
    {
      id: 'tool',
      parent: 'srv',
      service: 'fe',
      start: 700,
      end: 800,
      attrs: { 'gen_ai.operation.name': 'execute_tool' },
    },
  ]);
  const rows = aggregateGenAi([...genAiReadings(one).readings, ...genAiReadings(two).readings]);

  it('has one row per model and operation, sorted', () => {
    expect(rows.map((r) => [r.model, r.operation, r.requests])).toEqual([
      ['(none)', 'execute_tool', 1],
      ['m1', 'chat', 3],
    ]);
  });

  it('gives nearest-rank percentiles, token sums and the pooled output rate', () => {
    expect(rows[1]).toEqual({
      model: 'm1',
      operation: 'chat',
      requests: 3,
      ttft: { p50: 200 * US, p90: 300 * US, p99: 300 * US },
      decodeTime: { p50: 400 * US, p90: 400 * US, p99: 400 * US },
      queueTime: { p50: 50 * US, p90: 600 * US, p99: 600 * US },
      withTtft: 3,
      withDecodeTime: 3,
      withQueueTime: 3,
      inputTokens: 18,
      outputTokens: 60,
      outputTokensPerSecond: 60_000,
    });
  });

  it('leaves the figures no span has as NaN, and the rate null', () => {
    expect(rows[0]).toMatchObject({
      ttft: { p50: NaN, p90: NaN, p99: NaN },
      withTtft: 0,
      inputTokens: 0,
      outputTokensPerSecond: null,
    });
  });
});
