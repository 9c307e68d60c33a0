/**
 * The compare page's "LLM calls per model": the GenAI spans (engine genai.ts) of the slow set and
 * of the baseline, per model and operation, filled in as traces arrive (each trace's readings
 * folded once into its side's engine `GenAiAccumulator`, like compareProgress.ts). Per side:
 * requests per trace (the row's GenAI spans ÷ the side's loaded traces), TTFT p50 and p90,
 * decode time p50, queue time p50 (ns, nearest rank; NaN where no span has the figure) and output
 * tokens per second (null where unknown); the difference is slow − baseline (NaN or null where
 * either side lacks the figure). Rows sorted by model, then operation; no rows while neither side
 * has a GenAI span. `update` is O(spans) per new trace plus the rows' percentile sorts.
 */
import { GenAiAccumulator, genAiReadings, GenAiRow } from '../../engine';
import { Arrivals, SetFeed, Side } from './compareProgress';
import type { Split } from './compareModel';

export interface LlmFigures {
  requestsPerTrace: number;
  /** ns */
  ttftP50: number;
  ttftP90: number;
  decodeP50: number;
  queueP50: number;
  outputTokensPerSecond: number | null;
}

export interface LlmCompareRow {
  model: string;
  operation: string;
  /** a side without a span of this model and operation: 0 requests, no figures */
  slow: LlmFigures;
  baseline: LlmFigures;
  /** slow − baseline */
  delta: LlmFigures;
}

const NONE: LlmFigures = {
  requestsPerTrace: 0,
  ttftP50: NaN,
  ttftP90: NaN,
  decodeP50: NaN,
  queueP50: NaN,
  outputTokensPerSecond: null,
};

function figures(row: GenAiRow | undefined, traces: number): LlmFigures {
  return row
    ? {
        requestsPerTrace: row.requests / traces,
        ttftP50: row.ttft.p50,
        ttftP90: row.ttft.p90,
        decodeP50: row.decodeTime.p50,
        queueP50: row.queueTime.p50,
        outputTokensPerSecond: row.outputTokensPerSecond,
      }
    : NONE;
}

function difference(slow: LlmFigures, baseline: LlmFigures): LlmFigures {
  const rate = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    requestsPerTrace: slow.requestsPerTrace - baseline.requestsPerTrace,
    ttftP50: slow.ttftP50 - baseline.ttftP50,
    ttftP90: slow.ttftP90 - baseline.ttftP90,
    decodeP50: slow.decodeP50 - baseline.decodeP50,
    queueP50: slow.queueP50 - baseline.queueP50,
    outputTokensPerSecond: rate(slow.outputTokensPerSecond, baseline.outputTokensPerSecond),
  };
}

const rowKey = (r: GenAiRow) => JSON.stringify([r.model, r.operation]);

export class LlmCompareProgress {
  private readonly feed: SetFeed;
  private readonly sides: Record<Side, GenAiAccumulator> = {
    slow: new GenAiAccumulator(),
    baseline: new GenAiAccumulator(),
  };

  constructor(sets: Split) {
    // GenAI figures do not depend on the critical path: any mode
    this.feed = new SetFeed(sets, 'async');
  }

  /** Folds in what arrived since the last call; the rows of all loaded so far (see the file header). */
  update(arrivals: Arrivals): LlmCompareRow[] {
    this.feed.feed(arrivals, (side, _traceId, analysis) => this.sides[side].add(genAiReadings(analysis).readings));
    const slow = new Map(this.sides.slow.rows().map((r) => [rowKey(r), r]));
    const baseline = new Map(this.sides.baseline.rows().map((r) => [rowKey(r), r]));
    const { taken } = this.feed;
    return [...new Set([...slow.keys(), ...baseline.keys()])]
      .map((key) => {
        const [model, operation]: [string, string] = JSON.parse(key);
        const s = figures(slow.get(key), taken.slow);
        const b = figures(baseline.get(key), taken.baseline);
        return { model, operation, slow: s, baseline: b, delta: difference(s, b) };
      })
      .sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : a.operation < b.operation ? -1 : 1));
  }
}
