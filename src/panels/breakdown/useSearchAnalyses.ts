/**
 * Loads and analyses the traces a search listed, from the datasource that listed them (Tempo or
 * Jaeger, through Grafana's datasource proxy), with the loading service: a few at a time, each
 * result kept as it arrives (the coverage line counts them), the analyses in listing order once
 * all are in — or once the user cancels, with what came in. A failed trace is reported, not fatal.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DataError } from '../../data';
import type { TraceAnalysis } from '../../engine';
import { loadTraces, TraceResult } from '../../loading';
import { createTraceSource } from '../../sources';
import { SearchHit } from './frames';
import type { TraceDatasource } from './input';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; results: ReadonlyMap<string, TraceResult>; total: number }
  | {
      status: 'done';
      results: ReadonlyMap<string, TraceResult>;
      /** the loaded traces' analyses, in listing order */
      analyses: TraceAnalysis[];
      /** the user stopped the fetch: `results` holds what came in before */
      cancelled: boolean;
    };

export interface SearchRequest {
  /** a Tempo or Jaeger datasource (createTraceSource takes no other type) */
  source: TraceDatasource;
  hits: SearchHit[];
  /** Unix seconds */
  start: number;
  end: number;
}

/** The analyses of the loaded traces, in `traceIds` order. */
const analysesOf = (traceIds: readonly string[], results: ReadonlyMap<string, TraceResult>): TraceAnalysis[] =>
  traceIds.flatMap((id) => {
    const result = results.get(id);
    return result && !(result instanceof DataError) ? [result.analysis] : [];
  });

/**
 * A new request (other traces, datasource or time range — e.g. a dashboard refresh) or unmounting
 * cancels the previous one; `cancel` stops the current one where it is.
 */
export function useSearchAnalyses(request: SearchRequest | undefined): { state: SearchState; cancel: () => void } {
  const key = request
    ? JSON.stringify([request.source, request.start, request.end, request.hits.map((h) => h.traceId)])
    : '';
  // the state of the request with `key`; a state of an earlier request is not shown
  const [state, setState] = useState<{ key: string; state: SearchState }>({ key: '', state: { status: 'idle' } });
  const stop = useRef<() => void>();
  useEffect(() => {
    if (!request) {
      return;
    }
    const controller = new AbortController();
    const ids = request.hits.map((h) => h.traceId);
    const results = new Map<string, TraceResult>();
    const set = (next: SearchState) => setState({ key, state: next });
    const finish = (cancelled: boolean) =>
      set({ status: 'done', results: new Map(results), analyses: analysesOf(ids, results), cancelled });
    stop.current = () => {
      controller.abort();
      finish(true);
    };
    loadTraces(createTraceSource(request.source), ids, {
      signal: controller.signal,
      range: { start: request.start, end: request.end },
      onResult: (id, result, progress) => {
        results.set(id, result);
        set({ status: 'loading', results: new Map(results), total: progress.total });
      },
    }).then(() => !controller.signal.aborted && finish(false));
    return () => controller.abort();
    // `key` identifies the request; the object itself is rebuilt on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const cancel = useCallback(() => stop.current?.(), []);
  if (!request) {
    return { state: { status: 'idle' }, cancel };
  }
  const current: SearchState =
    state.key === key ? state.state : { status: 'loading', results: new Map(), total: request.hits.length };
  return { state: current, cancel };
}
