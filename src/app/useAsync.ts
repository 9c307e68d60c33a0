import { startTransition, useEffect, useState } from 'react';

export interface AsyncState<T> {
  loading: boolean;
  error?: Error;
  /** the latest result; kept while a newer request is loading */
  value?: T;
}

/**
 * Runs `load` whenever `key` (a string naming the request: datasource, query, range…) changes,
 * aborting the previous run so its result is dropped; nothing runs while `key` is undefined.
 * `loading` is derived from whether the stored result belongs to the current key.
 * A result is stored in a transition: React renders what it changes in slices, yielding to the
 * browser between components, so a big result (a huge trace's summary) paints without one long task.
 */
export function useAsync<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const [result, setResult] = useState<{ key: string; value?: T; error?: Error }>();
  useEffect(() => {
    if (key === undefined) {
      return;
    }
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => !controller.signal.aborted && startTransition(() => setResult({ key, value })),
      (error: Error) => !controller.signal.aborted && startTransition(() => setResult({ key, error }))
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const current = key !== undefined && result?.key === key;
  return {
    loading: key !== undefined && !current,
    value: key !== undefined ? result?.value : undefined,
    error: current ? result?.error : undefined,
  };
}
