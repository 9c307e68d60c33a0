/**
 * Ground truth of a generated LLM request (llm-topology.ts), from its drawn timeline, exact
 * integers (µs, or ns where the spans report ns):
 * - the GenAI span's reading: model, operation, tokens, finish reasons, time to first token
 *   (first token − span start) and where it is recorded, decode time (span end − first token),
 *   queue time (span start − its parent's start), output tokens per second
 *   (output tokens · 10⁹ / decode time in ns);
 * - per trace, the disaggregated split of its spans' self time: prefill and decode (inside an
 *   `engine.generate` span of that role), worker queue (the workers' other spans: waiting before
 *   the engine span and handing over after it), network (CLIENT spans: the wire both ways, or the
 *   whole call when its callee is in another trace) and routing (the frontend's and the router's
 *   own work). The calls run one after another, so the five add up to the trace's duration;
 * - per trace, the reported `busy_ns`/`idle_ns` per span, the spans without them, and per service
 *   the sums over its outermost reporting spans (no ancestor of the same service reports them).
 * O(spans) per request.
 */
import { GenTrace } from './model';
import { LlmPlan, LlmRequest } from './llm-topology';

export interface DisaggSplitTruth {
  prefillUs: number;
  decodeUs: number;
  workerQueueUs: number;
  networkUs: number;
  routingUs: number;
}

export interface BusyIdleNs {
  busyNs: number;
  idleNs: number;
}

export interface BusyIdleTruth {
  /** spanId → the reported values */
  spans: Record<string, BusyIdleNs>;
  /** ids of the spans reporting neither */
  lacking: string[];
  /** service → sums over its outermost reporting spans */
  byService: Record<string, BusyIdleNs>;
}

export interface LlmTraceTruth {
  traceId: string;
  durationUs: number;
  split: DisaggSplitTruth;
  busyIdle: BusyIdleTruth;
}

export interface LlmRequestTruth {
  requestId: string;
  model: string;
  operation: string;
  detached: boolean;
  genAiSpanId: string;
  inputTokens: number;
  outputTokens: number;
  finishReasons: string[];
  ttftUs: number;
  ttftSource: 'attribute' | 'event';
  decodeTimeUs: number;
  queueUs: number;
  outputTokensPerSecond: number;
  /** the main trace, then the decode worker's when detached */
  traces: LlmTraceTruth[];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function busyIdleTruth(trace: GenTrace): BusyIdleTruth {
  const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
  const spans: Record<string, BusyIdleNs> = {};
  const lacking: string[] = [];
  const byService: Record<string, BusyIdleNs> = {};
  for (const s of trace.spans) {
    if (s.attributes.busy_ns === undefined) {
      lacking.push(s.spanId);
      continue;
    }
    const values = { busyNs: s.attributes.busy_ns as number, idleNs: s.attributes.idle_ns as number };
    spans[s.spanId] = values;
    let up = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
    while (up && !(up.service === s.service && up.attributes.busy_ns !== undefined)) {
      up = up.parentSpanId ? byId.get(up.parentSpanId) : undefined;
    }
    if (!up) {
      const sums = byService[s.service] ?? { busyNs: 0, idleNs: 0 };
      byService[s.service] = { busyNs: sums.busyNs + values.busyNs, idleNs: sums.idleNs + values.idleNs };
    }
  }
  return { spans, lacking, byService };
}

function durationUs(trace: GenTrace): number {
  return Math.max(...trace.spans.map((s) => s.endUs)) - Math.min(...trace.spans.map((s) => s.startUs));
}

export function llmRequestTruth(request: LlmRequest, plan: LlmPlan): LlmRequestTruth {
  const t = request.timeline;
  const { genAiSpan, firstTokenUs } = request;
  const [main, decodeTrace] = request.traces;
  const routingUs = t.feQueue + t.fePre + t.fePost + t.feTail + t.routerPre + t.routerMid + t.routerPost;
  const prefillCallNet = t.netThere[0] + t.netBack[0] + t.netThere[1] + t.netBack[1];
  const decodeCallNet = t.netThere[2] + t.netBack[2];
  const decodeWorkerQueue = t.decodeQueue + t.decodePost;
  const prefillWorkerQueue = t.prefillQueue + t.prefillPost;
  const mainSplit: DisaggSplitTruth = plan.detached
    ? {
        prefillUs: t.prefill,
        decodeUs: 0,
        workerQueueUs: prefillWorkerQueue,
        networkUs: prefillCallNet + decodeCallNet + decodeWorkerQueue + t.decode,
        routingUs,
      }
    : {
        prefillUs: t.prefill,
        decodeUs: t.decode,
        workerQueueUs: prefillWorkerQueue + decodeWorkerQueue,
        networkUs: prefillCallNet + decodeCallNet,
        routingUs,
      };
  const traces: LlmTraceTruth[] = [
    { traceId: main.traceId, durationUs: durationUs(main), split: mainSplit, busyIdle: busyIdleTruth(main) },
  ];
  if (decodeTrace) {
    traces.push({
      traceId: decodeTrace.traceId,
      durationUs: durationUs(decodeTrace),
      split: { prefillUs: 0, decodeUs: t.decode, workerQueueUs: decodeWorkerQueue, networkUs: 0, routingUs: 0 },
      busyIdle: busyIdleTruth(decodeTrace),
    });
  }
  const decodeTimeUs = genAiSpan.endUs - firstTokenUs;
  return {
    requestId: plan.requestId,
    model: plan.model,
    operation: plan.operation,
    detached: plan.detached,
    genAiSpanId: genAiSpan.spanId,
    inputTokens: t.inputTokens,
    outputTokens: t.outputTokens,
    finishReasons: [t.finishReason],
    ttftUs: firstTokenUs - genAiSpan.startUs,
    ttftSource: plan.ttftAs,
    decodeTimeUs,
    queueUs: t.feQueue,
    outputTokensPerSecond: (t.outputTokens * 1e9) / (decodeTimeUs * 1000),
    traces,
  };
}

/** Σ of a split's parts, µs (equals the trace's duration: see the file header). */
export const splitTotalUs = (s: DisaggSplitTruth) =>
  sum([s.prefillUs, s.decodeUs, s.workerQueueUs, s.networkUs, s.routingUs]);
