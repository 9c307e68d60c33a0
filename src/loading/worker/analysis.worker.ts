/**
 * The analysis worker's entry (webpack emits it as its own chunk, worker-pool.ts starts it): for
 * each request, reads the body by its format and analyses it, then posts the analysis back with
 * its typed arrays transferred (wire.ts) and the time it took, or the error's message — the same words the main-thread
 * path would give, which loadTrace wraps the same way.
 */
import { analyzeTrace } from '../../engine';
import { readTrace } from '../read-trace';
import { AnalysisRequest, AnalysisResponse, transferablesOf } from './wire';

const reply = (response: AnalysisResponse, transfer: ArrayBuffer[] = []) => self.postMessage(response, { transfer });

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const started = performance.now();
  let analysis;
  try {
    analysis = analyzeTrace(readTrace(event.data));
  } catch (e) {
    return reply({ error: e instanceof Error ? e.message : String(e) });
  }
  reply({ analysis, analyseMs: performance.now() - started }, transferablesOf(analysis));
};
