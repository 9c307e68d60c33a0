/**
 * A trace by id fetched and read by a worker as the body arrives (worker/stream-read.ts), so the
 * page never holds the text: the source's stream request (`TraceSource.traceStream`) runs in
 * `run` (the worker pool), and the source reads its envelope's facts from the body's two ends
 * (Tempo's partial-trace note). Undefined when there is nothing to stream, or the answer is not
 * the one expected — not OK (404, Tempo's 422 for a trace over its size limit…), a failed
 * download, a body that is no trace or another API's: then the caller fetches the usual way,
 * whose errors say what happened. Rejects only once `signal` aborts (the pool ends the worker,
 * which ends its fetch). O(1) here; the worker's work is O(body).
 */
import type { DataError } from '../data';
import type { SummaryParts, TraceAnalysis } from '../engine';
import type { SearchRange, TraceSource } from '../sources/types';
import type { LoadProgress, ReaderError } from './worker/wire';
import type { RunJob } from './worker/worker-pool';

/**
 * The analysis with the source's partial-trace note (and a huge trace's summary parts, computed by
 * the worker), or the reader's error (message and words).
 */
export type StreamedTrace = { analysis: TraceAnalysis; partial?: DataError; summary?: SummaryParts } | ReaderError;

export async function streamTrace(
  source: TraceSource,
  traceId: string,
  range: SearchRange | undefined,
  run: RunJob,
  signal?: AbortSignal,
  onProgress?: (progress: LoadProgress) => void
): Promise<StreamedTrace | undefined> {
  const plan = source.traceStream?.(traceId, range);
  if (!plan) {
    return undefined;
  }
  const { url, headers } = plan.request;
  const answer = await run({ url, headers, endChars: plan.endChars }, signal, onProgress);
  if ('status' in answer || answer.ends === undefined) {
    return undefined;
  }
  const facts = plan.ends(answer.ends.head, answer.ends.tail);
  if (facts === undefined) {
    return undefined;
  }
  return 'error' in answer
    ? { error: answer.error, words: answer.words }
    : { analysis: answer.analysis, partial: facts.partial, summary: answer.summary };
}
