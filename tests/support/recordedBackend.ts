/**
 * Test support: Grafana's backend service (backendSrv.ts) whose datasource proxy answers with
 * responses recorded from real servers (tests/integration/fixtures). `recordedAnswer` is one
 * recording as Grafana's backendSrv hands it on: the body as the request asked for it (text
 * requests get the text, error bodies included), in a FetchResponse or a FetchError.
 * `installRecordedBackend` answers a request with the recording, among those given for its
 * datasource uid, whose path is the request's (any id on a trace-by-id path: every trace is the
 * recorded one) and whose query parameters equal the request's, time range and limit aside.
 * Anything else answers 502 "upstream down", as Grafana does for an unreachable upstream. Every
 * request is kept, for tests to check what was asked.
 */
import type { Observable } from 'rxjs';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { fetchError, fetchResponse, installFakeBackend } from './backendSrv';
import { recorded, Recorded, wireText } from './recorded';

/** Parameters a recording may differ in from the request: the time range (recorded once) and the limit. */
const IGNORED = new Set(['start', 'end', 'start_time', 'end_time', 'limit']);
const TRACE_PATH = /^(api\/(?:v2\/|v3\/)?traces\/)[^/?]+$/;

export interface RecordedRequest {
  uid: string;
  path: string;
  params: Record<string, string>;
}

/** The recording `r` (or the one named `r`) as Grafana's answer to `request`. */
export function recordedAnswer(request: BackendSrvRequest, r: Recorded | string): Observable<FetchResponse<unknown>> {
  const answer = typeof r === 'string' ? recorded(r) : r;
  const data = request.responseType === 'text' ? wireText(answer) : answer.body;
  return answer.status >= 200 && answer.status < 300
    ? fetchResponse(request, data, answer.status, answer.contentType)
    : fetchError(request, answer.status, data);
}

/** Grafana's answer when it cannot reach the upstream. */
export const upstreamDown = (request: BackendSrvRequest) =>
  fetchError(request, 502, { message: 'upstream down' }, 'Bad Gateway');

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
  installFakeBackend((request) => {
    const [, uid = '', path = ''] = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/(.*)$/.exec(request.url) ?? [];
    const params = Object.fromEntries(Object.entries(request.params ?? {}).map(([k, v]) => [k, String(v)]));
    requests.push({ uid: decodeURIComponent(uid), path, params });
    const r = recordings[decodeURIComponent(uid)]?.find((candidate) => matches(candidate, path, params));
    return r ? recordedAnswer(request, r) : upstreamDown(request);
  });
  return { requests };
}
