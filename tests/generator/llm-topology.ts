/**
 * One request through a disaggregated LLM serving stack, as the spans each process would emit:
 *
 *   llm-frontend   SERVER   POST /v1/chat/completions | POST /v1/completions        (x_request_id)
 *   └ llm-frontend INTERNAL chat {model} | text_completion {model}   the GenAI span (starts after
 *     │                     the frontend's queue wait; tokens, finish reasons, time to first token)
 *     └ llm-frontend CLIENT POST /generate → llm-router SERVER generate
 *         ├ CLIENT prefill → prefill-worker SERVER prefill
 *         │                  └ INTERNAL engine.generate  disagg_role=prefill  (after a queue wait)
 *         └ CLIENT decode  → decode-worker  SERVER decode
 *                            └ INTERNAL engine.generate  disagg_role=decode   (after a queue wait)
 *
 * The router calls the two workers one after the other; the decode worker emits the first token,
 * which reaches the frontend `streamBackUs` later. Time to first token is on the GenAI span either
 * as the attribute `ttft_ms` (milliseconds, a double) or as a span event `gen_ai.first_token` at
 * that instant: the event OpenLLMetry's instrumentations emit on the first streamed chunk
 * (`@traceloop/instrumentation-anthropic`, `_emitFirstTokenEvent`).
 * A detached request loses its context at the decode hop: the decode worker's spans form a second
 * trace (another trace id) whose root carries the same `x_request_id` and a span link to the
 * router's `decode` CLIENT span.
 * The router and the workers are Rust services traced with `tracing-opentelemetry`: every span of
 * theirs carries `busy_ns` and `idle_ns` (integers, ns; here busy + idle = the span's duration);
 * the frontend's spans carry neither. Times are integer µs drawn from the seeded random source.
 */
import type { Random } from '../support/random';
import { GenSpan, GenTrace, spanMaker } from './model';

export const LLM_SERVICES = {
  frontend: 'llm-frontend',
  router: 'llm-router',
  prefill: 'prefill-worker',
  decode: 'decode-worker',
} as const;

/** Services whose spans carry `busy_ns`/`idle_ns`. */
export const RUST_SERVICES: readonly string[] = [LLM_SERVICES.router, LLM_SERVICES.prefill, LLM_SERVICES.decode];

export const LLM_MODELS = ['llama-3.1-8b-instruct', 'qwen2.5-32b-instruct'] as const;

export interface LlmPlan {
  requestId: string;
  model: (typeof LLM_MODELS)[number];
  operation: 'chat' | 'text_completion';
  /** how the GenAI span records time to first token */
  ttftAs: 'attribute' | 'event';
  /** the decode worker's spans land in a trace of their own */
  detached: boolean;
}

/** The drawn durations of one request, µs (the truth is computed from these). */
export interface LlmTimeline {
  /** frontend: before the GenAI span starts, inside it before and after the router call, after it */
  feQueue: number;
  fePre: number;
  fePost: number;
  feTail: number;
  /** the router's own work: before the prefill call, between the calls, after the decode call */
  routerPre: number;
  routerMid: number;
  routerPost: number;
  /** one-way network time of each call: [frontend→router, prefill, decode] × [there, back] */
  netThere: [number, number, number];
  netBack: [number, number, number];
  prefillQueue: number;
  prefill: number;
  /** the prefill worker's time after its engine span (handing over the KV cache) */
  prefillPost: number;
  decodeQueue: number;
  decode: number;
  decodePost: number;
  /** decode engine start → first token out of the decode worker */
  firstStep: number;
  /** first token out of the decode worker → first token at the frontend */
  streamBack: number;
  inputTokens: number;
  outputTokens: number;
  finishReason: 'stop' | 'length';
}

export interface LlmRequest {
  /** the request's traces: the main one, then the decode worker's when detached */
  traces: GenTrace[];
  timeline: LlmTimeline;
  /** the GenAI span, the first token's instant (µs since the epoch) */
  genAiSpan: GenSpan;
  firstTokenUs: number;
}

function drawTimeline(rng: Random): LlmTimeline {
  const net = () => rng.int(200, 800);
  const inputTokens = rng.int(50, 4000);
  const outputTokens = rng.int(20, 800);
  const firstStep = rng.int(5000, 20000);
  return {
    feQueue: rng.int(200, 3000),
    fePre: rng.int(100, 400),
    fePost: rng.int(100, 500),
    feTail: rng.int(50, 300),
    routerPre: rng.int(300, 1500),
    routerMid: rng.int(100, 500),
    routerPost: rng.int(100, 400),
    netThere: [net(), net(), net()],
    netBack: [net(), net(), net()],
    prefillQueue: rng.int(500, 20000),
    prefill: inputTokens * rng.int(20, 60),
    prefillPost: rng.int(1000, 5000),
    decodeQueue: rng.int(200, 5000),
    firstStep,
    decode: firstStep + (outputTokens - 1) * rng.int(2000, 6000),
    decodePost: rng.int(100, 500),
    streamBack: rng.int(300, 1500),
    inputTokens,
    outputTokens,
    finishReason: rng.next() < 0.85 ? 'stop' : 'length',
  };
}

/** Builds the spans of one request starting at `startUs` (µs since the epoch). */
export function buildLlmRequest(rng: Random, plan: LlmPlan, startUs: number): LlmRequest {
  const t = drawTimeline(rng);
  const main: GenTrace = { traceId: rng.hex(16), spans: [] };
  const detached: GenTrace = { traceId: plan.detached ? rng.hex(16) : '', spans: [] };
  const span = spanMaker(rng, main.spans);
  const decodeSpan = plan.detached ? spanMaker(rng, detached.spans) : span;
  const { frontend, router, prefill, decode } = LLM_SERVICES;
  const requestAttrs = { x_request_id: plan.requestId };
  const modelAttrs = { 'gen_ai.request.model': plan.model, 'gen_ai.usage.input_tokens': t.inputTokens };

  const chatStart = startUs + t.feQueue;
  const feClientStart = chatStart + t.fePre;
  const routerStart = feClientStart + t.netThere[0];
  const pClientStart = routerStart + t.routerPre;
  const pServerStart = pClientStart + t.netThere[1];
  const pEngineStart = pServerStart + t.prefillQueue;
  const pServerEnd = pEngineStart + t.prefill + t.prefillPost;
  const pClientEnd = pServerEnd + t.netBack[1];
  const dClientStart = pClientEnd + t.routerMid;
  const dServerStart = dClientStart + t.netThere[2];
  const dEngineStart = dServerStart + t.decodeQueue;
  const dServerEnd = dEngineStart + t.decode + t.decodePost;
  const dClientEnd = dServerEnd + t.netBack[2];
  const routerEnd = dClientEnd + t.routerPost;
  const feClientEnd = routerEnd + t.netBack[0];
  const chatEnd = feClientEnd + t.fePost;
  const feEnd = chatEnd + t.feTail;
  const firstTokenUs = dEngineStart + t.firstStep + t.streamBack;

  const route = plan.operation === 'chat' ? '/v1/chat/completions' : '/v1/completions';
  const fe = span(undefined, frontend, `POST ${route}`, 'SERVER', startUs, feEnd, {
    'http.request.method': 'POST',
    'http.route': route,
    'http.response.status_code': 200,
    ...requestAttrs,
  });
  const ttftUs = firstTokenUs - chatStart;
  const genAi = span(fe, frontend, `${plan.operation} ${plan.model}`, 'INTERNAL', chatStart, chatEnd, {
    'gen_ai.operation.name': plan.operation,
    ...modelAttrs,
    'gen_ai.response.model': plan.model,
    'gen_ai.usage.output_tokens': t.outputTokens,
    'gen_ai.response.finish_reasons': [t.finishReason],
    ...(plan.ttftAs === 'attribute' ? { ttft_ms: ttftUs / 1000 } : {}),
  });
  if (plan.ttftAs === 'event') {
    genAi.events.push({ timeUs: firstTokenUs, name: 'gen_ai.first_token', attributes: {} });
  }
  const feClient = span(genAi, frontend, 'POST /generate', 'CLIENT', feClientStart, feClientEnd, {
    'http.request.method': 'POST',
    'server.address': router,
  });
  const routerServer = span(feClient, router, 'generate', 'SERVER', routerStart, routerEnd, requestAttrs);
  const pClient = span(routerServer, router, 'prefill', 'CLIENT', pClientStart, pClientEnd);
  const pServer = span(pClient, prefill, 'prefill', 'SERVER', pServerStart, pServerEnd, requestAttrs);
  span(pServer, prefill, 'engine.generate', 'INTERNAL', pEngineStart, pEngineStart + t.prefill, {
    disagg_role: 'prefill',
    ...modelAttrs,
  });
  const dClient = span(routerServer, router, 'decode', 'CLIENT', dClientStart, dClientEnd);
  const dServer = decodeSpan(
    plan.detached ? undefined : dClient,
    decode,
    'decode',
    'SERVER',
    dServerStart,
    dServerEnd,
    {
      ...requestAttrs,
    }
  );
  if (plan.detached) {
    dServer.links = [{ traceId: main.traceId, spanId: dClient.spanId }];
  }
  decodeSpan(dServer, decode, 'engine.generate', 'INTERNAL', dEngineStart, dEngineStart + t.decode, {
    disagg_role: 'decode',
    ...modelAttrs,
    'gen_ai.usage.output_tokens': t.outputTokens,
    'gen_ai.response.finish_reasons': [t.finishReason],
  });
  const traces = plan.detached ? [main, detached] : [main];
  for (const s of traces.flatMap((trace) => trace.spans)) {
    if (RUST_SERVICES.includes(s.service)) {
      const durationNs = (s.endUs - s.startUs) * 1000;
      const busy = rng.int(0, durationNs);
      s.attributes = { ...s.attributes, busy_ns: busy, idle_ns: durationNs - busy };
    }
  }
  return { traces, timeline: t, genAiSpan: genAi, firstTokenUs };
}
