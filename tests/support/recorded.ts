/**
 * Test support: responses recorded from a real Tempo and a real Prometheus by
 * tests/integration/record-fixtures.ts (removed with the live Tempo stack; see git history). Unit
 * tests fake transports only with these. Each fixture
 * names the server that answered (`source`) and the day it was recorded (`recorded`): the Tempo
 * answers are the contract for the Tempo client now that no Tempo runs in the tests.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

export interface Recorded<T = any> {
  /** the server that answered, e.g. `Tempo main 87c2dc380cec (2025-05-29)`, `Prometheus 2.42 (Debian)` */
  source?: string;
  /** when it was recorded (YYYY-MM-DD) */
  recorded?: string;
  request: string;
  status: number;
  contentType: string | null;
  body: T;
}

/** The trace id the recorded Tempo trace body (`tempo-trace-v2`) holds. */
export const RECORDED_TRACE_ID = '8d3115b67acbe152b049ac86d48a02e0';

export function recorded<T = any>(name: string): Recorded<T> {
  return JSON.parse(readFileSync(join(__dirname, '../integration/fixtures', `${name}.json`), 'utf8'));
}

/** The recorded body as the server sent it on the wire (text for text answers, JSON otherwise). */
export function wireText(r: Recorded): string {
  return typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
}

/**
 * A `fetch` that answers successive calls with the recorded responses (the last one repeats) and
 * remembers the URLs asked. Its responses have what the transports read: ok, status, statusText, text().
 */
export function fetchReplaying(...responses: Recorded[]) {
  const urls: string[] = [];
  let next = 0;
  const impl = (async (url: string) => {
    urls.push(url);
    const r = responses[Math.min(next++, responses.length - 1)];
    return { ok: r.status >= 200 && r.status < 300, status: r.status, statusText: '', text: async () => wireText(r) };
  }) as unknown as typeof fetch;
  return { impl, urls };
}

/**
 * A fixture holding the answers to several requests made one after another (a recorder that wraps
 * `fetch`, e.g. tests/integration/record-latency-fixtures.ts): `{source, recorded, responses}`,
 * each response stamped with the file's source and date. Replay them with {@link fetchReplaying}.
 */
export function recordedSequence(name: string): Recorded[] {
  const file = recorded<never>(name) as unknown as Omit<Recorded, 'request'> & { responses: Recorded[] };
  return file.responses.map((r) => ({ source: file.source, recorded: file.recorded, ...r }));
}
