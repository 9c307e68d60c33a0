/**
 * Grafana's boot-time services, rebuilt for the harness page: a backend service (the shape of
 * tests/support/backendSrv.ts) over `window.fetch` (Grafana's FetchResponse / FetchError shapes,
 * cancellation by unsubscribing) and a datasource service listing the proxied datasources
 * (tests/support/datasources.ts). Wired before any module is handed to the plugin.
 */
import { Observable } from 'rxjs';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { createBackendSrv } from '../support/backendSrv';
import { createDataSourceSrv } from '../support/datasources';
import { DATASOURCES } from './boot';

function urlOf(options: BackendSrvRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.params ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null) {
        params.append(key, String(v));
      }
    }
  }
  const query = params.toString();
  return query ? `${options.url}${options.url.includes('?') ? '&' : '?'}${query}` : options.url;
}

async function body(response: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  const text = await response.text();
  if (responseType === 'text') {
    return text;
  }
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

function fetchObservable<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
  return new Observable((subscriber) => {
    const controller = new AbortController();
    const init: RequestInit = { method: options.method ?? 'GET', signal: controller.signal, headers: options.headers };
    if (options.data !== undefined) {
      init.body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
      init.headers = { 'Content-Type': 'application/json', ...options.headers };
    }
    window
      .fetch(urlOf(options), init)
      .then(async (response) => {
        const data = (await body(response, options.responseType)) as T;
        const result = {
          data,
          status: response.status,
          statusText: response.statusText,
          ok: response.ok,
          headers: response.headers,
          redirected: response.redirected,
          type: response.type,
          url: response.url,
          config: options,
        };
        if (response.ok) {
          subscriber.next(result);
          subscriber.complete();
        } else {
          subscriber.error({ ...result, message: typeof data === 'string' ? data : response.statusText });
        }
      })
      .catch((e: Error) => {
        if (!controller.signal.aborted) {
          subscriber.error({ status: 0, data: undefined, message: e.message, config: options });
        }
      });
    return () => controller.abort();
  });
}

export const createHarnessBackendSrv = () => createBackendSrv(fetchObservable);

export const createHarnessDataSourceSrv = () => createDataSourceSrv(Object.values(DATASOURCES));
