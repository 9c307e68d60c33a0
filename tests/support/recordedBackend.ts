/**
 * Test helper: Grafana's backend service whose datasource proxy answers with responses recorded
 * from real servers (tests/integration/fixtures). A request gets the recording, among those given
 * for its datasource uid, whose path is the request's (any id on a trace-by-id path: every trace
 * is the recorded one) and whose query parameters equal the request's, time range and limit
 * aside. Anything else answers 502 "upstream down", as Grafana does for an unreachable upstream.
 * Every request is kept, for tests to check what was asked.
 */
import { Observable, of, throwError } from 'rxjs';
import { BackendSrv, BackendSrvRequest, setBackendSrv } from '@grafana/runtime';
import { recorded, Recorded, wireText } from './recorded';

/** Parameters a recording may differ in from the request: the time range (recorded once) and the limit. */
const IGNORED = new Set(['start', 'end', 'start_time', 'end_time', 'limit']);
const TRACE_PATH = /^(api\/(?:v2\/|v3\/)?traces\/)[^/?]+$/;

export interface RecordedRequest {
  uid: string;
  path: string;
  params: Record<string, string>;
}

function matches(r: Recorded, path: string, params: Record<string, string>): boolean {
  const [recordedPath, query = ''] = r.request.split('?');
  const samePath =
    recordedPath === path ||
    (TRACE_PATH.test(path) && path.replace(TRACE_PATH, '$1') === recordedPath.replace(TRACE_PATH, '$1'));
  if (!samePath) {
    return false;
  }
  const want = Object.fromEntries([...new URLSearchParams(query)].filter(([k]) => !IGNORED.has(k)));
  const got = Object.fromEntries(Object.entries(params).filter(([k]) => !IGNORED.has(k)));
  return JSON.stringify(Object.entries(want).sort()) === JSON.stringify(Object.entries(got).sort());
}

/** Installs the backend; `fixtures` lists recording names per datasource uid. */
export function installRecordedBackend(fixtures: Record<string, string[]>) {
  const requests: RecordedRequest[] = [];
  const recordings = Object.fromEntries(
    Object.entries(fixtures).map(([uid, names]) => [uid, names.map((n) => recorded(n))])
  );
  const fetch = (options: BackendSrvRequest): Observable<unknown> => {
    const [, uid = '', path = ''] = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/(.*)$/.exec(options.url) ?? [];
    const params = Object.fromEntries(Object.entries(options.params ?? {}).map(([k, v]) => [k, String(v)]));
    requests.push({ uid: decodeURIComponent(uid), path, params });
    const r = recordings[decodeURIComponent(uid)]?.find((candidate) => matches(candidate, path, params));
    if (!r) {
      return throwError(() => ({
        status: 502,
        statusText: 'Bad Gateway',
        data: { message: 'upstream down' },
        config: options,
      }));
    }
    const data = options.responseType === 'text' ? wireText(r) : r.body;
    return r.status >= 200 && r.status < 300
      ? of({ status: r.status, ok: true, data, config: options })
      : throwError(() => ({ status: r.status, statusText: '', data, config: options }));
  };
  setBackendSrv({ fetch } as unknown as BackendSrv);
  return { requests };
}
