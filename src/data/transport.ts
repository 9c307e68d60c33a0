/**
 * How the clients reach Tempo and Prometheus: `get` a path relative to the server's API root.
 * Implementations: {@link createGrafanaProxyTransport} (through Grafana's datasource proxy) and
 * {@link createFetchTransport} (plain fetch to a base URL). Both reject only with `DataError`.
 */
import type { DataError } from './errors';
import type { TargetParts, Where } from './errorWords';

export type QueryParams = Record<string, string | number | undefined>;

export interface RequestOptions {
  signal?: AbortSignal;
  /** default {@link DEFAULT_TIMEOUT_MS} */
  timeoutMs?: number;
  /** 'text' returns the body unparsed (trace JSON keeps exact 64-bit numbers that way) */
  responseType?: 'json' | 'text';
}

/** A request another thread (a Web Worker) can make itself with `fetch`: the same URL and headers as `get`'s. */
export interface WorkerFetch {
  /** absolute URL */
  url: string;
  headers: Record<string, string>;
}

/** Trace by id for a worker to fetch and read as a stream (`traceByIdStream`). */
export interface TraceStream {
  request: WorkerFetch;
  /** characters of each end of the body that `ends` reads */
  endChars: number;
  /**
   * What the body's first and last 4 KB say besides the spans: Tempo's partial-trace note; undefined
   * when the body is not the answer expected (no trace in it, another API): then `traceById`
   * asks again and says why.
   */
  ends(head: string, tail: string): { partial?: DataError } | undefined;
}

export interface Transport {
  /** human name used in error messages, e.g. `Tempo (datasource "tempo")` */
  readonly target: string;
  /** the target's parts, for saying it in the user's language (absent: `target` is all there is) */
  readonly targetParts?: TargetParts;
  get<T>(path: string, params?: QueryParams, options?: RequestOptions): Promise<T>;
  /** `get`'s request for a worker to fetch as a stream; absent where there is none (Node) */
  workerFetch?(path: string, params?: QueryParams): WorkerFetch;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** `params` without undefined entries, as a query string ('' when empty). */
export function queryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) {
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * An abort signal that fires when the caller's signal does or when `timeoutMs` passes, and which
 * of the two happened. `dispose` clears the timer.
 */
export function deadline(signal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  if (signal?.aborted) {
    controller.abort();
  }
  signal?.addEventListener('abort', onAbort);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Whom an error of `transport` names: its target and the target's parts. */
export const whereOf = (transport: Transport): Where => ({ target: transport.target, parts: transport.targetParts });
