/**
 * The analysis worker's entry (webpack emits it as its own chunk, worker-pool.ts starts it): for
 * each request, reads the body by its format and analyses it, then posts the analysis back with
 * its typed arrays transferred (wire.ts), or the error's message — the same words the main-thread
 * path would give, which loadTrace wraps the same way.
 */
import { analyzeTrace } from '../../engine';
import { readTrace } from '../read-trace';
import { AnalysisRequest, AnalysisResponse, transferablesOf } from './wire';

const reply = (response: AnalysisResponse, transfer: ArrayBuffer[] = []) => self.postMessage(response, { transfer });

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  let analysis;
  try {
    analysis = analyzeTrace(readTrace(event.data));
  } catch (e) {
    return reply({ error: e instanceof Error ? e.message : String(e) });
  }
  reply({ analysis }, transferablesOf(analysis));
};
