/**
 * Deterministic batches of the llm-disaggregated topology (llm-topology.ts): the seed fixes every
 * request's plan, ids and durations; `nowUs` only places the batch in time (requests end before
 * it). About one request in four is detached (its decode part in a trace of its own: such a
 * request has two traces), half record time to first token as an attribute and half as an event;
 * models and operations are drawn.
 */
import { BatchBasics, drawBatch, DrawnBatch } from './model';
import { buildLlmRequest, LLM_MODELS, LlmPlan } from './llm-topology';
import { llmRequestTruth, LlmRequestTruth } from './llm-truth';

/** Longest request the topology draws, µs (a decode of 800 tokens at 6 ms each, plus the rest). */
const LONGEST_REQUEST_US = 6_000_000;

export function generateLlmBatch(options: BatchBasics): DrawnBatch<LlmRequestTruth> {
  return drawBatch(options, LONGEST_REQUEST_US, (rng, startUs) => {
    const plan: LlmPlan = {
      requestId: `llm-${options.seed}-${rng.hex(6)}`,
      model: rng.pick(LLM_MODELS),
      operation: rng.next() < 0.75 ? 'chat' : 'text_completion',
      ttftAs: rng.next() < 0.5 ? 'attribute' : 'event',
      detached: rng.next() < 0.25,
    };
    const request = buildLlmRequest(rng, plan, startUs);
    return { traces: request.traces, truth: llmRequestTruth(request, plan) };
  });
}
