/**
 * In the analysis worker: fetches an OTLP JSON trace body itself, as a stream, and reads it while
 * it arrives (into one reused buffer where it can: body-bytes.ts), piece by piece with the engine's
 * reader in pieces (otlpJsonPieces), so the text is never held whole (Jaeger's v1 JSON, whose
 * reader takes whole text, is not streamed: its source streams only Jaeger's v3 OTLP answer). Bytes
 * are decoded with a streaming TextDecoder (a character cut between two pieces is decoded whole,
 * and a BOM dropped, as `Response.text()` does). While reading it posts progress (bytes received,
 * of the Content-Length when the body is not compressed, and spans read) at most every
 * {@link PROGRESS_MS}, and once the body is in (`analysing`: building and analysing the trace take
 * seconds on a 1M-span trace); then the analysis — with its summary's parts when the trace is huge
 * (huge-trace.ts), so the page does not compute them — or the reader's error (with its words), with
 * the body's first and last `endChars` characters. An answer that is not OK, or a fetch or download
 * that fails, is not read: `{status}`, and the caller fetches the usual way (which words the error).
 * O(body) time; memory: the unfinished span, one piece, the two ends, then the trace.
 */
import { analyzeTrace, otlpJsonPieces } from '../../engine';
import { hugeTraceParts } from '../huge-trace';
import { bodyBytes } from './body-bytes';
import { AnalysisAnswer, AnalysisResponse, PROGRESS_MS, readerErrorOf, StreamRequest } from './wire';

/**
 * Fetches and reads `request` (see the file header); `post` gets the progress messages, `now`
 * the clock (ms). Resolves with the answer, never rejects.
 */
export async function readStreamed(
  request: StreamRequest,
  post: (response: AnalysisResponse) => void,
  fetchImpl: typeof fetch = fetch,
  now: () => number = () => performance.now()
): Promise<AnalysisAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(request.url, { headers: request.headers, credentials: 'same-origin' });
  } catch {
    return { status: 0 };
  }
  if (!response.ok || response.body === null) {
    return { status: response.ok ? 0 : response.status };
  }
  const started = now();
  const length = Number(response.headers.get('Content-Length'));
  // a compressed body's Content-Length counts compressed bytes, the stream gives them decompressed
  const totalBytes = length > 0 && !response.headers.get('Content-Encoding') ? length : undefined;
  const reader = otlpJsonPieces(totalBytes ?? 0);
  const decoder = new TextDecoder();
  const download = bodyBytes(response.body);
  const n = request.endChars;
  let head = '';
  let tail = '';
  let bytes = 0;
  let posted = started;
  const take = (text: string) => {
    if (head.length < n) {
      head += text.slice(0, n - head.length);
    }
    tail = text.length >= n ? text.slice(-n) : (tail + text).slice(-n);
    reader.push(text);
  };
  // a download that breaks off is not the reader's fault: fetched again the usual way
  const next = () => download.read().catch(() => 'broken' as const);
  try {
    for (let piece = await next(); piece !== undefined; piece = await next()) {
      if (piece === 'broken') {
        return { status: 0 };
      }
      bytes += piece.length;
      take(decoder.decode(piece, { stream: true }));
      const time = now();
      if (time - posted >= PROGRESS_MS) {
        posted = time;
        post({ progress: { bytes, totalBytes, spans: reader.spans } });
      }
    }
    post({ progress: { bytes, totalBytes, spans: reader.spans, analysing: true } });
    take(decoder.decode());
    const analysis = analyzeTrace(reader.end());
    const summary = hugeTraceParts(analysis);
    return { analysis, summary, analyseMs: now() - started, ends: { head, tail } };
  } catch (e) {
    void download.cancel().catch(() => undefined);
    return { ...readerErrorOf(e), ends: { head, tail } };
  }
}
