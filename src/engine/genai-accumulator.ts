/**
 * GenAI readings (genai.ts) folded in per model and operation as they come — one trace's, then
 * another's — and summed into rows on demand. Per row: requests (the GenAI spans of that model
 * and operation), exact nearest-rank p50/p90/p99 (percentile.ts) of TTFT, decode time and queue
 * time over the spans where each is known (and how many those are), input and output token sums
 * over the spans reporting them, and the output tokens per second of all of them together:
 * Σ output tokens · 10⁹ / Σ decode time over the spans where both are known and the decode time
 * is > 0 (null when none). Rows sorted by model, then operation. `add` is O(readings); `rows` is
 * O(readings) plus the percentile sorts, and may be taken any number of times.
 */
import type { GenAiReading } from './genai';
import { Percentiles, percentiles } from './percentile';

export interface GenAiRow {
  model: string;
  operation: string;
  requests: number;
  /** ns; NaN when no span of the row has the figure */
  ttft: Percentiles;
  decodeTime: Percentiles;
  queueTime: Percentiles;
  /** spans with each figure known */
  withTtft: number;
  withDecodeTime: number;
  withQueueTime: number;
  inputTokens: number;
  outputTokens: number;
  outputTokensPerSecond: number | null;
}

interface RowValues {
  model: string;
  operation: string;
  requests: number;
  ttft: number[];
  decodeTime: number[];
  queueTime: number[];
  inputTokens: number;
  outputTokens: number;
  /** Σ output tokens and Σ decode time (ns) of the spans with both */
  rateTokens: number;
  rateTime: number;
}

export class GenAiAccumulator {
  private readonly values = new Map<string, RowValues>();

  /** Folds in `readings` (of one trace or many). */
  add(readings: Iterable<GenAiReading>): void {
    for (const r of readings) {
      const key = JSON.stringify([r.model, r.operation]);
      let row = this.values.get(key);
      if (!row) {
        row = {
          model: r.model,
          operation: r.operation,
          requests: 0,
          ttft: [],
          decodeTime: [],
          queueTime: [],
          inputTokens: 0,
          outputTokens: 0,
          rateTokens: 0,
          rateTime: 0,
        };
        this.values.set(key, row);
      }
      row.requests++;
      if (r.ttft !== null) {
        row.ttft.push(r.ttft);
      }
      if (r.decodeTime !== null) {
        row.decodeTime.push(r.decodeTime);
      }
      if (r.queueTime !== null) {
        row.queueTime.push(r.queueTime);
      }
      row.inputTokens += r.inputTokens ?? 0;
      row.outputTokens += r.outputTokens ?? 0;
      if (r.outputTokens !== null && r.decodeTime !== null && r.decodeTime > 0) {
        row.rateTokens += r.outputTokens;
        row.rateTime += r.decodeTime;
      }
    }
  }

  /** The rows of everything added so far (see the file header). */
  rows(): GenAiRow[] {
    return [...this.values.values()]
      .sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : a.operation < b.operation ? -1 : 1))
      .map((row) => ({
        model: row.model,
        operation: row.operation,
        requests: row.requests,
        ttft: percentiles(Float64Array.from(row.ttft)),
        decodeTime: percentiles(Float64Array.from(row.decodeTime)),
        queueTime: percentiles(Float64Array.from(row.queueTime)),
        withTtft: row.ttft.length,
        withDecodeTime: row.decodeTime.length,
        withQueueTime: row.queueTime.length,
        inputTokens: row.inputTokens,
        outputTokens: row.outputTokens,
        outputTokensPerSecond: row.rateTime > 0 ? (row.rateTokens * 1e9) / row.rateTime : null,
      }));
  }
}
