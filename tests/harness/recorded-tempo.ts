/**
 * A Tempo stand-in that replays the responses recorded from a real Tempo
 * (tests/integration/fixtures/tempo-*.json, each naming its Tempo revision and recording date), for
 * the browser tests' Tempo path: no Tempo runs here. A request gets the recording of the same path
 * whose query `q` (TraceQL) is the same — other parameters (time range, limits) are ignored, since
 * they follow the page's clock; a trace id with no recording gets Tempo's recorded "not found"
 * answer for that API; anything else gets Tempo's recorded answer to an unknown path, so a test
 * that strays from what was recorded fails visibly instead of seeing invented data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { Recorded, wireText } from '../support/recorded';

const FIXTURES = path.resolve(__dirname, '../integration/fixtures');

function loadRecordings(): Recorded[] {
  return readdirSync(FIXTURES)
    .filter((f) => /^tempo-.*\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as Recorded);
}

const UNKNOWN_TRACE_ID = '0123456789abcdef0123456789abcdef';
const pathOf = (request: string) => request.split('?')[0].replace(/^\/+/, '');
const queryOf = (request: string) => new URLSearchParams(request.split('?')[1] ?? '').get('q');

/** The recording that answers `request` (`api/…?…`, as the client sends it below the datasource root). */
export function recordingFor(recordings: Recorded[], request: string): Recorded {
  const p = pathOf(request);
  const q = queryOf(request);
  const exact = recordings.find((r) => pathOf(r.request) === p && queryOf(r.request) === q);
  if (exact) {
    return exact;
  }
  // Tempo's recorded answers for a trace id it did not have.
  const unknownTrace = p.replace(/[^/]+$/, UNKNOWN_TRACE_ID);
  if (/^api\/(v2\/)?traces\/[^/]+$/.test(p)) {
    return recordings.find((r) => pathOf(r.request) === unknownTrace)!;
  }
  return recordings.find((r) => pathOf(r.request) === 'api/nope')!;
}

export async function startRecordedTempo() {
  const recordings = loadRecordings();
  const server = http.createServer((req, res) => {
    const r = recordingFor(recordings, (req.url ?? '/').replace(/^\//, ''));
    res.writeHead(r.status, { 'Content-Type': r.contentType ?? 'text/plain' });
    res.end(wireText(r));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
