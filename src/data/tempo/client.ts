/**
 * Tempo HTTP API client: TraceQL search, trace by id (v2, falling back to v1), tag names and
 * values for autocomplete, and TraceQL metrics `query_range`. Times are Unix seconds.
 */
import { DataError, dataError, partialTraceWarning, traceTooLarge } from '../errors';
import { RequestOptions, TraceStream, Transport, whereOf } from '../transport';
import type { Where } from '../errorWords';
import type { UnixSecondsRange } from '../unix-seconds-range';
import { TempoMetricsResponse, TempoSearchResponse, TempoTagsResponse, TempoTagValuesResponse } from './types';

export interface SearchOptions extends Partial<UnixSecondsRange> {
  /** max traces (Tempo's default is 20) */
  limit?: number;
  /** spans per spanset (Tempo's default is 3) */
  spss?: number;
}

export interface FetchedTrace {
  /** the response body as text: Tempo v2 `{trace:{resourceSpans}}` or v1 `{batches}`; `parseOtlpTrace` reads both */
  raw: string;
  apiVersion: 'v2' | 'v1';
  /** set when Tempo returned only part of the trace */
  partial?: DataError;
}

export type TagScope = 'resource' | 'span' | 'intrinsic' | 'event' | 'link' | 'instrumentation';

const TRACE_ID = /^[0-9a-fA-F]{1,32}$/;

/** Tempo 3 answers 422 for a trace over `max_bytes_per_trace` (REFERENCE §1); a proxy may answer 413. */
const tooLargeOr = (e: unknown, traceId: string, at: Where) =>
  e instanceof DataError && (e.status === 422 || e.status === 413) ? traceTooLarge(traceId, at, e) : e;
const seconds = (t: number | undefined) => (t === undefined ? undefined : Math.floor(t));

export function createTempoClient(transport: Transport) {
  return {
    search(q: string, options: SearchOptions = {}, request?: RequestOptions) {
      return transport.get<TempoSearchResponse>(
        'api/search',
        { q, limit: options.limit, spss: options.spss, start: seconds(options.start), end: seconds(options.end) },
        request
      );
    },

    async traceById(
      traceId: string,
      range: Partial<UnixSecondsRange> = {},
      request: RequestOptions = {}
    ): Promise<FetchedTrace> {
      if (!TRACE_ID.test(traceId)) {
        throw dataError('not-a-trace-id', { traceId });
      }
      const params = { start: seconds(range.start), end: seconds(range.end) };
      const textRequest: RequestOptions = { ...request, responseType: 'text' };
      let raw: string;
      try {
        raw = await transport.get<string>(`api/v2/traces/${traceId}`, params, textRequest);
      } catch (e) {
        // A Tempo without the v2 endpoint answers 404 "404 page not found": ask v1, whose 404 (empty
        // body) means "no such trace".
        if (e instanceof DataError && e.kind === 'trace-not-found') {
          try {
            return { raw: await transport.get<string>(`api/traces/${traceId}`, params, textRequest), apiVersion: 'v1' };
          } catch (v1) {
            throw tooLargeOr(v1, traceId, whereOf(transport));
          }
        }
        throw tooLargeOr(e, traceId, whereOf(transport));
      }
      const envelope = readEnvelope(raw, whereOf(transport), traceId);
      // Tempo answers an unknown id on v2 with 200 `{"trace":{},"metrics":{}}`, not 404.
      if (!envelope.trace?.resourceSpans?.length) {
        throw dataError('trace-absent', { traceId, ...whereOf(transport) });
      }
      const partial =
        envelope.status === 'PARTIAL'
          ? partialTraceWarning({ ...whereOf(transport), path: traceId }, envelope.message)
          : undefined;
      return { raw, apiVersion: 'v2', ...(partial ? { partial } : {}) };
    },

    /** The v2 request of `traceById` for a worker to stream; undefined where the transport has none. */
    traceByIdStream(traceId: string, range: Partial<UnixSecondsRange> = {}): TraceStream | undefined {
      if (!transport.workerFetch || !TRACE_ID.test(traceId)) {
        return undefined;
      }
      const params = { start: seconds(range.start), end: seconds(range.end) };
      return {
        request: transport.workerFetch(`api/v2/traces/${traceId}`, params),
        endChars: ENDS,
        ends(head, tail) {
          const envelope = envelopeOfEnds(head, tail);
          if (!envelope.trace?.resourceSpans?.length) {
            return undefined;
          }
          return envelope.status === 'PARTIAL'
            ? { partial: partialTraceWarning({ ...whereOf(transport), path: traceId }, envelope.message) }
            : {};
        },
      };
    },

    async tagNames(
      options: Partial<UnixSecondsRange> & { scope?: TagScope; q?: string; limit?: number } = {},
      request?: RequestOptions
    ) {
      const res = await transport.get<TempoTagsResponse>(
        'api/v2/search/tags',
        {
          scope: options.scope,
          q: options.q,
          limit: options.limit,
          start: seconds(options.start),
          end: seconds(options.end),
        },
        request
      );
      return res.scopes.map((s) => ({ scope: s.name, tags: s.tags ?? [] }));
    },

    /** `tag` is a scoped identifier such as `resource.service.name`, `span.http.route` or `name`. */
    async tagValues(
      tag: string,
      options: Partial<UnixSecondsRange> & { q?: string; limit?: number } = {},
      request?: RequestOptions
    ) {
      const res = await transport.get<TempoTagValuesResponse>(
        `api/v2/search/tag/${encodeURIComponent(tag)}/values`,
        { q: options.q, limit: options.limit, start: seconds(options.start), end: seconds(options.end) },
        request
      );
      return (res.tagValues ?? []).map((v) => ({ type: v.type, value: v.value ?? '' }));
    },

    /** TraceQL metrics, e.g. `{ } | rate() by (resource.service.name)`; `step` in seconds. */
    metricsQueryRange(
      q: string,
      range: UnixSecondsRange & { step?: number; exemplars?: number },
      request?: RequestOptions
    ) {
      return transport.get<TempoMetricsResponse>(
        'api/metrics/query_range',
        {
          q,
          start: seconds(range.start),
          end: seconds(range.end),
          step: range.step === undefined ? undefined : `${range.step}s`,
          exemplars: range.exemplars,
        },
        request
      );
    },
  };
}

export type TempoClient = ReturnType<typeof createTempoClient>;

type Envelope = { trace?: { resourceSpans?: unknown[] }; status?: string; message?: string };

/** Bodies above this size are checked from their text instead of parsed (see readEnvelope). */
const PARSE_ENVELOPE_MAX = 1 << 20;

/**
 * The v2 envelope's facts: whether it holds spans, and Tempo's partial-trace status and message.
 * A large body is a trace the engine parses right after; parsing it here as well cost a third of
 * the time to open a 100k-span trace. So large bodies are read from their text: Tempo writes the
 * envelope in field order (`trace` with `resourceSpans` first, then `metrics`, `status`, `message`).
 */
function readEnvelope(raw: string, at: Where, traceId: string): Envelope {
  if (raw.length <= PARSE_ENVELOPE_MAX) {
    return parseEnvelope(raw, at, traceId);
  }
  return envelopeOfEnds(raw.slice(0, ENDS), raw.slice(-ENDS));
}

/** Characters read at each end of a body for its envelope. */
const ENDS = 4096;

/** The envelope's facts from the first and last {@link ENDS} characters of the body (see readEnvelope). */
function envelopeOfEnds(head: string, tail: string): Envelope {
  const message = /"message"\s*:\s*("(?:[^"\\]|\\.)*")\s*\}\s*$/.exec(tail)?.[1];
  return {
    trace: { resourceSpans: /"resourceSpans"\s*:\s*\[\s*\{/.test(head) ? [head] : [] },
    status: /"status"\s*:\s*"PARTIAL"/.test(tail) ? 'PARTIAL' : undefined,
    message: message === undefined ? undefined : JSON.parse(message),
  };
}

function parseEnvelope(raw: string, at: Where, traceId: string): Envelope {
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw dataError('trace-not-json', { traceId, ...at, cause: (e as Error).message });
  }
}
