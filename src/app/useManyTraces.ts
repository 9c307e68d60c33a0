import { useEffect, useState } from 'react';
import { TempoClient, TimeRange } from '../data';
import { TraceAnalysis } from '../engine';
import { fetchManyTraces } from './traceFetch';

export interface ManyTraces {
  /** per trace id: its analysis or why it failed; fills in as traces arrive */
  results: Map<string, TraceAnalysis | Error>;
  done: number;
  total: number;
}

/**
 * Fetches and analyses `traceIds` (bounded concurrency, see traceFetch.ts), re-running when the
 * list changes; results of a superseded list are dropped.
 */
export function useManyTraces(tempo: TempoClient, traceIds: readonly string[], range: Partial<TimeRange>): ManyTraces {
  const [state, setState] = useState<{ ids: readonly string[]; results: Map<string, TraceAnalysis | Error> }>();
  useEffect(() => {
    const controller = new AbortController();
    fetchManyTraces(tempo, traceIds, {
      signal: controller.signal,
      range,
      onResult: (id, result) =>
        setState((s) => ({
          ids: traceIds,
          results: new Map(s?.ids === traceIds ? s.results : []).set(id, result),
        })),
    });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tempo, traceIds]);
  const results = state?.ids === traceIds ? state.results : new Map<string, TraceAnalysis | Error>();
  return { results, done: results.size, total: traceIds.length };
}
