/**
 * A trace body downloaded as a stream and decoded to text piece by piece, as stream-read.ts reads
 * it: fetched on the calling thread ({@link fetchBytes}) or by a helper worker (download-helper.ts),
 * and decoded on the calling thread ({@link decoded}) with a streaming TextDecoder (a character
 * cut between two chunks is decoded whole, and a BOM dropped, as `Response.text()` does).
 * O(body) time; memory: one chunk and its text.
 */
import type { StreamRequest } from './wire';

/** A piece of the body: its text and the bytes it was decoded from. */
export interface BodyPiece {
  text: string;
  bytes: number;
}

/** A download under way: the answer's status and size, then its body in pieces of type T. */
export interface Download<T> {
  /** the HTTP status; the body is read only when it is OK (2xx) */
  status: number;
  /** the Content-Length when the body is not compressed (a compressed body's counts compressed bytes) */
  totalBytes?: number;
  /** the next piece, undefined at the end of the body; rejects when the download breaks off */
  next(): Promise<T | undefined>;
  /** stops the download (the rest of the body is not wanted) */
  cancel(): void;
}

/** The body as text (what stream-read.ts reads). */
export type TextDownload = Download<BodyPiece>;

/** Starts downloading `request`; rejects when the fetch fails (no answer). */
export type StartDownload<T = BodyPiece> = (request: StreamRequest) => Promise<Download<T>>;

/** Fetches with `fetchImpl` on this thread, the body as its byte chunks; an OK answer without a body is status 0. */
export const fetchBytes =
  (fetchImpl: typeof fetch = fetch): StartDownload<Uint8Array> =>
  async (request) => {
    // the page's request, with the page's credentials
    const response = await fetchImpl(request.url, { headers: request.headers, credentials: 'same-origin' });
    const body = response.ok ? response.body : null;
    if (body === null) {
      return { status: response.ok ? 0 : response.status, next: async () => undefined, cancel: () => {} };
    }
    const length = Number(response.headers.get('Content-Length'));
    const chunks = body.getReader();
    return {
      status: response.status,
      totalBytes: length > 0 && !response.headers.get('Content-Encoding') ? length : undefined,
      next: async () => {
        const chunk = await chunks.read();
        return chunk.done ? undefined : chunk.value;
      },
      cancel: () => void chunks.cancel().catch(() => undefined),
    };
  };

/** The downloads of `start` with their bytes decoded as they come (see the file header). */
export const decoded =
  (start: StartDownload<Uint8Array>): StartDownload =>
  async (request) => {
    const bytes = await start(request);
    const decoder = new TextDecoder();
    let ended = false;
    return {
      status: bytes.status,
      totalBytes: bytes.totalBytes,
      next: async () => {
        if (ended) {
          return undefined;
        }
        const chunk = await bytes.next();
        if (chunk === undefined) {
          ended = true;
          const rest = decoder.decode();
          return rest === '' ? undefined : { text: rest, bytes: 0 };
        }
        return { text: decoder.decode(chunk, { stream: true }), bytes: chunk.length };
      },
      cancel: bytes.cancel,
    };
  };

/** Downloads and decodes with `fetchImpl` on this thread. */
export const downloadHere = (fetchImpl: typeof fetch = fetch): StartDownload => decoded(fetchBytes(fetchImpl));
