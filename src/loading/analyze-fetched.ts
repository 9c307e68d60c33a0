/**
 * Where a fetched trace body is read and analysed, chosen once per page: in a pool of Web Workers
 * where the browser has them (worker/), so that a big trace does not freeze the page, else (jest,
 * Node) on the calling thread. Both give the same analysis and reject with the reader's own error
 * message; the worker path also rejects, with the signal's reason, once `signal` aborts.
 * Pool of 2: one big trace takes one worker while a second load (a new trace, a compare page's
 * next trace) need not wait; more would compete with the main thread for cores.
 */
import { analyzeTrace } from '../engine';
import { readTrace } from './read-trace';
import { AnalyzeFetched, createWorkerPool } from './worker/worker-pool';

export const WORKER_POOL_SIZE = 2;

/** Reads and analyses on the calling thread. */
export const analyzeOnThisThread: AnalyzeFetched = async (request) => analyzeTrace(readTrace(request));

/**
 * webpack emits the worker as its own chunk, `analysis-worker.js` at the plugin's root, and loads it
 * from the public path (which Grafana's plugin loader and the nested panel set, webpack.config.ts).
 * Its entry options replace the plugin's AMD wrapper (a worker has no `define`) with a plain script.
 */
const spawnAnalysisWorker = () =>
  new Worker(
    /* webpackChunkName: "analysis-worker" */
    /* webpackEntryOptions: { library: { type: "var", name: "tracelensAnalysisWorker" }, publicPath: "auto" } */
    new URL('./worker/analysis.worker.ts', import.meta.url)
  );

export const analyzeFetched: AnalyzeFetched =
  typeof Worker === 'function'
    ? createWorkerPool(spawnAnalysisWorker, WORKER_POOL_SIZE, analyzeOnThisThread)
    : analyzeOnThisThread;
