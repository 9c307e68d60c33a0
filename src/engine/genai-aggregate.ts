/**
 * GenAI readings (genai.ts) of many traces summed per model and operation, all at once: the rows
 * of a `GenAiAccumulator` (genai-accumulator.ts, which defines every figure) given them all.
 * O(readings) plus the percentile sorts.
 */
import type { GenAiReading } from './genai';
import { GenAiAccumulator, GenAiRow } from './genai-accumulator';

export type { GenAiRow } from './genai-accumulator';

/** Sums `readings` (of any number of traces) per model and operation. */
export function aggregateGenAi(readings: Iterable<GenAiReading>): GenAiRow[] {
  const accumulator = new GenAiAccumulator();
  accumulator.add(readings);
  return accumulator.rows();
}
