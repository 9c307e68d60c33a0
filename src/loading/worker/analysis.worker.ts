/**
 * The analysis worker's entry (webpack emits it as its own chunk; analyze-fetched.ts starts it,
 * worker-pool.ts hands it jobs): for each request, reads the body by its format and analyses it,
 * then posts back the analysis with its typed arrays transferred (wire.ts) and the ms it took, or
 * the error's message — the words the main-thread path gives, which loadTrace wraps the same way.
 * O(body) per request, as the reader and the analysis are.
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
