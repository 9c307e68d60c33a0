/**
 * @jest-environment node
 */
// node: fetch's Response and ReadableStream, which the worker's stream reader runs on. The worker
// is played by readStreamed on this thread, the network by a fetch answering recorded bodies.
import { createJaegerClient, createTempoClient, QueryParams, Transport } from '../data';
import { analyzeTrace, parseOtlpTrace, summaryParts, TraceParseError } from '../engine';
import { createJaegerSource } from '../sources/jaeger-source';
import { createTempoSource } from '../sources/tempo-source';
import { recorded, RECORDED_TRACE_ID, wireText } from '../../tests/support/recorded';
import { tinyOtlp, TinySpan } from '../../tests/synthetic/tiny';
import { HOTSPOT_COUNT, SUMMARY_SPAN_THRESHOLD } from './huge-trace';
import { chunkStream } from './testing/chunkStream';
import { streamTrace } from './stream-trace';
import { readStreamed } from './worker/stream-read';
import { LoadProgress, StreamRequest } from './worker/wire';
import { RunJob } from './worker/worker-pool';

const TEMPO_BODY = wireText(recorded('tempo-trace-v2'));

/** `?a=1&b=2` of the defined params ('' when none). */
function query(params: QueryParams = {}): string {
  const defined = Object.entries(params).filter(([, v]) => v !== undefined);
  return defined.length ? `?${new URLSearchParams(defined.map(([k, v]) => [k, String(v)]))}` : '';
}

/** A transport whose workers fetch from `http://grafana/…/<uid>/<path>`; its own `get` is not used. */
function transport(uid: string): Transport {
  return {
    target: `${uid} (datasource "${uid}")`,
    get: () => Promise.reject(new Error('not used: the worker fetches')),
    workerFetch: (path, params) => ({
      url: `http://grafana/api/datasources/proxy/uid/${uid}/${path}${query(params)}`,
      headers: { 'X-Grafana-Org-Id': '1' },
    }),
  };
}

/**
 * A fetch answering `body` with `status`, in chunks of `chunkBytes` bytes, as a plain stream or (with
 * `byteStream`) a byte stream, as browsers' fetch gives; records the requests.
 */
function fetchAnswering(body: string, status = 200, chunkBytes = 1000, byteStream = false) {
  const requests: Array<[string, RequestInit | undefined]> = [];
  const bytes = new TextEncoder().encode(body);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    chunks.push(bytes.subarray(at, at + chunkBytes));
  }
  const impl = (async (url: string, init?: RequestInit) => {
    requests.push([url, init]);
    const stream = chunkStream(chunks, byteStream);
    return new Response(stream, { status, headers: { 'Content-Length': String(bytes.length) } });
  }) as unknown as typeof fetch;
  return { impl, requests };
}

/** The worker pool played here: readStreamed with `fetchImpl` and a clock that moves 50 ms a reading. */
function onThisThread(fetchImpl: typeof fetch): RunJob {
  let clock = 0;
  return (request, _signal, onProgress) =>
    readStreamed(
      request as StreamRequest,
      (r) => 'progress' in r && onProgress?.(r.progress),
      fetchImpl,
      () => (clock += 50)
    );
}

const tempo = createTempoSource(createTempoClient(transport('tempo')), 'tempo', 'Tempo');

describe('streamTrace', () => {
  it('reads the recorded Tempo trace as it arrives, to the analysis of the whole body, with progress', async () => {
    const { impl, requests } = fetchAnswering(TEMPO_BODY, 200, 1000);
    const seen: LoadProgress[] = [];
    const streamed = await streamTrace(
      tempo,
      RECORDED_TRACE_ID,
      { start: 1700000000.5 },
      onThisThread(impl),
      undefined,
      (p) => seen.push(p)
    );
    expect(requests).toEqual([
      [
        `http://grafana/api/datasources/proxy/uid/tempo/api/v2/traces/${RECORDED_TRACE_ID}?start=1700000000`,
        { headers: { 'X-Grafana-Org-Id': '1' }, credentials: 'same-origin' },
      ],
    ]);
    expect(streamed).toEqual({ analysis: analyzeTrace(parseOtlpTrace(TEMPO_BODY)), partial: undefined });
    // 6,604 bytes in 7 chunks; the clock reads 50 at the start and 50 ms more at each chunk:
    // progress at chunks 2, 4 and 6 (100 ms after the last), with the spans whose text ends before
    // byte 2,000, 4,000 and 6,000 (of 10; the 9th ends at byte ~5,300, then the next resource starts);
    // then, the whole body in, all 10 spans and that the trace is being analysed
    expect(new TextEncoder().encode(TEMPO_BODY).length).toBe(6604);
    expect(seen).toEqual([
      { bytes: 2000, totalBytes: 6604, spans: 2 },
      { bytes: 4000, totalBytes: 6604, spans: 6 },
      { bytes: 6000, totalBytes: 6604, spans: 9 },
      { bytes: 6604, totalBytes: 6604, spans: 10, analysing: true },
    ]);
  });

  it('reads a byte stream (as browsers give) into its buffer, characters cut between reads read whole', async () => {
    // each Chinese character is 3 bytes: 7-byte chunks cut them every way
    const body = TEMPO_BODY.replace(/"GET \/checkout"/g, '"结账 GET /checkout"');
    expect(body).not.toBe(TEMPO_BODY);
    const streamed = await streamTrace(
      tempo,
      RECORDED_TRACE_ID,
      undefined,
      onThisThread(fetchAnswering(body, 200, 7, true).impl)
    );
    expect(streamed).toEqual({ analysis: analyzeTrace(parseOtlpTrace(body)), partial: undefined });
    expect(streamed && 'analysis' in streamed && streamed.analysis.trace.strings).toContain('结账 GET /checkout');
  });

  it("gives Tempo's partial-trace note as the usual path words it", async () => {
    const partialBody = TEMPO_BODY.replace(/\}\s*$/, ',"status":"PARTIAL","message":"2 of 5 blocks failed"}');
    const streamed = await streamTrace(
      tempo,
      RECORDED_TRACE_ID,
      undefined,
      onThisThread(fetchAnswering(partialBody).impl)
    );
    expect(streamed && 'partial' in streamed && streamed.partial?.message).toBe(
      'tempo (datasource "tempo") returned only part of this trace: 2 of 5 blocks failed.'
    );
  });

  it('leaves to the usual path an answer that is not OK, no trace, or not the API expected', async () => {
    const tooLarge = fetchAnswering('trace exceeds max size (max bytes: 5000000)', 422);
    expect(await streamTrace(tempo, RECORDED_TRACE_ID, undefined, onThisThread(tooLarge.impl))).toBeUndefined();
    const noTrace = fetchAnswering(wireText(recorded('tempo-trace-v2-not-found')));
    expect(await streamTrace(tempo, RECORDED_TRACE_ID, undefined, onThisThread(noTrace.impl))).toBeUndefined();
    const jaeger = createJaegerSource(createJaegerClient(transport('jaeger')), 'jaeger', 'Jaeger');
    const page = fetchAnswering('<!doctype html><html><body>Jaeger UI</body></html>');
    expect(await streamTrace(jaeger, RECORDED_TRACE_ID, undefined, onThisThread(page.impl))).toBeUndefined();
    expect(page.requests[0][0]).toBe(
      `http://grafana/api/datasources/proxy/uid/jaeger/api/v3/traces/${RECORDED_TRACE_ID}`
    );
  });

  it("gives the reader's own message for a body it cannot read", async () => {
    const broken = TEMPO_BODY.replace('"spanId":', '"spanId":7,"x":');
    const expected = (() => {
      try {
        parseOtlpTrace(broken);
        return 'read';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(expected).toMatch(/^spanId of span 0 in trace\.resourceSpans\[0\]/);
    const streamed = await streamTrace(
      tempo,
      RECORDED_TRACE_ID,
      undefined,
      onThisThread(fetchAnswering(broken, 200, 7).impl)
    );
    expect(streamed).toEqual({ error: expected });
  });

  it("gives the reader's words with its message, as the whole-body reader gives them", async () => {
    // the first spanId's value is replaced by `]`, character 318 of the one-line body
    const broken = TEMPO_BODY.replace('"spanId":', '"spanId": ]');
    const whole = (() => {
      try {
        parseOtlpTrace(broken);
      } catch (e) {
        return e as TraceParseError;
      }
      throw new Error('read without an error');
    })();
    const streamed = await streamTrace(
      tempo,
      RECORDED_TRACE_ID,
      undefined,
      onThisThread(fetchAnswering(broken, 200, 7).impl)
    );
    expect(streamed).toEqual({
      error: 'invalid JSON at line 1, column 318: expected a value, found "]\\"X4fWaXZ/ks"',
      words: {
        code: 'json-syntax',
        values: { line: 1, column: 318, expected: 'a value', found: '"]\\"X4fWaXZ/ks"' },
      },
    });
    expect(streamed).toEqual({ error: whole.message, words: whole.words });
  });
});

describe('the worker reading a huge trace', () => {
  const request = { url: 'http://grafana/trace', headers: {}, endChars: 10 };
  const read = (body: string) => readStreamed(request, () => undefined, fetchAnswering(body, 200, 64_000).impl);

  it("answers with the summary's parts the page would compute, for the analysis as it is", async () => {
    // a root and 20,000 children of 1 µs each, one more span than a summary needs
    const spans: TinySpan[] = [{ id: 'root', start: 0, end: 30_000 }];
    for (let k = 0; k < SUMMARY_SPAN_THRESHOLD; k++) {
      spans.push({ id: `c${k}`, parent: 'root', start: k, end: k + 1 });
    }
    const body = tinyOtlp(spans);
    const answer = await read(body);
    if (!('analysis' in answer)) {
      throw new Error('not read');
    }
    expect(answer.analysis.trace.spanCount).toBe(20_001);
    expect(answer.summary).toEqual(summaryParts(answer.analysis, HOTSPOT_COUNT));
    expect(answer.summary?.hotspots.length).toBe(HOTSPOT_COUNT);
  });

  it('answers without them for a trace that is not huge', async () => {
    const answer = await read(TEMPO_BODY);
    expect(answer).toMatchObject({ analysis: analyzeTrace(parseOtlpTrace(TEMPO_BODY)) });
    expect('summary' in answer && answer.summary).toBeUndefined();
  });
});
