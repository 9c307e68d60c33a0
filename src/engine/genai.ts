/**
 * The GenAI reading of each span that carries `gen_ai.operation.name` (OpenTelemetry's GenAI
 * semantic conventions): one model, agent or tool operation. Definitions (ns, on the span's own
 * reported times, not the skew-clipped ones: every figure compares times of one process's clock,
 * except the queue time, which compares a span with its parent in the same service):
 * - model: `gen_ai.request.model`, else `gen_ai.response.model`, else "(none)";
 * - tokens: `gen_ai.usage.input_tokens` / `gen_ai.usage.output_tokens` when a whole number ≥ 0;
 *   finish reasons: `gen_ai.response.finish_reasons`;
 * - time to first token (TTFT): the attribute `ttft_ms` (milliseconds, rounded to whole ns) when
 *   it is a number ≥ 0, else the earliest `gen_ai.first_token` event (OpenLLMetry's instrumentations
 *   emit it on the first streamed chunk) minus the span's start, when not negative; else unknown;
 * - decode time: the span's end minus its first token (start + TTFT), when not negative;
 * - output tokens per second: output tokens · 10⁹ / decode time, when both are known and the
 *   decode time is > 0;
 * - queue time: for a model call (operation `chat`, `text_completion`, `generate_content` or
 *   `embeddings`) whose parent is a SERVER span of the same service — the request's handler in
 *   the serving process — the span's start minus the parent's start (never below 0): how long the
 *   request waited there before the model began. Otherwise unknown.
 * A value that is there but cannot be used (a token count or `ttft_ms` that is not a number ≥ 0, a
 * first-token event before the span, a TTFT longer than the span) is left out with a warning:
 * the span and a {@link GenAiProblem} (a code and the values it is about).
 * O(spans × their attributes and events) per trace; O(strings) when no span can carry
 * gen_ai.operation.name.
 */
import type { TraceAnalysis } from './analyze';
import { SpanAttribute, warnedSpan, WarnedSpan } from './genai-attributes';
import { MODEL_ATTRIBUTES, NONE_LABEL } from './grouping';
import { ParsedTrace, serviceOf, SpanKind } from './model';

/** The attribute that makes a span a GenAI span. */
export const OPERATION_ATTRIBUTE = 'gen_ai.operation.name';
export const FIRST_TOKEN_EVENT = 'gen_ai.first_token';
export const TTFT_ATTRIBUTE = 'ttft_ms';
/** Operations that call a model (the others: agents, tools, retrieval). */
export const MODEL_OPERATIONS: readonly string[] = ['chat', 'text_completion', 'generate_content', 'embeddings'];

/** Why a value of a GenAI span was left out (see the file header); the UI words it. */
export type GenAiProblem =
  /** `ttft_ms` is not a number ≥ 0 (`text`: its value as sent) */
  | { code: 'ttft-not-ms'; attribute: string; text: string }
  /** a token count is not a whole number ≥ 0 */
  | { code: 'tokens-not-count'; attribute: string; text: string }
  /** the first-token event is before the span's start */
  | { code: 'first-token-before-start'; event: string }
  /** the TTFT is longer than the span (both ns), so there is no decode time */
  | { code: 'ttft-longer-than-span'; ttft: number; duration: number };

export interface GenAiWarning extends WarnedSpan {
  problem: GenAiProblem;
}

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

export interface GenAiReadings {
  /** one per span with `gen_ai.operation.name`, in span order */
  readings: GenAiReading[];
  /** the values left out (see the file header) */
  warnings: GenAiWarning[];
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
    this.operation = new SpanAttribute(trace, OPERATION_ATTRIBUTE);
    this.requestModel = new SpanAttribute(trace, MODEL_ATTRIBUTES.request);
    this.responseModel = new SpanAttribute(trace, MODEL_ATTRIBUTES.response);
    this.inputTokens = new SpanAttribute(trace, 'gen_ai.usage.input_tokens');
    this.outputTokens = new SpanAttribute(trace, 'gen_ai.usage.output_tokens');
    this.finishReasons = new SpanAttribute(trace, 'gen_ai.response.finish_reasons');
    this.ttftMs = new SpanAttribute(trace, TTFT_ATTRIBUTE);
  }

  model(i: number): string {
    return this.requestModel.text(i) ?? this.responseModel.text(i) ?? NONE_LABEL;
  }
}

/** TTFT of span `i` and where it was read (see the file header); unusable values warn. */
function timeToFirstToken(
  trace: ParsedTrace,
  attrs: GenAiAttributes,
  i: number,
  warnings: GenAiWarning[]
): [number, 'attribute' | 'event'] | null {
  const text = attrs.ttftMs.text(i);
  if (text !== undefined) {
    const ms = text.trim() === '' ? NaN : Number(text);
    if (Number.isFinite(ms) && ms >= 0) {
      return [Math.round(ms * 1e6), 'attribute'];
    }
    warnings.push({ ...warnedSpan(trace, i), problem: { code: 'ttft-not-ms', attribute: TTFT_ATTRIBUTE, text } });
  }
  const { events, strings } = trace;
  let first = Infinity;
  for (let e = events.offsets[i]; e < events.offsets[i + 1]; e++) {
    if (strings[events.name[e]] === FIRST_TOKEN_EVENT && events.time[e] < first) {
      first = events.time[e];
    }
  }
  if (first === Infinity) {
    return null;
  }
  if (first < trace.start[i]) {
    warnings.push({ ...warnedSpan(trace, i), problem: { code: 'first-token-before-start', event: FIRST_TOKEN_EVENT } });
    return null;
  }
  return [first - trace.start[i], 'event'];
}

/** Token count `attr` of span `i`, null when absent; a value that is not a whole number ≥ 0 warns. */
function tokens(trace: ParsedTrace, attr: SpanAttribute, i: number, warnings: GenAiWarning[]): number | null {
  const count = attr.count(i);
  const text = attr.text(i);
  if (count === undefined && text !== undefined) {
    warnings.push({ ...warnedSpan(trace, i), problem: { code: 'tokens-not-count', attribute: attr.name, text } });
  }
  return count ?? null;
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

/** The GenAI reading of every span with `gen_ai.operation.name`, and the values left out. */
export function genAiReadings(analysis: TraceAnalysis): GenAiReadings {
  const { trace } = analysis;
  const attrs = new GenAiAttributes(trace);
  const out: GenAiReadings = { readings: [], warnings: [] };
  if (!attrs.operation.inTrace) {
    return out;
  }
  for (let i = 0; i < trace.spanCount; i++) {
    const operation = attrs.operation.text(i);
    if (operation === undefined) {
      continue;
    }
    const ttft = timeToFirstToken(trace, attrs, i, out.warnings);
    const duration = trace.end[i] - trace.start[i];
    if (ttft !== null && ttft[0] > duration) {
      const problem: GenAiProblem = { code: 'ttft-longer-than-span', ttft: ttft[0], duration };
      out.warnings.push({ ...warnedSpan(trace, i), problem });
    }
    const decodeTime = ttft !== null && ttft[0] <= duration ? duration - ttft[0] : null;
    const inputTokens = tokens(trace, attrs.inputTokens, i, out.warnings);
    const outputTokens = tokens(trace, attrs.outputTokens, i, out.warnings);
    out.readings.push({
      span: i,
      operation,
      model: attrs.model(i),
      inputTokens,
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
