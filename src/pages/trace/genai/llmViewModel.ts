/**
 * What the trace page's LLM view shows for one trace: the GenAI spans summed per model and
 * operation (engine `aggregateGenAi` over `genAiReadings`: requests, TTFT, decode and queue
 * p50/p90/p99, tokens, pooled output tokens per second), the disaggregated-serving split of the
 * trace's self time (engine `disaggSplit`: prefill, decode, worker queue, network, routing) with
 * each part's share of their sum, and the warnings about values left out. Definitions:
 * src/engine/DEFINITIONS.md §6.1–6.3. Numbers stay ns; the component formats them.
 * O(spans × their attributes) plus the percentile sorts.
 */
import {
  aggregateGenAi,
  disaggSplit,
  DisaggSplit,
  genAiReadings,
  GenAiRow,
  GenAiWarning,
  TraceAnalysis,
} from '../../../engine';

export interface SplitPart {
  /** the part; the component words it */
  key: keyof DisaggSplit;
  /** ns */
  time: number;
  /** of the parts' sum (NaN when it is 0) */
  share: number;
}

export interface LlmView {
  /** per model and operation, sorted by model then operation */
  rows: GenAiRow[];
  /** null for a trace without a prefill or decode span */
  split: SplitPart[] | null;
  /** the values left out; the component words them */
  warnings: GenAiWarning[];
}

/** the parts in the order shown */
const PARTS: ReadonlyArray<keyof DisaggSplit> = ['prefill', 'decode', 'workerQueue', 'network', 'routing'];

function splitParts(split: DisaggSplit): SplitPart[] {
  const total = PARTS.reduce((sum, key) => sum + split[key], 0);
  return PARTS.map((key) => ({ key, time: split[key], share: total > 0 ? split[key] / total : NaN }));
}

export function llmView(analysis: TraceAnalysis): LlmView {
  const { readings, warnings } = genAiReadings(analysis);
  const split = disaggSplit(analysis);
  return {
    rows: aggregateGenAi(readings),
    split: split && splitParts(split),
    warnings,
  };
}

/** True when the trace has neither a GenAI span nor a disaggregated split. */
export const isLlmViewEmpty = (view: LlmView) => view.rows.length === 0 && view.split === null;
