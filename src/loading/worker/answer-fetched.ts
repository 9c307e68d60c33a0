/**
 * A fetched body read by its format and analysed, as the answer a worker posts (wire.ts): the
 * analysis and the ms reading and analysing took, or the reader's (or analyser's) error: its
 * message, with its words where it gave them.
 * The worker and the calling-thread path both answer through here. O(body).
 */
import { analyzeTrace } from '../../engine';
import { readTrace } from '../read-trace';
import { AnalysisAnswer, AnalysisRequest, readerErrorOf } from './wire';

export function answerFetched(request: AnalysisRequest): AnalysisAnswer {
  const started = performance.now();
  try {
    return { analysis: analyzeTrace(readTrace(request)), analyseMs: performance.now() - started };
  } catch (e) {
    return readerErrorOf(e);
  }
}
