/**
 * Loads and analyses `traceIds` from the page's source through the loading service (bounded
 * concurrency, loading/load-traces.ts), filling in results as they arrive; a new list or source
 * drops the old results. `cancel` stops the fetch where it is: the results so far stay,
 * `cancelled` says the rest never comes.
 * Thousands of traces: each arrival is O(1) (a set in one Map kept across renders and a push to
 * the arrival list, no copy), and while traces arrive the page re-renders at most once per
 * `RENDER_INTERVAL_MS`, or per `RENDER_COST_FACTOR` times what the last re-render took (asked for
 * until its effects ran) when that is longer — so re-rendering a large view (a comparison table,
 * a flame graph) takes at most about a fifth of the main thread and the fetch keeps its pace —
 * then at once when the last is in or the fetch is cancelled. Views that
 * fold the traces in (an aggregate filling in) take the ids from `arrived` past their last
 * position, so a whole load costs them O(traces), not O(traces²). A loaded trace keeps its
 * analysis, never the fetched text.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadTraces, TraceResult } from '../loading';
import type { SearchRange, TraceSource } from '../sources/types';

/** Shortest time between two re-renders while traces arrive (at most 4 a second). */
export const RENDER_INTERVAL_MS = 250;
/** Time between two re-renders while traces arrive, at least, in multiples of the last one's cost. */
export const RENDER_COST_FACTOR = 4;

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
  /** when the pending re-render was asked for (NaN: none), when the last one ended, the gap to keep */
  const pace = useRef({ asked: NaN, last: -Infinity, gap: RENDER_INTERVAL_MS });
  useEffect(() => {
    // the re-render asked for has run: what it took sets the gap before the next
    const p = pace.current;
    if (!Number.isNaN(p.asked)) {
      p.last = performance.now();
      p.gap = Math.max(RENDER_INTERVAL_MS, RENDER_COST_FACTOR * (p.last - p.asked));
      p.asked = NaN;
    }
  }, [version]);
  useEffect(() => {
    if (!source) {
      return;
    }
    const current = new AbortController();
    controller.current = current;
    const { results, arrived } = load;
    const p = pace.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const render = () => {
      timer = undefined;
      p.asked = p.last = performance.now();
      setVersion((v) => v + 1);
    };
    loadTraces(source, traceIds, {
      signal: current.signal,
      range,
      onResult: (id, result, { done, total }) => {
        results.set(id, result);
        arrived.push(id);
        // the last one, or the first after a quiet interval, at once; else once the interval is over
        const wait = p.last + p.gap - performance.now();
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
