/** A {@link Transport} that calls a server directly with `fetch` (integration tests, dev proxy). */
import { classifyFailure, DataError, TransportFailure } from './errors';
import { targetText } from './errorWords';
import { deadline, DEFAULT_TIMEOUT_MS, queryString, RequestOptions, Transport, QueryParams } from './transport';

export function createFetchTransport(baseUrl: string, name: string, fetchImpl: typeof fetch = fetch): Transport {
  const base = baseUrl.replace(/\/+$/, '');
  const targetParts = { name, url: base };
  const target = targetText(targetParts);
  return {
    target,
    targetParts,
    async get<T>(path: string, params?: QueryParams, options: RequestOptions = {}): Promise<T> {
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const d = deadline(options.signal, timeoutMs);
      const fail = (failure: TransportFailure): never => {
        throw classifyFailure(failure, { target, parts: targetParts, path });
      };
      try {
        const res = await fetchImpl(`${base}/${path.replace(/^\/+/, '')}${queryString(params)}`, {
          signal: d.signal,
        }).catch((cause) =>
          fail(
            d.timedOut()
              ? { type: 'timeout', timeoutMs }
              : d.signal.aborted
                ? { type: 'cancelled' }
                : { type: 'network', cause }
          )
        );
        const text = await res
          .text()
          .catch((cause) => fail(d.timedOut() ? { type: 'timeout', timeoutMs } : { type: 'network', cause }));
        if (!res.ok) {
          fail({ type: 'http', status: res.status, statusText: res.statusText, body: parseMaybeJson(text) });
        }
        if (options.responseType === 'text') {
          return text as T;
        }
        try {
          return JSON.parse(text) as T;
        } catch (cause) {
          return fail({ type: 'bad-json', cause });
        }
      } catch (e) {
        throw e instanceof DataError
          ? e
          : classifyFailure({ type: 'network', cause: e }, { target, parts: targetParts, path });
      } finally {
        d.dispose();
      }
    },
  };
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
