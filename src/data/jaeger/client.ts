/**
 * Jaeger query API client (Jaeger v2 and v1 servers): trace by id (API v3 OTLP JSON, falling back
 * to the v1 JSON on servers without v3), trace search, services, operations and dependencies
 * through the v1 API (`/api/…`), which is what Jaeger UI and Grafana's Jaeger datasource use.
 */
import { DataError, dataError } from '../errors';
import { RequestOptions, TraceStream, Transport, whereOf } from '../transport';
import type { UnixSecondsRange } from '../unix-seconds-range';
import { JaegerDependency, JaegerOperation, JaegerResponse, JaegerTrace } from './types';

export interface JaegerSearchParams {
  /** required by Jaeger */
  service: string;
  operation?: string;
  /** exact matches on span or process tags, e.g. `{"error":"true","http.status_code":"500"}` */
  tags?: Record<string, string>;
  /** Go durations, e.g. `30ms`, `1.5ms` (see goDuration) */
  minDuration?: string;
  maxDuration?: string;
  /** max traces (Jaeger's default is 100) */
  limit?: number;
  /** µs since the epoch (Jaeger's default: now − 2 days) */
  start?: number;
  /** µs since the epoch (Jaeger's default: now) */
  end?: number;
}

export interface JaegerFetchedTrace {
  /** the body as sent: v3 `{"result":{"resourceSpans":[…]}}` (OTLP JSON) or v1 `{"data":[trace]}` */
  raw: string;
  apiVersion: 'v3' | 'v1';
}

const TRACE_ID = /^[0-9a-fA-F]{1,32}$/;

/** RFC3339 (what API v3 parses, RFC3339Nano) for Unix seconds, to the µs: `2026-11-30T07:00:00.5Z`. */
function rfc3339(seconds: number | undefined): string | undefined {
  if (seconds === undefined) {
    return undefined;
  }
  const micros = Math.round(seconds * 1e6);
  const fraction = String(((micros % 1e6) + 1e6) % 1e6)
    .padStart(6, '0')
    .replace(/0+$/, '');
  const base = new Date(Math.floor(micros / 1e6) * 1000).toISOString().slice(0, 19);
  return `${base}${fraction ? `.${fraction}` : ''}Z`;
}

/**
 * Whether an answer to an `/api/v3/…` request says the server has no v3 API: a v2 server answers a
 * missing trace with JSON (`{"error":{"httpCode":404,"message":"No traces found"}}`); a server
 * without the route answers with Jaeger UI's index.html (status 200, Jaeger's static handler serves
 * it for every unknown path) or, behind other routers, a non-JSON 404 such as Go's `404 page not found`.
 */
function v3Missing(e: unknown): boolean {
  if (!(e instanceof DataError) || e.status !== 404) {
    return false;
  }
  const said = e.upstreamMessage?.trim() ?? '';
  return said === '' || said.startsWith('<') || /^404 page not found$/i.test(said);
}

const micros = (seconds: number | undefined) => (seconds === undefined ? undefined : Math.round(seconds * 1e6));

const looksLikeJsonObject = (text: string, key: string) => new RegExp(`^\\s*\\{\\s*"${key}"\\s*:`).test(text);

export function createJaegerClient(transport: Transport) {
  const v1 = async <T>(path: string, params: Record<string, string | number | undefined>, request?: RequestOptions) =>
    (await transport.get<JaegerResponse<T>>(path, params, request)).data;

  return {
    async traceById(
      traceId: string,
      range: Partial<UnixSecondsRange> = {},
      request: RequestOptions = {}
    ): Promise<JaegerFetchedTrace> {
      if (!TRACE_ID.test(traceId)) {
        throw dataError('not-a-trace-id', { traceId });
      }
      const id = encodeURIComponent(traceId.toLowerCase());
      const textRequest: RequestOptions = { ...request, responseType: 'text' };
      let raw: string | undefined;
      try {
        raw = await transport.get<string>(
          `api/v3/traces/${id}`,
          { start_time: rfc3339(range.start), end_time: rfc3339(range.end) },
          textRequest
        );
      } catch (e) {
        if (!v3Missing(e)) {
          throw e;
        }
      }
      if (raw !== undefined && looksLikeJsonObject(raw, 'result')) {
        return { raw, apiVersion: 'v3' };
      }
      if (raw !== undefined && raw.trimStart().startsWith('{')) {
        throw dataError('trace-without-result', { traceId, ...whereOf(transport) });
      }
      // No v3 here (a 404 page or Jaeger UI's index.html): ask the v1 API, whose 404 means "no such trace".
      const v1raw = await transport.get<string>(
        `api/traces/${id}`,
        { start: micros(range.start), end: micros(range.end) },
        textRequest
      );
      if (!looksLikeJsonObject(v1raw, 'data')) {
        throw dataError('trace-not-jaeger-json', { traceId, ...whereOf(transport) });
      }
      return { raw: v1raw, apiVersion: 'v1' };
    },

    /**
     * The v3 request of `traceById` for a worker to stream; undefined where the transport has none.
     * A body that is not v3's `{"result":…}` (no v3 here, an error) goes back to `traceById`.
     */
    traceByIdStream(traceId: string, range: Partial<UnixSecondsRange> = {}): TraceStream | undefined {
      if (!transport.workerFetch || !TRACE_ID.test(traceId)) {
        return undefined;
      }
      const params = { start_time: rfc3339(range.start), end_time: rfc3339(range.end) };
      return {
        request: transport.workerFetch(`api/v3/traces/${encodeURIComponent(traceId.toLowerCase())}`, params),
        endChars: 64,
        ends: (head) => (looksLikeJsonObject(head, 'result') ? {} : undefined),
      };
    },

    /** Whole traces matching every condition (Jaeger v1 `/api/traces`). */
    async search(params: JaegerSearchParams, request?: RequestOptions): Promise<JaegerTrace[]> {
      if (!params.service) {
        throw dataError('jaeger-one-service', whereOf(transport));
      }
      const tags = params.tags && Object.keys(params.tags).length ? JSON.stringify(params.tags) : undefined;
      const traces = await v1<JaegerTrace[]>(
        'api/traces',
        {
          service: params.service,
          operation: params.operation,
          tags,
          minDuration: params.minDuration,
          maxDuration: params.maxDuration,
          limit: params.limit,
          start: params.start === undefined ? undefined : Math.floor(params.start),
          end: params.end === undefined ? undefined : Math.ceil(params.end),
        },
        request
      );
      return traces ?? [];
    },

    async services(request?: RequestOptions): Promise<string[]> {
      return (await v1<string[]>('api/services', {}, request)) ?? [];
    },

    /** A service's operations and their span kinds; `spanKind` (`server`, `client`, …) narrows to one kind. */
    async operations(service: string, spanKind?: string, request?: RequestOptions): Promise<JaegerOperation[]> {
      return (await v1<JaegerOperation[]>('api/operations', { service, spanKind }, request)) ?? [];
    },

    /** Call edges seen in the `lookbackMs` before `endTsMs` (epoch ms). */
    async dependencies(endTsMs: number, lookbackMs: number, request?: RequestOptions): Promise<JaegerDependency[]> {
      return (
        (await v1<JaegerDependency[]>(
          'api/dependencies',
          { endTs: Math.round(endTsMs), lookback: Math.max(1, Math.round(lookbackMs)) },
          request
        )) ?? []
      );
    },
  };
}

export type JaegerClient = ReturnType<typeof createJaegerClient>;
