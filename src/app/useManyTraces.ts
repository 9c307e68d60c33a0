/**
 * Loads and analyses `traceIds` from the page's source through the loading service (bounded
 * concurrency), filling in results as they arrive; a new list or source drops the old results.
 * `cancel` stops the fetch where it is: the results so far stay, `cancelled` says the rest never comes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadTraces, TraceResult } from '../loading';
import type { SearchRange, TraceSource } from '../sources/types';

export interface ManyTraces {
  /** per trace id: the loaded trace (analysis and warnings) or why it failed */
  results: Map<string, TraceResult>;
  done: number;
  total: number;
  /** the user stopped the fetch before every trace was in */
  cancelled: boolean;
  cancel: () => void;
}

interface State {
  ids: readonly string[];
  results: Map<string, TraceResult>;
  cancelled: boolean;
}

export function useManyTraces(
  source: TraceSource | undefined,
  traceIds: readonly string[],
  range: SearchRange
): ManyTraces {
  const [state, setState] = useState<State>();
  const controller = useRef<AbortController>();
  useEffect(() => {
    if (!source) {
      return;
    }
    const current = new AbortController();
    controller.current = current;
    loadTraces(source, traceIds, {
      signal: current.signal,
      range,
      onResult: (id, result) =>
        setState((s) => ({
          ids: traceIds,
          results: new Map(s?.ids === traceIds ? s.results : []).set(id, result),
          cancelled: false,
        })),
    });
    return () => current.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, traceIds]);
  const cancel = useCallback(() => {
    controller.current?.abort();
    setState((s) => ({ ids: traceIds, results: s?.ids === traceIds ? s.results : new Map(), cancelled: true }));
  }, [traceIds]);
  const mine = state?.ids === traceIds ? state : undefined;
  const results = mine?.results ?? new Map<string, TraceResult>();
  return { results, done: results.size, total: new Set(traceIds).size, cancelled: mine?.cancelled ?? false, cancel };
}
