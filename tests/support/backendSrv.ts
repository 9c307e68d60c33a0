/**
 * Test support: Grafana's backend service, faked once for unit tests and the harness. It offers
 * every method @grafana/runtime's `BackendSrv` has, all over one `fetch` (the Observable that
 * request, get, post, datasourceRequest… await, as Grafana's do), and its answers take the shapes
 * Grafana's backendSrv emits: a `FetchResponse` (data, status, statusText, ok, headers, url, config…)
 * on success, a `FetchError` (status, statusText, data = the body as Grafana parsed it, config) on
 * failure. `installFakeBackend` installs one whose fetch a test writes as a function of the request
 * (recordedBackend.ts answers with recorded server bodies) and keeps every request it gets.
 */
import { lastValueFrom, Observable, of, throwError } from 'rxjs';
import { BackendSrv, BackendSrvRequest, FetchError, FetchResponse, setBackendSrv } from '@grafana/runtime';

export type Fetch = (request: BackendSrvRequest) => Observable<FetchResponse<unknown>>;

/** A backend service whose every method goes through `fetch`. */
export function createBackendSrv(fetch: Fetch): BackendSrv {
  const request = async <T>(options: BackendSrvRequest) => (await lastValueFrom(fetch(options))).data as T;
  return {
    fetch: fetch as BackendSrv['fetch'],
    request,
    datasourceRequest: (options) => lastValueFrom(fetch(options)) as never,
    get: (url, params, _requestId, options) => request({ ...options, url, params }),
    post: (url, data, options) => request({ ...options, url, data, method: 'POST' }),
    put: (url, data, options) => request({ ...options, url, data, method: 'PUT' }),
    patch: (url, data, options) => request({ ...options, url, data, method: 'PATCH' }),
    delete: (url, data, options) => request({ ...options, url, data, method: 'DELETE' }),
    chunked: () => {
      throw new Error('chunked requests are not faked');
    },
  };
}

/** Grafana's FetchResponse to `request`: `data` with status 200 (or `status`) and the upstream's content type. */
export function fetchResponse<T>(
  request: BackendSrvRequest,
  data: T,
  status = 200,
  contentType: string | null = 'application/json'
): Observable<FetchResponse<T>> {
  return of({
    data,
    status,
    statusText: status === 200 ? 'OK' : '',
    ok: true,
    headers: new Headers(contentType ? { 'content-type': contentType } : {}),
    redirected: false,
    type: 'basic' as const,
    url: request.url,
    config: request,
  });
}

/** Grafana's FetchError for `request`: the upstream's (or Grafana's own) `status` and body. */
export function fetchError(
  request: BackendSrvRequest,
  status: number,
  data: unknown,
  statusText = ''
): Observable<never> {
  const error: FetchError = { status, statusText, data, config: request };
  return throwError(() => error);
}

/**
 * Installs a backend service answering with `answer` (a function of the request); returns the
 * requests it gets, in order.
 */
export function installFakeBackend(answer: Fetch): { requests: BackendSrvRequest[] } {
  const requests: BackendSrvRequest[] = [];
  setBackendSrv(
    createBackendSrv((request) => {
      requests.push(request);
      return answer(request);
    })
  );
  return { requests };
}
