/**
 * A fetched body read by its format and analysed, as the answer a worker posts (wire.ts): the
 * analysis and the ms reading and analysing took, or the reader's (or analyser's) error message.
 * The worker and the calling-thread path both answer through here. O(body).
 */
import { analyzeTrace } from '../../engine';
import { readTrace } from '../read-trace';
import type { AnalysisAnswer, AnalysisRequest } from './wire';

export function answerFetched(request: AnalysisRequest): AnalysisAnswer {
  const started = performance.now();
  try {
    return { analysis: analyzeTrace(readTrace(request)), analyseMs: performance.now() - started };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
