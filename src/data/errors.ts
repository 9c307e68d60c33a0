/**
 * Typed data-layer errors. Every transport hands its failures to {@link classifyFailure}, the one
 * place that decides what went wrong; callers branch on `kind`. Each error says it as a reason and
 * values (`words`, phrased by the UI in the user's language) and in English (`message`, errorWords.ts).
 * Whatever a transport observed — an Error, a Grafana FetchError `{status, statusText, data}`, a
 * plain or null-prototype object, a string, a number, a symbol, undefined, an object whose
 * toString throws — becomes a readable message (never "[object Object]", never a throw), and text
 * from upstream is shown cut to {@link MAX_SHOWN_CHARS} characters with invisible characters
 * escaped (`\u200b`). O(size of the cause), and each shown text O(MAX_SHOWN_CHARS).
 */
import { showInput } from '../engine/errors';
import { englishOf, ERROR_SENTENCES, ErrorReason, ErrorValues, ErrorWords, Where } from './errorWords';

export type DataErrorKind =
  | 'datasource-not-found'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'query-syntax'
  | 'query-failed'
  | 'trace-not-found'
  | 'trace-too-large'
  | 'partial-trace'
  | 'traceql-metrics-disabled'
  | 'timeout'
  | 'cancelled'
  | 'bad-response';

export class DataError extends Error {
  constructor(
    readonly kind: DataErrorKind,
    message: string,
    /** the upstream server's own words (Tempo's or Prometheus' error text), when it gave any */
    readonly upstreamMessage?: string,
    /** HTTP status, when the failure was an HTTP answer */
    readonly status?: number,
    /** what the message says as a reason and values, for the UI to say in the user's language */
    readonly words?: ErrorWords
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** What a transport observed when a request did not produce a usable answer. */
export type TransportFailure =
  | { type: 'http'; status: number; statusText?: string; body: unknown }
  | { type: 'network'; cause: unknown }
  | { type: 'cancelled' }
  | { type: 'timeout'; timeoutMs: number }
  | { type: 'bad-json'; cause: unknown };

/** Which server and request the failure belongs to, for the message. */
export interface RequestContext extends Where {
  path: string;
}

/** The most characters of a server's text, or of a cause, a message shows; longer is cut, saying its length. */
export const MAX_SHOWN_CHARS = 300;

/** The most characters of a server's own words kept in {@link DataError.upstreamMessage}. */
export const MAX_UPSTREAM_CHARS = 4096;

const shown = (text: string) => showInput(text, MAX_SHOWN_CHARS);

/**
 * A readable description of anything thrown or handed over as a failure's cause: an Error's
 * message (its name when it has none), a string, a number/boolean/bigint, a symbol's description;
 * an object's HTTP status and status text (a Grafana FetchError) with its `message`, or the
 * server's words in its `data` (`{data: {message}}`), or its own `{error|message|err|errors}`;
 * else its JSON; else what kind of value it is. Never throws, never "[object Object]"; not cut
 * (callers show it through `shown`).
 */
export function describeCause(cause: unknown): string {
  try {
    return describe(cause) || 'no details';
  } catch {
    return 'a value that cannot be read';
  }
}

function describe(cause: unknown): string {
  switch (typeof cause) {
    case 'string':
      return cause.trim();
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(cause);
    case 'symbol':
      return cause.description ? `symbol ${cause.description}` : 'a symbol';
    case 'function':
      return `a function${cause.name ? ` ${cause.name}` : ''}`;
  }
  if (cause === null || typeof cause !== 'object') {
    return ''; // null, undefined
  }
  const o = cause as Record<string, unknown>;
  const message = nonEmpty(o.message) ?? upstreamMessage(o.data) ?? objectMessage(o);
  const status =
    typeof o.status === 'number' ? `HTTP ${o.status}${nonEmpty(o.statusText) ? ` ${o.statusText}` : ''}` : '';
  if (message || status) {
    return [status, message].filter(Boolean).join(': ');
  }
  if (cause instanceof Error) {
    return cause.name;
  }
  const type = nonEmpty((o.constructor as { name?: unknown } | undefined)?.name);
  return jsonOf(cause) ?? `an object${type ? ` of type ${type}` : ''}`;
}

const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Its JSON when that says something (not `{}`/`[]`), else undefined (cycles, BigInts and throwing toJSON too). */
function jsonOf(value: object): string | undefined {
  try {
    const json = JSON.stringify(value);
    return json && json !== '{}' && json !== '[]' ? json : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The server's own error text from a response body: text, `{error}`, `{message}` (Tempo,
 * Prometheus, Grafana); Jaeger's v3 `{"error":{"httpCode","message"}}` and v1
 * `{"data":null,"errors":[{"code","msg"}]}`. A body that arrived as text but holds JSON (Jaeger
 * writes its JSON errors as text/plain; Grafana hands text requests' error bodies over unparsed)
 * is read as JSON.
 */
export function upstreamMessage(body: unknown): string | undefined {
  const text = bodyText(body);
  return text === undefined || text.length <= MAX_UPSTREAM_CHARS ? text : `${text.slice(0, MAX_UPSTREAM_CHARS)}…`;
}

function bodyText(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim();
    return (text.startsWith('{') ? objectMessage(parseJson(text)) : undefined) ?? (text || undefined);
  }
  return objectMessage(body);
}

function objectMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') {
    return undefined;
  }
  const o = body as Record<string, unknown>;
  for (const key of ['error', 'message', 'err']) {
    if (typeof o[key] === 'string' && o[key]) {
      return o[key] as string;
    }
  }
  const nested = (o.error as Record<string, unknown> | null)?.message;
  if (typeof nested === 'string' && nested) {
    return nested;
  }
  const msgs = Array.isArray(o.errors)
    ? o.errors.map((e: unknown) => (e as Record<string, unknown> | null)?.msg).filter((m) => typeof m === 'string' && m)
    : [];
  return msgs.length ? msgs.join('; ') : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Trace-by-id paths: Tempo `api/traces/…` and `api/v2/traces/…`, Jaeger `api/traces/…` and `api/v3/traces/…`. */
const isTracePath = (path: string) => /(^|\/)api\/(v[23]\/)?traces\//.test(path);
const isTraceqlMetricsPath = (path: string) => /(^|\/)api\/metrics\//.test(path);

export function classifyFailure(failure: TransportFailure, ctx: RequestContext): DataError {
  const { path } = ctx;
  const at: Where = { target: ctx.target, parts: ctx.parts };
  switch (failure.type) {
    case 'cancelled':
      return dataError('request-cancelled', { ...at, path });
    case 'timeout':
      return dataError('no-answer', { ...at, path, within: formatMs(failure.timeoutMs) });
    case 'network':
      return dataError('unreachable', { ...at, cause: shown(describeCause(failure.cause)) });
    case 'bad-json':
      return dataError('not-json', { ...at, path, cause: shown(describeCause(failure.cause)) });
    case 'http':
      return classifyHttp(failure.status, failure.statusText, failure.body, ctx);
  }
}

function classifyHttp(status: number, statusText: string | undefined, body: unknown, ctx: RequestContext): DataError {
  const upstream = upstreamMessage(body);
  const text = upstream ?? nonEmpty(statusText);
  const { path } = ctx;
  const at: Where = { target: ctx.target, parts: ctx.parts };
  const said = text ? shown(text) : undefined;
  const http = { upstreamMessage: upstream, status };
  if (status === 401) {
    return dataError('unauthorized', { ...at, said }, http);
  }
  if (status === 403) {
    return dataError('forbidden', { ...at, said }, http);
  }
  if (
    status === 404 &&
    upstream &&
    /data ?source/i.test(upstream) &&
    /not found|unable to (find|load)/i.test(upstream)
  ) {
    return dataError('datasource-not-found', { ...at, said }, http);
  }
  if (status === 404 && isTracePath(path)) {
    return dataError('trace-not-found', { ...at, said }, http);
  }
  // Tempo 2.x without the local-blocks processor answers 500 "… localblocks processor not found".
  if (upstream && /localblocks processor not found/.test(upstream) && isTraceqlMetricsPath(path)) {
    return dataError('traceql-metrics-disabled', { ...at, said }, http);
  }
  if (status === 400) {
    return dataError('query-rejected', { ...at, said }, http);
  }
  if (status === 422) {
    return dataError('query-not-executed', { ...at, said }, http);
  }
  if (status === 502 || status === 503) {
    return dataError('not-ready', { ...at, status, said }, http);
  }
  if (status === 504) {
    return dataError('gateway-timeout', { ...at, path, said }, http);
  }
  return dataError('http-failed', { ...at, path, status, said }, http);
}

const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`);

/**
 * Tempo refused a trace by id as larger than its `max_bytes_per_trace` (Tempo 3 answers HTTP 422;
 * 413 from a proxy in front means the same): says so with the fix, a server setting.
 */
export function traceTooLarge(traceId: string, at: Where, refused: DataError): DataError {
  const said = refused.upstreamMessage ? shown(refused.upstreamMessage) : undefined;
  return dataError(
    'trace-too-large',
    { traceId, ...at, status: refused.status ?? 0, said },
    { upstreamMessage: refused.upstreamMessage, status: refused.status }
  );
}

/** A partial trace is data plus a warning: Tempo returned only part of it (e.g. size limits). */
export function partialTraceWarning(ctx: RequestContext, message?: string): DataError {
  return dataError(
    'partial-trace',
    { target: ctx.target, parts: ctx.parts, said: message ? shown(message) : undefined },
    { upstreamMessage: message }
  );
}

/** The DataError saying `values` for `reason`: the reason's kind, its English sentence as the message. */
export function dataError<R extends ErrorReason>(
  reason: R,
  values: ErrorValues[R],
  http: { upstreamMessage?: string; status?: number } = {}
): DataError {
  const words = { reason, values } as ErrorWords;
  return new DataError(ERROR_SENTENCES[reason].kind, englishOf(words), http.upstreamMessage, http.status, words);
}
