import { useEffect, useState } from 'react';

/**
 * `value`, but only from a task after the page has painted it (undefined until then): what a page
 * computes from it renders in a task of its own, after the frame that shows the rest, instead of
 * lengthening the task that brought `value` or holding up that frame. Chained
 * (`useNextTask(useNextTask(v))`), each link is one more frame and task.
 */
export function useNextTask<T>(value: T | undefined): T | undefined {
  const [ready, setReady] = useState<{ value: T | undefined }>();
  useEffect(() => {
    // a timeout set from an animation frame fires after that frame has painted
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setReady({ value }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return ready && ready.value === value ? value : undefined;
}
