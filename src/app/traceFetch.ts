/**
 * Fetches and analyses many traces with bounded concurrency: at most `concurrency` requests in
 * flight, results reported one by one (for progress bars and lazily filled tables). A failed
 * trace yields its error without stopping the others; aborting `signal` stops starting new ones.
 */
import { analyzeTrace, parseOtlpTrace, TraceAnalysis } from '../engine';
import { TempoClient, TimeRange } from '../data';

export const DEFAULT_CONCURRENCY = 4;

export interface FetchOptions {
  signal: AbortSignal;
  range?: Partial<TimeRange>;
  concurrency?: number;
  /** called after each trace, in completion order */
  onResult?: (traceId: string, result: TraceAnalysis | Error, done: number) => void;
}

export async function fetchAndAnalyze(
  tempo: TempoClient,
  traceId: string,
  options: FetchOptions
): Promise<TraceAnalysis> {
  const fetched = await tempo.traceById(traceId, options.range, { signal: options.signal });
  return analyzeTrace(parseOtlpTrace(fetched.raw));
}

/**
 * Runs `task` on every item, at most `concurrency` at a time (a pool of workers each taking the
 * next item), and stops starting new ones once `signal` aborts.
 */
export async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal,
  task: (item: T, index: number) => Promise<void>
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const i = next++;
      await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export async function fetchManyTraces(
  tempo: TempoClient,
  traceIds: readonly string[],
  options: FetchOptions
): Promise<Map<string, TraceAnalysis | Error>> {
  const results = new Map<string, TraceAnalysis | Error>();
  await forEachBounded(traceIds, options.concurrency ?? DEFAULT_CONCURRENCY, options.signal, async (id) => {
    let result: TraceAnalysis | Error;
    try {
      result = await fetchAndAnalyze(tempo, id, options);
    } catch (e) {
      result = e as Error;
    }
    if (options.signal.aborted) {
      return;
    }
    results.set(id, result);
    options.onResult?.(id, result, results.size);
  });
  return results;
}
