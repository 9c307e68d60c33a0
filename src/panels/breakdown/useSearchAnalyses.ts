/**
 * Loads and analyses the traces a search listed, from the datasource that listed them (Tempo or
 * Jaeger, through Grafana's datasource proxy), with the loading service: a few at a time, progress
 * after each, results in listing order. A failed trace is reported, not fatal.
 */
import { useEffect, useState } from 'react';
import { DataError } from '../../data';
import type { TraceAnalysis } from '../../engine';
import { loadTraces, TraceResult } from '../../loading';
import { createTraceSource } from '../../sources';
import { SearchHit } from './frames';
import type { TraceDatasource } from './input';

export interface TraceFailure {
  traceId: string;
  message: string;
}

export interface FetchedAnalyses {
  analyses: TraceAnalysis[];
  failures: TraceFailure[];
  /** the backend returned only part of these traces */
  partial: TraceFailure[];
}

export type SearchState =
  { status: 'idle' } | { status: 'loading'; done: number; total: number } | { status: 'done'; result: FetchedAnalyses };

export interface SearchRequest {
  /** a Tempo or Jaeger datasource (createTraceSource takes no other type) */
  source: TraceDatasource;
  hits: SearchHit[];
  /** Unix seconds */
  start: number;
  end: number;
}

/** The loaded traces in `traceIds` order, split into analyses, failures and partial-trace notes. */
function fetchedAnalyses(traceIds: readonly string[], results: ReadonlyMap<string, TraceResult>): FetchedAnalyses {
  const out: FetchedAnalyses = { analyses: [], failures: [], partial: [] };
  for (const traceId of traceIds) {
    const result = results.get(traceId);
    if (result instanceof DataError) {
      out.failures.push({ traceId, message: result.message });
    } else if (result) {
      out.analyses.push(result.analysis);
      for (const w of result.warnings) {
        if (w.kind === 'partial-trace') {
          out.partial.push({ traceId, message: w.message });
        }
      }
    }
  }
  return out;
}

/**
 * A new request (other traces, datasource or time range — e.g. a dashboard refresh) or unmounting
 * cancels the previous one.
 */
export function useSearchAnalyses(request: SearchRequest | undefined): SearchState {
  const key = request
    ? JSON.stringify([request.source, request.start, request.end, request.hits.map((h) => h.traceId)])
    : '';
  // the state of the request with `key`; a state of an earlier request is not shown
  const [state, setState] = useState<{ key: string; state: SearchState }>({ key: '', state: { status: 'idle' } });
  useEffect(() => {
    if (!request) {
      return;
    }
    const controller = new AbortController();
    const ids = request.hits.map((h) => h.traceId);
    const set = (next: SearchState) => !controller.signal.aborted && setState({ key, state: next });
    loadTraces(createTraceSource(request.source), ids, {
      signal: controller.signal,
      range: { start: request.start, end: request.end },
      onResult: (_id, _result, progress) => set({ status: 'loading', ...progress }),
    }).then((results) => set({ status: 'done', result: fetchedAnalyses(ids, results) }));
    return () => controller.abort();
    // `key` identifies the request; the object itself is rebuilt on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!request) {
    return { status: 'idle' };
  }
  return state.key === key ? state.state : { status: 'loading', done: 0, total: request.hits.length };
}
