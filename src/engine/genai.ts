/**
 * The GenAI reading of each span that carries `gen_ai.operation.name` (OpenTelemetry's GenAI
 * semantic conventions): one model, agent or tool operation. Definitions (ns, on the span's own
 * reported times, not the skew-clipped ones: every figure compares times of one process's clock,
 * except the queue time, which compares a span with its parent in the same service):
 * - model: `gen_ai.request.model`, else `gen_ai.response.model`, else "(none)";
 * - tokens: `gen_ai.usage.input_tokens` / `gen_ai.usage.output_tokens` when a whole number ≥ 0
 *   (anything else counts as absent); finish reasons: `gen_ai.response.finish_reasons`;
 * - time to first token (TTFT): the attribute `ttft_ms` (milliseconds, rounded to whole ns) when
 *   it is a number ≥ 0, else the first `gen_ai.first_token` event (OpenLLMetry's instrumentations
 *   emit it on the first streamed chunk) minus the span's start, when not negative; else unknown;
 * - decode time: the span's end minus its first token (start + TTFT), when not negative;
 * - output tokens per second: output tokens · 10⁹ / decode time, when both are known and the
 *   decode time is > 0;
 * - queue time: for a model call (operation `chat`, `text_completion`, `generate_content` or
 *   `embeddings`) whose parent is a SERVER span of the same service — the request's handler in
 *   the serving process — the span's start minus the parent's start (never below 0): how long the
 *   request waited there before the model began. Otherwise unknown.
 * O(spans × their attributes and events) per trace.
 */
import type { TraceAnalysis } from './analyze';
import { SpanAttribute } from './genai-attributes';
import { NONE_LABEL } from './grouping';
import { ParsedTrace, serviceOf, SpanKind } from './model';

export const FIRST_TOKEN_EVENT = 'gen_ai.first_token';
export const TTFT_ATTRIBUTE = 'ttft_ms';
/** Operations that call a model (the others: agents, tools, retrieval). */
export const MODEL_OPERATIONS: readonly string[] = ['chat', 'text_completion', 'generate_content', 'embeddings'];

export interface GenAiReading {
  /** span index */
  span: number;
  operation: string;
  model: string;
  inputTokens: number | null;
  outputTokens: number | null;
  finishReasons: string[];
  /** ns */
  ttft: number | null;
  ttftSource: 'attribute' | 'event' | null;
  /** ns */
  decodeTime: number | null;
  outputTokensPerSecond: number | null;
  /** ns */
  queueTime: number | null;
}

/** Reads `gen_ai.*` attributes of one trace (see the file header). */
class GenAiAttributes {
  readonly operation: SpanAttribute;
  readonly requestModel: SpanAttribute;
  readonly responseModel: SpanAttribute;
  readonly inputTokens: SpanAttribute;
  readonly outputTokens: SpanAttribute;
  readonly finishReasons: SpanAttribute;
  readonly ttftMs: SpanAttribute;

  constructor(trace: ParsedTrace) {
    this.operation = new SpanAttribute(trace, 'gen_ai.operation.name');
    this.requestModel = new SpanAttribute(trace, 'gen_ai.request.model');
    this.responseModel = new SpanAttribute(trace, 'gen_ai.response.model');
    this.inputTokens = new SpanAttribute(trace, 'gen_ai.usage.input_tokens');
    this.outputTokens = new SpanAttribute(trace, 'gen_ai.usage.output_tokens');
    this.finishReasons = new SpanAttribute(trace, 'gen_ai.response.finish_reasons');
    this.ttftMs = new SpanAttribute(trace, TTFT_ATTRIBUTE);
  }

  model(i: number): string {
    return this.requestModel.text(i) ?? this.responseModel.text(i) ?? NONE_LABEL;
  }
}

/** TTFT of span `i` and where it was read (see the file header). */
function timeToFirstToken(
  trace: ParsedTrace,
  attrs: GenAiAttributes,
  i: number
): [number, 'attribute' | 'event'] | null {
  const text = attrs.ttftMs.text(i)?.trim();
  const ms = text ? Number(text) : NaN;
  if (Number.isFinite(ms) && ms >= 0) {
    return [Math.round(ms * 1e6), 'attribute'];
  }
  const { events, strings } = trace;
  let first = Infinity;
  for (let e = events.offsets[i]; e < events.offsets[i + 1]; e++) {
    if (strings[events.name[e]] === FIRST_TOKEN_EVENT && events.time[e] < first) {
      first = events.time[e];
    }
  }
  const ttft = first - trace.start[i];
  return Number.isFinite(ttft) && ttft >= 0 ? [ttft, 'event'] : null;
}

/** Queue time of model call `i` (see the file header), or null. */
function queueTime(analysis: TraceAnalysis, operation: string, i: number): number | null {
  const { trace } = analysis;
  const p = analysis.tree.parent[i];
  if (!MODEL_OPERATIONS.includes(operation) || p < 0) {
    return null;
  }
  if (trace.kind[p] !== SpanKind.Server || serviceOf(trace, p) !== serviceOf(trace, i)) {
    return null;
  }
  return Math.max(0, trace.start[i] - trace.start[p]);
}

/** The GenAI reading of every span with `gen_ai.operation.name`, in span order. */
export function genAiReadings(analysis: TraceAnalysis): GenAiReading[] {
  const { trace } = analysis;
  const attrs = new GenAiAttributes(trace);
  const out: GenAiReading[] = [];
  for (let i = 0; i < trace.spanCount; i++) {
    const operation = attrs.operation.text(i);
    if (operation === undefined) {
      continue;
    }
    const ttft = timeToFirstToken(trace, attrs, i);
    const afterFirst = ttft === null ? -1 : trace.end[i] - trace.start[i] - ttft[0];
    const decodeTime = afterFirst >= 0 ? afterFirst : null;
    const outputTokens = attrs.outputTokens.count(i) ?? null;
    out.push({
      span: i,
      operation,
      model: attrs.model(i),
      inputTokens: attrs.inputTokens.count(i) ?? null,
      outputTokens,
      finishReasons: attrs.finishReasons.list(i),
      ttft: ttft === null ? null : ttft[0],
      ttftSource: ttft === null ? null : ttft[1],
      decodeTime,
      outputTokensPerSecond:
        decodeTime !== null && decodeTime > 0 && outputTokens !== null ? (outputTokens * 1e9) / decodeTime : null,
      queueTime: queueTime(analysis, operation, i),
    });
  }
  return out;
}
