/**
 * Typed data-layer errors. Every transport hands its failures to {@link classifyFailure}, the one
 * place that decides what went wrong and phrases it for people; callers branch on `kind`.
 * Whatever a transport observed — an Error, a Grafana FetchError `{status, statusText, data}`, a
 * plain or null-prototype object, a string, a number, a symbol, undefined, an object whose
 * toString throws — becomes a readable message (never "[object Object]", never a throw), and text
 * from upstream is shown cut to {@link MAX_SHOWN_CHARS} characters with invisible characters
 * escaped (`\u200b`). O(size of the cause), and each shown text O(MAX_SHOWN_CHARS).
 */
import { showInput } from '../engine/errors';

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
    readonly status?: number
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
export interface RequestContext {
  /** human name of the target, e.g. `Tempo (datasource "tempo")` or `Prometheus at http://…` */
  target: string;
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
  const where = `${ctx.target} (${ctx.path})`;
  switch (failure.type) {
    case 'cancelled':
      return new DataError('cancelled', `The request to ${where} was cancelled.`);
    case 'timeout':
      return new DataError('timeout', `${where} did not answer within ${formatMs(failure.timeoutMs)}.`);
    case 'network':
      return new DataError(
        'unreachable',
        `${ctx.target} is unreachable: ${shown(describeCause(failure.cause))}. Check that it is running and that its URL is right.`
      );
    case 'bad-json':
      return new DataError(
        'bad-response',
        `${where} answered with something that is not JSON: ${shown(describeCause(failure.cause))}`
      );
    case 'http':
      return classifyHttp(failure.status, failure.statusText, failure.body, ctx, where);
  }
}

function classifyHttp(
  status: number,
  statusText: string | undefined,
  body: unknown,
  ctx: RequestContext,
  where: string
): DataError {
  const upstream = upstreamMessage(body);
  const text = upstream ?? nonEmpty(statusText);
  const said = text ? `: ${shown(text)}` : '';
  const make = (kind: DataErrorKind, message: string) => new DataError(kind, message, upstream, status);
  if (status === 401) {
    return make(
      'unauthorized',
      `${ctx.target} refused the request as unauthenticated (401)${said}. Check the datasource's credentials.`
    );
  }
  if (status === 403) {
    return make(
      'forbidden',
      `${ctx.target} refused access (403)${said}. Your user or the datasource's credentials lack permission.`
    );
  }
  if (
    status === 404 &&
    upstream &&
    /data ?source/i.test(upstream) &&
    /not found|unable to (find|load)/i.test(upstream)
  ) {
    return make(
      'datasource-not-found',
      `The datasource for ${ctx.target} was not found${said}. Pick an existing Tempo/Prometheus datasource in the TraceLens settings.`
    );
  }
  if (status === 404 && isTracePath(ctx.path)) {
    return make(
      'trace-not-found',
      `Trace not found in ${ctx.target}${said}. It may be outside the searched time range or past retention.`
    );
  }
  // Tempo 2.x without the local-blocks processor answers 500 "… localblocks processor not found".
  if (upstream && /localblocks processor not found/.test(upstream) && isTraceqlMetricsPath(ctx.path)) {
    return make(
      'traceql-metrics-disabled',
      `TraceQL metrics are not enabled in ${ctx.target}${said}. Enable the metrics-generator's local-blocks processor (Tempo 2.x) to use them.`
    );
  }
  if (status === 400) {
    return make('query-syntax', `${ctx.target} rejected the query${said}`);
  }
  if (status === 422) {
    return make('query-failed', `${ctx.target} could not execute the query${said}`);
  }
  if (status === 502 || status === 503) {
    return make('unreachable', `${ctx.target} is unreachable or not ready (${status})${said}.`);
  }
  if (status === 504) {
    return make('timeout', `${where} timed out (504)${said}.`);
  }
  return make('query-failed', `${where} failed with HTTP ${status}${said}`);
}

const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`);

/**
 * Tempo refused a trace by id as larger than its `max_bytes_per_trace` (Tempo 3 answers HTTP 422;
 * 413 from a proxy in front means the same): says so with the fix, a server setting.
 */
export function traceTooLarge(traceId: string, target: string, refused: DataError): DataError {
  const said = refused.upstreamMessage ? ` (${shown(refused.upstreamMessage)})` : '';
  return new DataError(
    'trace-too-large',
    `Trace ${traceId} is larger than ${target} serves: HTTP ${refused.status}${said}. Tempo refuses traces over ` +
      `its max_bytes_per_trace limit (5 MB by default); it is a server setting (Tempo's overrides), so ask ` +
      `Tempo's operator to raise it.`,
    refused.upstreamMessage,
    refused.status
  );
}

/** A partial trace is data plus a warning: Tempo returned only part of it (e.g. size limits). */
export function partialTraceWarning(ctx: RequestContext, message?: string): DataError {
  return new DataError(
    'partial-trace',
    `${ctx.target} returned only part of this trace${message ? `: ${shown(message)}` : ''}.`,
    message
  );
}
