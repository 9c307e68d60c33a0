/**
 * Where a fetched trace body is read and analysed. Where the browser has Web Workers (chosen once
 * per page), a body of at least {@link WORKER_MIN_CHARS} goes to a pool of workers (worker/), so
 * that a big trace does not freeze the page; a smaller one, and every body where there are no
 * workers (jest, Node), is read on the calling thread. Both give the same analysis and reject with
 * the reader's own error (its message, and its words where it gave them); the worker path also rejects, with the signal's reason, once
 * `signal` aborts.
 * Why a size limit: 1M characters is about 3,000 spans, some 10 ms of reading and analysing, no
 * long task; below it a worker adds a round trip (posting, cloning the body, a message event that
 * waits for the main thread) to the millisecond a 200-span trace takes. On the compare page over
 * 1,000 traces × 200 spans (`npm run bench`, a busy shared 2-core machine, so roughly) every body
 * through a pool of 2 took 13.6 and 15.6 s to complete, a pool of 1 17.1 s, none 10.6 s (and 21 s
 * once under heavier load).
 * Pool of 2: one big trace takes one worker while a second load (a new trace, the panel) need not
 * wait; more would compete with the main thread for cores.
 */
import { analyzeTrace, TraceAnalysis } from '../engine';
import { readTrace } from './read-trace';
import { answerFetched } from './worker/answer-fetched';
import { AnalysisAnswer, rebuiltError } from './worker/wire';
import { AnalyzeFetched, createWorkerPool, RunJob } from './worker/worker-pool';

export const WORKER_MIN_CHARS = 1_000_000;
const WORKER_POOL_SIZE = 2;

/** Reads and analyses on the calling thread. */
export const analyzeOnThisThread: AnalyzeFetched = async (request) => analyzeTrace(readTrace(request));

/** A job's answer on the calling thread: a fetched body read and analysed; a stream is not (status 0). */
export const answerOnThisThread: RunJob = async (request) =>
  'raw' in request ? answerFetched(request) : { status: 0 };

/** The analysis in `answer`; throws the reader's error, rebuilt with its words (an answer without one is a bug). */
export function analysisOf(answer: AnalysisAnswer): TraceAnalysis {
  if ('analysis' in answer) {
    return answer.analysis;
  }
  throw 'error' in answer ? rebuiltError(answer) : new Error(`the body was not read (status ${answer.status})`);
}

/** Bodies of at least `minChars` characters go to `inWorker`, smaller ones to {@link analyzeOnThisThread}. */
export const bySize =
  (inWorker: AnalyzeFetched, minChars: number): AnalyzeFetched =>
  (request, signal) =>
    request.raw.length >= minChars ? inWorker(request, signal) : analyzeOnThisThread(request, signal);

/**
 * webpack emits the worker as its own chunk, `analysis-worker.js` at the plugin's root, and loads it
 * from the public path (which Grafana's plugin loader and the nested panel set, webpack.config.ts).
 * Its entry options replace the plugin's AMD wrapper (a worker has no `define`) with a plain script,
 * and let it find the chunks it shares with the plugin next to itself (`auto`).
 */
const spawnAnalysisWorker = () =>
  new Worker(
    /* webpackChunkName: "analysis-worker" */
    /* webpackEntryOptions: { library: { type: "var", name: "tracelensAnalysisWorker" }, publicPath: "auto" } */
    new URL('./worker/analysis.worker.ts', import.meta.url)
  );

const pool =
  typeof Worker === 'function'
    ? createWorkerPool(spawnAnalysisWorker, WORKER_POOL_SIZE, answerOnThisThread)
    : undefined;

export const analyzeFetched: AnalyzeFetched = pool
  ? bySize((request, signal) => pool(request, signal).then(analysisOf), WORKER_MIN_CHARS)
  : analyzeOnThisThread;

/**
 * Runs a stream request (worker/stream-read.ts) in the pool's workers: where the browser has
 * workers and streams, else undefined (the caller fetches the usual way).
 */
export const streamInWorker: RunJob | undefined = pool && typeof ReadableStream === 'function' ? pool : undefined;

/** Starts an analysis worker ahead of the first trace (worker-pool.ts); nothing where there are none. */
export const prestartAnalysisWorker = () => pool?.prestart();
