import { useEffect, useState } from 'react';

/**
 * `value`, but only from a task after the one that first rendered it (undefined until then): what
 * a page computes from it renders in a task of its own, after the page has painted, instead of
 * lengthening the task that brought `value`. Chained (`useNextTask(useNextTask(v))`), each link is
 * one more task.
 */
export function useNextTask<T>(value: T | undefined): T | undefined {
  const [ready, setReady] = useState<{ value: T | undefined }>();
  useEffect(() => {
    const timer = setTimeout(() => setReady({ value }), 0);
    return () => clearTimeout(timer);
  }, [value]);
  return ready && ready.value === value ? value : undefined;
}
