import fc from 'fast-check';
import type { GenAiReading } from './genai';
import { GenAiAccumulator } from './genai-accumulator';
import { aggregateGenAi } from './genai-aggregate';

const US = 1000;

/** A reading of `model`'s chat with these figures (µs; null unknown). */
const reading = (
  model: string,
  ttft: number | null,
  decode: number | null,
  queue: number | null,
  outputTokens: number | null
): GenAiReading => ({
  span: 0,
  operation: 'chat',
  model,
  inputTokens: 10,
  outputTokens,
  finishReasons: [],
  ttft: ttft === null ? null : ttft * US,
  ttftSource: ttft === null ? null : 'attribute',
  decodeTime: decode === null ? null : decode * US,
  outputTokensPerSecond: null,
  queueTime: queue === null ? null : queue * US,
});

describe('GenAiAccumulator', () => {
  it('folds in trace after trace, and its rows at each point are those of everything so far', () => {
    const accumulator = new GenAiAccumulator();
    accumulator.add([reading('m1', 100, 400, 20, 40)]);
    // one m1 chat: 40 tokens over 400 µs = 100,000 tokens/s
    expect(accumulator.rows()).toMatchObject([
      { model: 'm1', requests: 1, ttft: { p50: 100 * US }, outputTokens: 40, outputTokensPerSecond: 100_000 },
    ]);
    accumulator.add([reading('m1', 300, 600, null, 20), reading('m0', null, null, 5, null)]);
    // m1: TTFT {100, 300} → p50 100, p90 300; tokens 60 over 1,000 µs = 60,000/s; queue known once.
    // m0 sorts first and has no TTFT, decode or tokens/s
    expect(accumulator.rows()).toMatchObject([
      { model: 'm0', requests: 1, withTtft: 0, withQueueTime: 1, outputTokensPerSecond: null },
      {
        model: 'm1',
        requests: 2,
        ttft: { p50: 100 * US, p90: 300 * US },
        decodeTime: { p50: 400 * US, p90: 600 * US },
        withQueueTime: 1,
        inputTokens: 20,
        outputTokens: 60,
        outputTokensPerSecond: 60_000,
      },
    ]);
    expect(accumulator.rows()[0].ttft.p50).toBeNaN();
  });

  it('gives the rows aggregateGenAi gives for all the readings, however they are cut into traces', () => {
    const figure = fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null });
    const readingArb = fc
      .tuple(fc.constantFrom('a', 'b', 'c'), figure, figure, figure, figure)
      .map(([model, ttft, decode, queue, tokens]) => reading(model, ttft, decode, queue, tokens));
    fc.assert(
      fc.property(fc.array(fc.array(readingArb, { maxLength: 6 }), { maxLength: 6 }), (traces) => {
        const accumulator = new GenAiAccumulator();
        traces.forEach((t) => accumulator.add(t));
        expect(accumulator.rows()).toEqual(aggregateGenAi(traces.flat()));
      })
    );
  });
});
