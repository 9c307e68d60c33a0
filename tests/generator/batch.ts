/**
 * Deterministic batches: the seed fixes every request's plan, ids and durations; `nowUs` only
 * places the batch in time (requests end just before it, so Tempo's span metrics accept them).
 * Exactly one request in each block of 50 is a slow outlier; about one in eight fails in auth.
 * `regression` applies one known change to every request (topology.ts) without changing any draw,
 * so the same seed with and without it gives the same requests but for that change.
 * `generateTopologyBatch` makes a batch of any topology: this demo system's (the default), the
 * disaggregated LLM serving stack's (llm-batch.ts) or the AI agent's (agent-batch.ts).
 */
import { seededRandom } from '../support/random';
import { generateAgentBatch } from './agent-batch';
import { generateLlmBatch } from './llm-batch';
import { BatchBasics, GenTrace, requestStarts, TraceTruth } from './model';
import { buildTrace, Regression, RequestPlan } from './topology';
import { traceTruth } from './truth';

export interface BatchOptions extends BatchBasics {
  /** per-request overrides, by index */
  overrides?: Record<number, Partial<RequestPlan>>;
  /** regression mode: the change made to every request */
  regression?: Regression;
}

export interface Batch {
  traces: GenTrace[];
  truth: TraceTruth[];
}

export function generateBatch(options: BatchOptions): Batch {
  const rng = seededRandom(options.seed);
  // Leave room for the slowest request (outlier db span ≤ 60 ms plus overheads) before `nowUs`.
  const starts = requestStarts(options, 200_000);
  const outlierSlots = new Set<number>();
  for (let block = 0; block * 50 < options.count; block++) {
    outlierSlots.add(block * 50 + rng.int(0, 49));
  }
  const traces: GenTrace[] = [];
  const truth: TraceTruth[] = [];
  for (let i = 0; i < options.count; i++) {
    const plan: RequestPlan = {
      route: rng.next() < 0.7 ? 'checkout' : 'account',
      authFails: rng.next() < 0.125,
      outlier: outlierSlots.has(i),
      requestId: `req-${options.seed}-${rng.hex(6)}`,
      ...(options.regression ? { regression: options.regression } : {}),
      ...options.overrides?.[i],
    };
    const trace = buildTrace(rng, plan, starts[i]);
    traces.push(trace);
    truth.push(traceTruth(trace, plan));
  }
  return { traces, truth };
}

export const TOPOLOGIES = ['demo', 'llm-disaggregated', 'agent-workflow'] as const;
export type Topology = (typeof TOPOLOGIES)[number];

/** A batch of `topology` with its own kind of ground truth (regression mode is the demo's only). */
export function generateTopologyBatch(
  topology: Topology,
  options: BatchOptions
): { traces: GenTrace[]; truth: readonly object[] } {
  if (topology === 'llm-disaggregated') {
    return generateLlmBatch(options);
  }
  return topology === 'agent-workflow' ? generateAgentBatch(options) : generateBatch(options);
}
