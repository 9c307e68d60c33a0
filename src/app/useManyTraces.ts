/**
 * Loads and analyses `traceIds` from the page's source through the loading service (bounded
 * concurrency, loading/load-traces.ts), filling in results as they arrive; a new list or source
 * drops the old results. `cancel` stops the fetch where it is: the results so far stay,
 * `cancelled` says the rest never comes.
 * Thousands of traces: each arrival is O(1) (a set in one Map kept across renders and a push to
 * the arrival list, no copy), and the page re-renders at most once per `RENDER_INTERVAL_MS`
 * while traces arrive, then at once when the last is in or the fetch is cancelled. Views that
 * fold the traces in (an aggregate filling in) take the ids from `arrived` past their last
 * position, so a whole load costs them O(traces), not O(traces²). A loaded trace keeps its
 * analysis, never the fetched text.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadTraces, TraceResult } from '../loading';
import type { SearchRange, TraceSource } from '../sources/types';

/** Shortest time between two re-renders while traces arrive (at most 4 a second). */
export const RENDER_INTERVAL_MS = 250;

export interface ManyTraces {
  /**
   * Per trace id: the loaded trace (analysis and warnings) or why it failed. One Map that grows
   * in place while the fetch runs: read it, do not keep it as a value — `version` tells it changed.
   */
  results: ReadonlyMap<string, TraceResult>;
  /** ids in the order their results came in (grows in place, like `results`) */
  arrived: readonly string[];
  /** changes whenever `results` did (a re-render's key for what derives from them) */
  version: number;
  done: number;
  total: number;
  /** the user stopped the fetch before every trace was in */
  cancelled: boolean;
  cancel: () => void;
}

/** One fetch: what came in so far (filled in place by the fetch's callbacks). */
interface Load {
  results: Map<string, TraceResult>;
  arrived: string[];
}

export function useManyTraces(
  source: TraceSource | undefined,
  traceIds: readonly string[],
  range: SearchRange
): ManyTraces {
  // a new list or source: a new, empty load (made while rendering, filled by the effect below)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useMemo<Load>(() => ({ results: new Map(), arrived: [] }), [source, traceIds]);
  const [cancelledLoad, setCancelledLoad] = useState<Load>();
  const [version, setVersion] = useState(0);
  const controller = useRef<AbortController>();
  useEffect(() => {
    if (!source) {
      return;
    }
    const current = new AbortController();
    controller.current = current;
    const { results, arrived } = load;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = -Infinity;
    const render = () => {
      timer = undefined;
      last = performance.now();
      setVersion((v) => v + 1);
    };
    loadTraces(source, traceIds, {
      signal: current.signal,
      range,
      onResult: (id, result, { done, total }) => {
        results.set(id, result);
        arrived.push(id);
        // the last one, or the first after a quiet interval, at once; else once the interval is over
        const wait = last + RENDER_INTERVAL_MS - performance.now();
        if (done === total || (wait <= 0 && timer === undefined)) {
          clearTimeout(timer);
          render();
        } else if (timer === undefined) {
          timer = setTimeout(render, wait);
        }
      },
    });
    return () => {
      clearTimeout(timer);
      current.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);
  const cancel = useCallback(() => {
    controller.current?.abort();
    setCancelledLoad(load);
  }, [load]);
  const total = useMemo(() => new Set(traceIds).size, [traceIds]);
  return {
    results: load.results,
    arrived: load.arrived,
    version,
    done: load.results.size,
    total,
    cancelled: cancelledLoad === load,
    cancel,
  };
}
