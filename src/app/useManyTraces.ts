/**
 * Loads and analyses `traceIds` from the page's source through the loading service (bounded
 * concurrency), filling in results as they arrive; a new list or source drops the old results.
 */
import { useEffect, useState } from 'react';
import { loadTraces, TraceResult } from '../loading';
import type { SearchRange, TraceSource } from '../sources/types';

export interface ManyTraces {
  /** per trace id: the loaded trace (analysis and warnings) or why it failed */
  results: Map<string, TraceResult>;
  done: number;
  total: number;
}

export function useManyTraces(
  source: TraceSource | undefined,
  traceIds: readonly string[],
  range: SearchRange
): ManyTraces {
  const [state, setState] = useState<{ ids: readonly string[]; results: Map<string, TraceResult> }>();
  useEffect(() => {
    if (!source) {
      return;
    }
    const controller = new AbortController();
    loadTraces(source, traceIds, {
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
  }, [source, traceIds]);
  const results = state?.ids === traceIds ? state.results : new Map<string, TraceResult>();
  return { results, done: results.size, total: new Set(traceIds).size };
}
