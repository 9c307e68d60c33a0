/**
 * The analysis worker's download, done by a helper worker of its own (download.worker.ts), so that
 * the body keeps arriving while the analysis worker reads. Measured in Chromium 156: a worker that
 * fetches and reads a body itself pulls no bytes from the network while it reads a chunk, so the
 * download's time and the reading's add up; with a helper draining the network they overlap
 * (31 MB, reading at 100 MB/s: 716–744 ms one worker, 484–625 ms with a helper).
 *
 * Both ends of the protocol are here: {@link serveDownloads} in the helper fetches (download.ts)
 * and posts the body's chunks as they come, their bytes moved (transferred), not copied;
 * {@link downloadInHelper} in the analysis worker hands them on as a {@link Download} (which
 * download.ts decodes there: a decoded string would be copied to cross). The helper runs one download at a
 * time (a new one cancels the last) and keeps at most {@link WINDOW_BYTES} bytes posted and not
 * yet taken, so a body that arrives faster than it is read waits in the network, not in memory.
 * A helper that cannot start, or fails, is dropped: that download fails (the caller fetches the
 * usual way) and the next ones run on the analysis worker's own thread (download.ts).
 */
import { Download, fetchBytes, StartDownload } from './download';
import type { StreamRequest } from './wire';

/** Bytes the helper posts ahead of what the analysis worker has taken. */
export const WINDOW_BYTES = 8 * 1024 * 1024;

/** Analysis worker → helper, for download `id`: start it, cancel it, or bytes of it taken. */
export type HelperRequest = { id: number } & ({ request: StreamRequest } | { cancel: true } | { taken: number });

/** Helper → analysis worker, for download `id`: its answer's head, a piece, its end, or its failure. */
export type HelperMessage = { id: number } & (
  { status: number; totalBytes?: number } | { chunk: Uint8Array } | { end: true } | { failed: true }
);

/** The part of a worker (or of a worker's own scope) the two ends use. */
export interface MessageEnd<In, Out> {
  postMessage(message: Out, options?: StructuredSerializeOptions): void;
  onmessage: ((event: MessageEvent<In>) => void) | null;
}

/** The helper's side: serves the downloads `scope` is asked for, each with `start`. */
export function serveDownloads(
  scope: MessageEnd<HelperRequest, HelperMessage>,
  start: StartDownload<Uint8Array> = fetchBytes(),
  windowBytes = WINDOW_BYTES
): void {
  let current: { id: number; download?: Download<Uint8Array> } | undefined;
  let ahead = 0;
  let resume: (() => void) | undefined;
  const isCurrent = (id: number) => current?.id === id;
  const stop = () => {
    current?.download?.cancel();
    current = undefined;
    resume?.();
  };

  const run = async (id: number, request: StreamRequest) => {
    stop();
    current = { id };
    ahead = 0;
    try {
      const download = await start(request);
      if (!isCurrent(id)) {
        return download.cancel();
      }
      current.download = download;
      scope.postMessage({ id, status: download.status, totalBytes: download.totalBytes });
      for (;;) {
        while (ahead >= windowBytes && isCurrent(id)) {
          await new Promise<void>((r) => (resume = r));
        }
        const chunk = isCurrent(id) ? await download.next() : undefined;
        if (!isCurrent(id)) {
          return;
        }
        if (chunk === undefined) {
          current = undefined;
          return scope.postMessage({ id, end: true });
        }
        ahead += chunk.length;
        scope.postMessage({ id, chunk }, { transfer: [chunk.buffer] });
      }
    } catch {
      if (isCurrent(id)) {
        current = undefined;
        scope.postMessage({ id, failed: true });
      }
    }
  };

  scope.onmessage = ({ data }) => {
    if ('taken' in data) {
      if (!isCurrent(data.id)) {
        return;
      }
      ahead -= data.taken;
      const wake = resume;
      resume = undefined;
      wake?.();
    } else if ('cancel' in data) {
      if (isCurrent(data.id)) {
        stop();
      }
    } else {
      void run(data.id, data.request);
    }
  };
}

/** A helper worker, as the analysis worker holds it. */
export type HelperWorker = MessageEnd<HelperMessage, HelperRequest> & Pick<Worker, 'terminate' | 'onerror'>;

/**
 * The analysis worker's side: downloads through a helper from `spawn`, started at once so that the
 * first download does not wait for its script; on this thread once a helper could not start or failed.
 */
export function downloadInHelper(
  spawn: () => HelperWorker,
  here: StartDownload<Uint8Array> = fetchBytes()
): StartDownload<Uint8Array> {
  let helper: HelperWorker | undefined;
  let lastId = 0;
  /** what the current download does with the helper's messages, and with its failure */
  let handle: ((message: HelperMessage) => void) | undefined;
  try {
    helper = spawn();
    const started = helper;
    started.onmessage = ({ data }) => handle?.(data);
    started.onerror = (event) => {
      event.preventDefault();
      started.terminate();
      helper = undefined;
      handle?.({ id: lastId, failed: true });
    };
  } catch {
    helper = undefined;
  }

  return (request) => {
    const worker = helper;
    if (worker === undefined) {
      return here(request);
    }
    const id = ++lastId;
    const chunks: Array<Uint8Array | undefined> = [];
    let failed = false;
    let waiting: { resolve(chunk: Uint8Array | undefined): void; reject(e: Error): void } | undefined;
    const broken = () => new Error('the download broke off');
    const next = (): Promise<Uint8Array | undefined> =>
      chunks.length > 0
        ? Promise.resolve(chunks.shift())
        : failed
          ? Promise.reject(broken())
          : new Promise((resolve, reject) => (waiting = { resolve, reject }));
    const deliver = (chunk: Uint8Array | undefined) => {
      const w = waiting;
      waiting = undefined;
      return w ? w.resolve(chunk) : chunks.push(chunk);
    };
    return new Promise<Download<Uint8Array>>((resolve, reject) => {
      handle = (message) => {
        if (message.id !== id) {
          return;
        }
        if ('status' in message) {
          const cancel = () => {
            handle = undefined;
            worker.postMessage({ id, cancel: true });
          };
          resolve({ status: message.status, totalBytes: message.totalBytes, next, cancel });
        } else if ('chunk' in message) {
          worker.postMessage({ id, taken: message.chunk.length });
          deliver(message.chunk);
        } else if ('end' in message) {
          handle = undefined;
          deliver(undefined);
        } else {
          handle = undefined;
          failed = true;
          reject(broken());
          waiting?.reject(broken());
          waiting = undefined;
        }
      };
      worker.postMessage({ id, request });
    });
  };
}
