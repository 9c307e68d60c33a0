/**
 * Fetches and analyses the traces a search listed, at most `concurrency` requests at a time
 * (a pool of workers taking the next id), reporting progress after each trace. Aborting the
 * signal stops starting new requests and cancels those in flight. A failed trace is reported,
 * not fatal. Results keep the order of `traceIds`.
 */
import { analyzeTrace, parseOtlpTrace, TraceAnalysis } from '../../engine';
import type { TempoClient, TimeRange } from '../../data/tempo/client';
import { DEFAULT_CONCURRENCY, forEachBounded } from '../../app/traceFetch';

export interface TraceFailure {
  traceId: string;
  message: string;
}

export interface FetchedAnalyses {
  analyses: TraceAnalysis[];
  failures: TraceFailure[];
  /** Tempo returned only part of these traces */
  partial: TraceFailure[];
}

export interface FetchOptions {
  signal: AbortSignal;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function fetchAnalyses(
  client: TempoClient,
  traceIds: readonly string[],
  range: Partial<TimeRange>,
  { signal, concurrency = DEFAULT_CONCURRENCY, onProgress }: FetchOptions
): Promise<FetchedAnalyses> {
  const results: Array<TraceAnalysis | undefined> = new Array(traceIds.length);
  const failures: TraceFailure[] = [];
  const partial: TraceFailure[] = [];
  let done = 0;
  await forEachBounded(traceIds, concurrency, signal, async (traceId, i) => {
    try {
      const fetched = await client.traceById(traceId, range, { signal });
      results[i] = analyzeTrace(parseOtlpTrace(fetched.raw));
      if (fetched.partial) {
        partial.push({ traceId, message: fetched.partial.message });
      }
    } catch (e) {
      if (!signal.aborted) {
        failures.push({ traceId, message: e instanceof Error ? e.message : String(e) });
      }
    }
    onProgress?.(++done, traceIds.length);
  });
  return { analyses: results.filter((a): a is TraceAnalysis => a !== undefined), failures, partial };
}
