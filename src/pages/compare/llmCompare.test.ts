import { analysedGenTrace, analysedHandSpans } from '../../engine/testing/genai-spans';
import { generateLlmBatch } from '../../../tests/generator/llm-batch';
import { splitSlowest } from './compareModel';
import { LlmCompareProgress } from './llmCompare';
import { arrivals, loaded } from './testing/arrivals';

const US = 1000;

/** A request handled by `llm`'s SERVER span [0,end] µs with one m1 chat span [start,stop], or none. */
const request = (end: number, chat?: { start: number; stop: number; ttftMs: number; tokens: number }) =>
  loaded(
    analysedHandSpans([
      { id: 'fe', service: 'llm', kind: 'SERVER', start: 0, end },
      ...(chat
        ? [
            {
              id: 'chat',
              parent: 'fe',
              service: 'llm',
              start: chat.start,
              end: chat.stop,
              attrs: {
                'gen_ai.operation.name': 'chat',
                'gen_ai.request.model': 'm1',
                'gen_ai.usage.output_tokens': chat.tokens,
                ttft_ms: chat.ttftMs,
              },
            },
          ]
        : []),
    ])
  );

describe('LlmCompareProgress', () => {
  it('compares the sets per model and operation, filling in as traces arrive', () => {
    const a = arrivals();
    const llm = new LlmCompareProgress({ slow: ['s'], baseline: ['b1', 'b2'], thresholdMs: 1 });
    expect(llm.update(a)).toEqual([]);
    // slow: chat [100,900] µs, TTFT 200, so decode 900 − 300 = 600, queue 100 (its SERVER parent
    // starts at 0), 70 tokens over 600 µs = 116,666.7 tokens/s
    a.arrive('s', request(1000, { start: 100, stop: 900, ttftMs: 0.2, tokens: 70 }));
    const [first] = llm.update(a);
    expect(first.slow.requestsPerTrace).toBe(1);
    expect(first.baseline.requestsPerTrace).toBe(0);
    expect(first.delta.ttftP50).toBeNaN();
    // b1: chat [50,450], TTFT 100, decode 450 − 150 = 300, queue 50, 60 tokens / 300 µs = 200,000/s;
    // b2 calls no model: one request over two baseline traces
    a.arrive('b1', request(500, { start: 50, stop: 450, ttftMs: 0.1, tokens: 60 }));
    a.arrive('b2', request(500));
    const rows = llm.update(a);
    expect(rows.map((r) => [r.model, r.operation])).toEqual([['m1', 'chat']]);
    const [row] = rows;
    expect(row.slow).toEqual({
      requestsPerTrace: 1,
      ttftP50: 200 * US,
      ttftP90: 200 * US,
      decodeP50: 600 * US,
      queueP50: 100 * US,
      outputTokensPerSecond: expect.closeTo(116_666.667, 2),
    });
    expect(row.baseline).toEqual({
      requestsPerTrace: 0.5,
      ttftP50: 100 * US,
      ttftP90: 100 * US,
      decodeP50: 300 * US,
      queueP50: 50 * US,
      outputTokensPerSecond: 200_000,
    });
    expect(row.delta).toEqual({
      requestsPerTrace: 0.5,
      ttftP50: 100 * US,
      ttftP90: 100 * US,
      decodeP50: 300 * US,
      queueP50: 50 * US,
      outputTokensPerSecond: expect.closeTo(-83_333.333, 2),
    });
  });
});

describe('LlmCompareProgress over the llm-disaggregated generator', () => {
  // 40 requests (seed 15), their traces split as the page splits them: the slowest 25% by duration
  const batch = generateLlmBatch({ seed: 15, count: 40, nowUs: 1_700_000_000_000_000 });
  const durations = new Map(batch.truth.flatMap((r) => r.traces.map((t) => [t.traceId, t.durationUs])));
  const split = splitSlowest(
    batch.traces.map((t) => ({ traceId: t.traceId, durationMs: durations.get(t.traceId)! / 1000 })),
    0.25
  );
  const a = arrivals();
  batch.traces.forEach((t) => a.arrive(t.traceId, loaded(analysedGenTrace(t))));
  const rows = new LlmCompareProgress(split).update(a);

  /** The truth's figures of one side's requests of one model and operation (nearest rank, as percentile.ts). */
  function truthOf(ids: string[], model: string, operation: string) {
    const side = new Set(ids);
    const requests = batch.truth.filter(
      (r) => side.has(r.traces[0].traceId) && r.model === model && r.operation === operation
    );
    const rank = (values: number[], q: number) =>
      [...values].sort((x, y) => x - y)[Math.max(1, Math.ceil(q * values.length)) - 1] * US;
    const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);
    return {
      requestsPerTrace: requests.length / ids.length,
      ttftP50: rank(
        requests.map((r) => r.ttftUs),
        0.5
      ),
      ttftP90: rank(
        requests.map((r) => r.ttftUs),
        0.9
      ),
      decodeP50: rank(
        requests.map((r) => r.decodeTimeUs),
        0.5
      ),
      queueP50: rank(
        requests.map((r) => r.queueUs),
        0.5
      ),
      outputTokensPerSecond:
        (sum(requests.map((r) => r.outputTokens)) * 1e6) / sum(requests.map((r) => r.decodeTimeUs)),
    };
  }

  it('has a row per model and operation the batch draws, each side as the generator’s truth says', () => {
    // 40 requests, 10 of them detached (two traces each): 50 traces, 13 slow
    expect(split.slow).toHaveLength(13);
    expect(split.baseline).toHaveLength(37);
    expect(rows.map((r) => `${r.model} ${r.operation}`)).toEqual([
      'llama-3.1-8b-instruct chat',
      'llama-3.1-8b-instruct text_completion',
      'qwen2.5-32b-instruct chat',
      'qwen2.5-32b-instruct text_completion',
    ]);
    for (const row of rows) {
      const slow = truthOf(split.slow, row.model, row.operation);
      const baseline = truthOf(split.baseline, row.model, row.operation);
      expect(row.slow).toEqual({ ...slow, outputTokensPerSecond: expect.closeTo(slow.outputTokensPerSecond, 6) });
      expect(row.baseline).toEqual({
        ...baseline,
        outputTokensPerSecond: expect.closeTo(baseline.outputTokensPerSecond, 6),
      });
    }
  });

  it('shows the slow set’s longer decode in every row; llama chat’s Δ in figures', () => {
    // the slow traces are slow because they decode longer (the topology's decode is 6 ms a token)
    expect(rows.map((r) => r.delta.decodeP50 > 0)).toEqual([true, true, true, true]);
    // llama-3.1-8b-instruct chat: 4 requests in 13 slow traces, 15 in 37 baseline ones
    const [row] = rows;
    expect(row.delta).toEqual({
      requestsPerTrace: 4 / 13 - 15 / 37,
      ttftP50: (53_703 - 106_801) * US,
      ttftP90: (127_711 - 160_620) * US,
      decodeP50: (2_535_307 - 1_244_618) * US,
      queueP50: (1_352 - 1_750) * US,
      outputTokensPerSecond: expect.closeTo(223.513 - 331.435, 2),
    });
  });
});
