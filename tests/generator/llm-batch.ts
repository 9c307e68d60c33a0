/**
 * Deterministic batches of the llm-disaggregated topology (llm-topology.ts): the seed fixes every
 * request's plan, ids and durations; `nowUs` only places the batch in time (requests end before
 * it). About one request in four is detached (its decode part in a trace of its own), half record
 * time to first token as an attribute and half as an event; models and operations are drawn.
 */
import { seededRandom } from '../support/random';
import { BatchBasics, GenTrace, requestStarts } from './model';
import { buildLlmRequest, LLM_MODELS, LlmPlan } from './llm-topology';
import { llmRequestTruth, LlmRequestTruth } from './llm-truth';

export interface LlmBatch {
  /** every request's traces, in request order (a detached request has two) */
  traces: GenTrace[];
  truth: LlmRequestTruth[];
}

/** Longest request the topology draws, µs (a decode of 800 tokens at 6 ms each, plus the rest). */
const LONGEST_REQUEST_US = 6_000_000;

export function generateLlmBatch(options: BatchBasics): LlmBatch {
  const rng = seededRandom(options.seed);
  const starts = requestStarts(options, LONGEST_REQUEST_US);
  const traces: GenTrace[] = [];
  const truth: LlmRequestTruth[] = [];
  for (let i = 0; i < options.count; i++) {
    const plan: LlmPlan = {
      requestId: `llm-${options.seed}-${rng.hex(6)}`,
      model: rng.pick(LLM_MODELS),
      operation: rng.next() < 0.75 ? 'chat' : 'text_completion',
      ttftAs: rng.next() < 0.5 ? 'attribute' : 'event',
      detached: rng.next() < 0.25,
    };
    const request = buildLlmRequest(rng, plan, starts[i]);
    traces.push(...request.traces);
    truth.push(llmRequestTruth(request, plan));
  }
  return { traces, truth };
}
