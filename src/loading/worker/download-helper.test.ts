/**
 * @jest-environment node
 */
// node: fetch's Response and ReadableStream. The download helper's protocol (download-helper.ts),
// its two ends joined by a stand-in for the worker boundary that delivers each message in a later
// task, as postMessage does.
import { analyzeTrace, parseOtlpTrace } from '../../engine';
import { recorded, wireText } from '../../../tests/support/recorded';
import { fetchAnswering } from '../testing/fetchAnswering';
import { decoded, Download, downloadHere, fetchBytes, StartDownload } from './download';
import {
  downloadInHelper,
  HelperMessage,
  HelperRequest,
  HelperWorker,
  MessageEnd,
  serveDownloads,
} from './download-helper';
import { readStreamed } from './stream-read';
import { StreamRequest } from './wire';

const TEMPO_BODY = wireText(recorded('tempo-trace-v2'));
const REQUEST: StreamRequest = { url: 'http://grafana/trace', headers: { 'X-Grafana-Org-Id': '1' }, endChars: 10 };
const later = () => new Promise((r) => setTimeout(r, 0));

/** A helper served by `serveDownloads(…, start, windowBytes)` behind a stand-in worker; what it was sent. */
function helperWith(start: StartDownload<Uint8Array>, windowBytes?: number) {
  const sent: HelperRequest[] = [];
  const scope: MessageEnd<HelperRequest, HelperMessage> = {
    onmessage: null,
    postMessage: (message) => setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent<HelperMessage>), 0),
  };
  const worker: HelperWorker = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => {
      sent.push(message);
      setTimeout(() => scope.onmessage?.({ data: message } as MessageEvent<HelperRequest>), 0);
    },
    terminate: () => {},
  };
  serveDownloads(scope, start, windowBytes);
  return { worker, sent };
}

/** A byte download of `chunks` chunks of 1,000 bytes that records how many were asked for and whether it was cancelled. */
function countedDownload(chunks: number) {
  const seen = { asked: 0, cancelled: false };
  const start: StartDownload<Uint8Array> = async () => ({
    status: 200,
    totalBytes: chunks * 1000,
    next: async () => (seen.asked < chunks ? new Uint8Array(1000).fill(32 + seen.asked++) : undefined),
    cancel: () => {
      seen.cancelled = true;
    },
  });
  return { start, seen };
}

describe('downloading through the helper', () => {
  it('gives the reader the same answer as downloading on its own thread, progress included', async () => {
    const here = await readStreamed(REQUEST, () => undefined, downloadHere(fetchAnswering(TEMPO_BODY).impl));
    const fetch = fetchAnswering(TEMPO_BODY);
    const { worker } = helperWith(fetchBytes(fetch.impl));
    const progress: unknown[] = [];
    let clock = 0;
    const viaHelper = await readStreamed(
      REQUEST,
      (r) => progress.push(r),
      decoded(downloadInHelper(() => worker)),
      () => (clock += 50)
    );
    expect(viaHelper).toEqual({ ...here, analyseMs: expect.any(Number) });
    expect('analysis' in viaHelper && viaHelper.analysis).toEqual(analyzeTrace(parseOtlpTrace(TEMPO_BODY)));
    // the helper made the page's request: its url, headers and credentials
    expect(fetch.requests).toEqual([[REQUEST.url, { headers: REQUEST.headers, credentials: 'same-origin' }]]);
    // 6,604 bytes in 7 chunks of 1,000: progress every other chunk (the clock moves 50 ms a reading)
    expect(progress).toEqual([
      { progress: { bytes: 2000, totalBytes: 6604, spans: expect.any(Number) } },
      { progress: { bytes: 4000, totalBytes: 6604, spans: expect.any(Number) } },
      { progress: { bytes: 6000, totalBytes: 6604, spans: expect.any(Number) } },
    ]);
  });

  it("keeps at most the window's bytes posted ahead of what was taken", async () => {
    const { start, seen } = countedDownload(10);
    const posted: HelperMessage[] = [];
    const scope: MessageEnd<HelperRequest, HelperMessage> = { onmessage: null, postMessage: (m) => posted.push(m) };
    serveDownloads(scope, start, 3000);
    scope.onmessage?.({ data: { id: 1, request: REQUEST } } as MessageEvent<HelperRequest>);
    await later();
    // the head and 3 chunks of 1,000 bytes, then it waits
    expect(posted.map((m) => Object.keys(m)[1])).toEqual(['status', 'chunk', 'chunk', 'chunk']);
    expect(seen.asked).toBe(3);
    scope.onmessage?.({ data: { id: 1, taken: 2000 } } as MessageEvent<HelperRequest>);
    await later();
    expect(seen.asked).toBe(5);
    // what is taken of an earlier download moves nothing
    scope.onmessage?.({ data: { id: 0, taken: 5000 } } as MessageEvent<HelperRequest>);
    await later();
    expect(seen.asked).toBe(5);
  });

  it('stops a download when it is cancelled, or when another one starts', async () => {
    const first = countedDownload(10);
    const second = countedDownload(2);
    const downloads = [first.start, second.start];
    const posted: HelperMessage[] = [];
    const scope: MessageEnd<HelperRequest, HelperMessage> = { onmessage: null, postMessage: (m) => posted.push(m) };
    serveDownloads(scope, (request) => downloads.shift()!(request), 3000);
    const send = (data: HelperRequest) => scope.onmessage?.({ data } as MessageEvent<HelperRequest>);
    send({ id: 1, request: REQUEST });
    await later();
    send({ id: 2, request: REQUEST });
    await later();
    expect(first.seen).toEqual({ asked: 3, cancelled: true });
    // the second download ran to its end: its head, 2 chunks, its end; nothing more of the first
    expect(posted.slice(4).map((m) => [m.id, Object.keys(m)[1]])).toEqual([
      [2, 'status'],
      [2, 'chunk'],
      [2, 'chunk'],
      [2, 'end'],
    ]);
    const third = countedDownload(10);
    downloads.push(third.start);
    send({ id: 3, request: REQUEST });
    await later();
    send({ id: 3, cancel: true });
    send({ id: 3, taken: 3000 });
    await later();
    expect(third.seen).toEqual({ asked: 3, cancelled: true });
  });

  it('fails the download that breaks off; an answer that is not OK is its status', async () => {
    let asked = 0;
    const breaking: StartDownload<Uint8Array> = async () => ({
      status: 200,
      next: async () => {
        if (asked++ > 0) {
          throw new Error('connection reset');
        }
        return new Uint8Array([123]);
      },
      cancel: () => {},
    });
    const broken = await readStreamed(
      REQUEST,
      () => undefined,
      decoded(downloadInHelper(() => helperWith(breaking).worker))
    );
    expect(broken).toEqual({ status: 0 });
    const notFound = fetchAnswering('{"message":"trace not found"}', 404);
    const answer = await readStreamed(
      REQUEST,
      () => undefined,
      decoded(downloadInHelper(() => helperWith(fetchBytes(notFound.impl)).worker))
    );
    expect(answer).toEqual({ status: 404 });
  });

  it("downloads on the analysis worker's own thread once the helper cannot start or has failed", async () => {
    const here = fetchAnswering(TEMPO_BODY);
    const cannotStart = downloadInHelper(() => {
      throw new Error('no nested workers');
    }, fetchBytes(here.impl));
    expect(await readStreamed(REQUEST, () => undefined, decoded(cannotStart))).toMatchObject({
      analysis: analyzeTrace(parseOtlpTrace(TEMPO_BODY)),
    });
    expect(here.requests).toHaveLength(1);

    // a helper whose script fails while a download waits for its answer
    const failing = { onmessage: null, onerror: null, postMessage: () => {}, terminate: jest.fn() };
    const start = downloadInHelper(() => failing, fetchBytes(here.impl));
    const waiting = start(REQUEST);
    (failing.onerror as unknown as (e: Partial<ErrorEvent>) => void)({ preventDefault: () => {} });
    await expect(waiting).rejects.toThrow('the download broke off');
    expect(failing.terminate).toHaveBeenCalled();
    const next: Download<Uint8Array> = await start(REQUEST);
    expect(next.status).toBe(200);
    expect(here.requests).toHaveLength(2);
  });
});
