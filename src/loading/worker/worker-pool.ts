/**
 * A pool of analysis workers: each job (a fetched body, or a body to fetch as a stream) runs in the first idle worker, at most
 * `size` at once, the others wait in order. Aborting a job's signal drops it from the queue or,
 * when it is running, terminates its worker (a synchronous parse cannot be interrupted otherwise);
 * the next job that needs that slot starts a fresh worker. Workers are started on first need, or
 * one ahead of it ({@link WorkerPool.prestart}), and then kept.
 * When a worker cannot be started (the constructor throws, or its script fails to load: an
 * `error` event) the pool stops using workers: that job and every later one run on `fallback`.
 * A job's progress messages go to its `onProgress`; its answer settles it.
 * Posting a job leaves a performance mark ({@link WORKER_POSTED}) and each result a measure from it
 * to the rebuilt analysis ({@link WORKER_MEASURE}), for DevTools and the browser tests.
 */
import type { TraceAnalysis } from '../../engine';
import type { AnalysisAnswer, AnalysisRequest, AnalysisResponse, LoadProgress, WorkerRequest } from './wire';

/** Reads and analyses a fetched body; rejects with the reader's error, or once `signal` aborts. */
export type AnalyzeFetched = (request: AnalysisRequest, signal?: AbortSignal) => Promise<TraceAnalysis>;

/** Runs a job to its answer (the reader's error is an answer too); rejects only once `signal` aborts. */
export type RunJob = (
  request: WorkerRequest,
  signal?: AbortSignal,
  onProgress?: (progress: LoadProgress) => void
) => Promise<AnalysisAnswer>;

/** The name of the performance mark left when a job is posted to a worker. */
export const WORKER_POSTED = 'TraceLens: trace posted to a worker';

/**
 * The name of the performance measure of each job a worker ran; detail `{ spans, analyseMs }`, the
 * ms of it the worker spent reading and analysing (the rest is moving the body and the analysis).
 */
export const WORKER_MEASURE = 'TraceLens: trace read and analysed in a worker';

/** Runs jobs (see the file header). */
export type WorkerPool = RunJob & {
  /**
   * Starts a worker before the first job, so that it does not wait while the worker's script loads
   * (50–120 ms on the 100k-span bench); nothing when one is started already or workers failed.
   */
  prestart(): void;
};

/** The part of a `Worker` the pool uses. */
export type PoolWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

interface Job {
  request: WorkerRequest;
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
  resolve(answer: AnalysisAnswer): void;
  reject(error: unknown): void;
}

interface Slot {
  worker?: PoolWorker;
  job?: Job;
  /** performance.now() when the job was posted */
  posted: number;
  /** detaches the running job's abort listener */
  detach(): void;
}

export function createWorkerPool(spawn: () => PoolWorker, size: number, fallback: RunJob): WorkerPool {
  const queue: Job[] = [];
  const slots: Slot[] = Array.from({ length: size }, () => ({ posted: 0, detach: () => {} }));
  let broken = false;

  const release = (slot: Slot) => {
    slot.detach();
    slot.job = undefined;
  };

  /** The job's worker failed to start: no more workers; it and those waiting run on `fallback`. */
  const giveUp = (job: Job) => {
    broken = true;
    for (const waiting of [job, ...queue.splice(0)]) {
      fallback(waiting.request, waiting.signal, waiting.onProgress).then(waiting.resolve, waiting.reject);
    }
  };

  const start = (slot: Slot, job: Job) => {
    try {
      slot.worker ??= spawn();
    } catch {
      return giveUp(job);
    }
    const worker = slot.worker;
    slot.job = job;
    worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      const response = event.data;
      if ('progress' in response) {
        job.onProgress?.(response.progress);
        return;
      }
      release(slot);
      if ('analysis' in response) {
        const detail = { spans: response.analysis.trace.spanCount, analyseMs: response.analyseMs };
        performance.measure(WORKER_MEASURE, { start: slot.posted, detail });
      }
      job.resolve(response);
      next();
    };
    /** Ends the job's worker; the slot's next job starts a fresh one. */
    const discard = () => {
      release(slot);
      worker.terminate();
      slot.worker = undefined;
    };
    worker.onerror = (event) => {
      event.preventDefault();
      discard();
      giveUp(job);
    };
    const abort = () => {
      discard();
      job.reject(job.signal!.reason);
      next();
    };
    job.signal?.addEventListener('abort', abort);
    slot.detach = () => job.signal?.removeEventListener('abort', abort);
    slot.posted = performance.mark(WORKER_POSTED).startTime;
    worker.postMessage(job.request);
  };

  const next = () => {
    for (const slot of slots) {
      if (broken || queue.length === 0) {
        return;
      }
      if (!slot.job) {
        start(slot, queue.shift()!);
      }
    }
  };

  const prestart = () => {
    const slot = slots[0];
    if (broken || slot.worker) {
      return;
    }
    try {
      const worker = spawn();
      slot.worker = worker;
      // a script that fails to load before any job: the jobs run on `fallback` (a job's start
      // replaces this handler with its own)
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        slot.worker = undefined;
        broken = true;
      };
    } catch {
      broken = true;
    }
  };

  const run: RunJob = (request, signal, onProgress) => {
    if (broken) {
      return fallback(request, signal, onProgress);
    }
    return new Promise<AnalysisAnswer>((resolve, reject) => {
      if (signal?.aborted) {
        return reject(signal.reason);
      }
      const job: Job = { request, signal, onProgress, resolve, reject };
      queue.push(job);
      signal?.addEventListener(
        'abort',
        () => {
          const waiting = queue.indexOf(job);
          if (waiting >= 0) {
            queue.splice(waiting, 1);
            reject(signal.reason);
          }
        },
        { once: true }
      );
      next();
    });
  };
  return Object.assign(run, { prestart });
}
