/**
 * In the analysis worker: downloads an OTLP JSON trace body as a stream (download.ts: through the
 * worker's download helper where it has one, download-helper.ts, so the body keeps arriving while
 * this thread reads) and reads it while it arrives, piece by piece with the engine's reader in
 * pieces (otlpJsonPieces), so the text is never held whole (Jaeger's v1 JSON, whose reader takes
 * whole text, is not streamed: its source streams only Jaeger's v3 OTLP answer). While reading it
 * posts progress (bytes received, of the Content-Length when the body is not compressed, and spans
 * read) at most every {@link PROGRESS_MS}; then the analysis — with its summary's parts when the trace is huge
 * (huge-trace.ts), so the page does not compute them — or the reader's error (with its words), with the
 * body's first and last `endChars` characters. An answer that is not OK, or a fetch or download
 * that fails, is not read: `{status}`, and the caller fetches the usual way (which words the error).
 * O(body) time; memory: the unfinished span, one chunk, the two ends, then the trace.
 */
import { analyzeTrace, otlpJsonPieces } from '../../engine';
import { hugeTraceParts } from '../huge-trace';
import { downloadHere, StartDownload, TextDownload } from './download';
import { AnalysisAnswer, AnalysisResponse, PROGRESS_MS, readerErrorOf, StreamRequest } from './wire';

/**
 * Downloads (with `start`) and reads `request` (see the file header); `post` gets the progress
 * messages, `now` the clock (ms). Resolves with the answer, never rejects.
 */
export async function readStreamed(
  request: StreamRequest,
  post: (response: AnalysisResponse) => void,
  start: StartDownload = downloadHere(),
  now: () => number = () => performance.now()
): Promise<AnalysisAnswer> {
  let download: TextDownload;
  try {
    download = await start(request);
  } catch {
    return { status: 0 };
  }
  if (download.status < 200 || download.status > 299) {
    return { status: download.status };
  }
  const started = now();
  const { totalBytes } = download;
  const reader = otlpJsonPieces(totalBytes ?? 0);
  const n = request.endChars;
  let head = '';
  let tail = '';
  let bytes = 0;
  let posted = started;
  // a download that breaks off is not the reader's fault: fetched again the usual way
  const next = () => download.next().catch(() => null);
  try {
    for (let piece = await next(); piece !== undefined; piece = await next()) {
      if (piece === null) {
        return { status: 0 };
      }
      const { text } = piece;
      if (head.length < n) {
        head += text.slice(0, n - head.length);
      }
      tail = text.length >= n ? text.slice(-n) : (tail + text).slice(-n);
      reader.push(text);
      bytes += piece.bytes;
      const time = now();
      if (time - posted >= PROGRESS_MS) {
        posted = time;
        post({ progress: { bytes, totalBytes, spans: reader.spans } });
      }
    }
    const analysis = analyzeTrace(reader.end());
    const summary = hugeTraceParts(analysis);
    return { analysis, summary, analyseMs: now() - started, ends: { head, tail } };
  } catch (e) {
    download.cancel();
    return { ...readerErrorOf(e), ends: { head, tail } };
  }
}
