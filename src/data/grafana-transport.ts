/**
 * A {@link Transport} through Grafana's datasource proxy: `/api/datasources/proxy/uid/<uid>/<path>`
 * with `getBackendSrv().fetch`, so Grafana adds the datasource's auth and headers. Aborting the
 * caller's signal (or the timeout) unsubscribes, which cancels the HTTP request in Grafana.
 */
import { config, getBackendSrv, FetchError, isFetchError } from '@grafana/runtime';
import { fromEvent, lastValueFrom, takeUntil } from 'rxjs';
import { classifyFailure, DataError, RequestContext } from './errors';
import { targetText } from './errorWords';
import {
  deadline,
  DEFAULT_TIMEOUT_MS,
  QueryParams,
  queryString,
  RequestOptions,
  Transport,
  WorkerFetch,
} from './transport';

export function createGrafanaProxyTransport(datasourceUid: string, name = 'the datasource'): Transport {
  const targetParts = { name, datasource: datasourceUid };
  const target = targetText(targetParts);
  const root = `/api/datasources/proxy/uid/${encodeURIComponent(datasourceUid)}`;
  const url = (path: string) => `${root}/${path.replace(/^\/+/, '')}`;
  return {
    target,
    targetParts,
    // what getBackendSrv().fetch sends: the URL relative to the page's <base> (Grafana's sub-path),
    // cookies (credentials 'same-origin' is the worker's fetch default) and the user's org
    workerFetch(path: string, params?: QueryParams): WorkerFetch {
      const orgId = config.bootData?.user?.orgId;
      return {
        url: new URL(`${url(path).slice(1)}${queryString(params)}`, document.baseURI).href,
        headers: orgId ? { 'X-Grafana-Org-Id': String(orgId) } : {},
      };
    },
    async get<T>(path: string, params?: QueryParams, options: RequestOptions = {}): Promise<T> {
      const ctx: RequestContext = { target, parts: targetParts, path };
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const d = deadline(options.signal, timeoutMs);
      const definedParams = Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => v !== undefined));
      try {
        const response$ = getBackendSrv()
          .fetch<T>({
            url: url(path),
            method: 'GET',
            params: definedParams,
            responseType: options.responseType === 'text' ? 'text' : 'json',
            showErrorAlert: false,
            showSuccessAlert: false,
          })
          .pipe(takeUntil(fromEvent(d.signal, 'abort')));
        const response = await lastValueFrom(response$, { defaultValue: undefined });
        if (response === undefined) {
          throw classifyFailure(d.timedOut() ? { type: 'timeout', timeoutMs } : { type: 'cancelled' }, ctx);
        }
        return response.data;
      } catch (e) {
        throw e instanceof DataError ? e : classifyFailure(fromFetchError(e), ctx);
      } finally {
        d.dispose();
      }
    },
  };
}

function fromFetchError(e: unknown) {
  if (isFetchError(e)) {
    const err = e as FetchError;
    if (err.cancelled) {
      return { type: 'cancelled' as const };
    }
    // Grafana reports a failed connection to the upstream as a 502 from its proxy; status 0 means
    // the browser itself could not reach Grafana.
    return err.status
      ? { type: 'http' as const, status: err.status, statusText: err.statusText, body: err.data }
      : { type: 'network' as const, cause: e };
  }
  return { type: 'network' as const, cause: e };
}
