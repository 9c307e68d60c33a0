/**
 * The analysis worker's entry (webpack emits it as its own chunk; analyze-fetched.ts starts it,
 * worker-pool.ts hands it jobs): for each request, reads the body by its format — or fetches it
 * and reads it as it arrives, posting progress (stream-read.ts) — and analyses it,
 * then posts back the analysis (and a huge trace's summary parts) with their typed arrays
 * transferred (wire.ts) and the ms it took, or the reader's error as its message and words — what
 * the main-thread path gives, which loadTrace wraps the same way.
 * O(body) per request, as the reader and the analysis are.
 */
import { answerFetched } from './answer-fetched';
import { readStreamed } from './stream-read';
import { AnalysisAnswer, AnalysisResponse, transferablesOf, WorkerRequest } from './wire';

const reply = (response: AnalysisResponse, transfer: ArrayBuffer[] = []) => self.postMessage(response, { transfer });

/** The answer, with the buffers of its typed arrays (the analysis's, the summary parts') transferred. */
const answer = (response: AnalysisAnswer) => reply(response, 'analysis' in response ? transferablesOf(response) : []);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if ('raw' in request) {
    answer(answerFetched(request));
  } else {
    readStreamed(request, reply).then(answer);
  }
};
