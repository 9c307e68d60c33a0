/**
 * Many traces from one {@link TraceSource}, each through {@link loadTrace}, at most `concurrency`
 * requests in flight, each result reported as it arrives (progress bars, lazily filled tables).
 * A failed trace yields its `DataError` without stopping the others; aborting `signal` starts no
 * more requests, cancels those in flight and reports nothing further.
 * Default concurrency 6: browsers keep at most 6 HTTP/1.1 connections per host (Chrome, Firefox,
 * Safari) and every trace request goes to the one Grafana host, so more would only queue inside
 * the browser.
 */
import { DataError, dataError } from '../data';
import type { TraceSource } from '../sources/types';
import { LoadedTrace, loadTrace, LoadOptions } from './load-trace';

export const DEFAULT_CONCURRENCY = 6;

export type TraceResult = LoadedTrace | DataError;

export interface LoadTracesOptions extends LoadOptions {
  signal: AbortSignal;
  /** requests in flight at most; default {@link DEFAULT_CONCURRENCY} */
  concurrency?: number;
  /** after each trace, in completion order; `done` of `total` distinct ids are finished */
  onResult?: (traceId: string, result: TraceResult, progress: { done: number; total: number }) => void;
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

const asDataError = (e: unknown, source: TraceSource, traceId: string) =>
  e instanceof DataError
    ? e
    : dataError('trace-failed', { target: source.target, traceId, cause: e instanceof Error ? e.message : String(e) });

/** Results by trace id, in the order of `traceIds` (duplicates loaded once); none once aborted. */
export async function loadTraces(
  source: TraceSource,
  traceIds: readonly string[],
  options: LoadTracesOptions
): Promise<Map<string, TraceResult>> {
  const ids = [...new Set(traceIds)];
  const { signal, range, concurrency = DEFAULT_CONCURRENCY, onResult } = options;
  const results = new Map<string, TraceResult>();
  await forEachBounded(ids, concurrency, signal, async (traceId) => {
    let result: TraceResult;
    try {
      result = await loadTrace(source, traceId, { range, signal });
    } catch (e) {
      result = asDataError(e, source, traceId);
    }
    if (signal.aborted) {
      return;
    }
    results.set(traceId, result);
    onResult?.(traceId, result, { done: results.size, total: ids.length });
  });
  return new Map(ids.flatMap((id) => (results.has(id) ? [[id, results.get(id)!] as const] : [])));
}
