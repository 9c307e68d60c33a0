import { startTransition, useEffect, useState } from 'react';

/**
 * `value`, but only from a task after the page has painted it (undefined until then): what a page
 * computes from it renders in a task of its own, after the frame that shows the rest, instead of
 * lengthening the task that brought `value` or holding up that frame. Chained
 * (`useNextTask(useNextTask(v))`), each link is one more frame and task.
 * The value is stored in a transition, so the page's re-render is sliced (a timer's update would
 * otherwise re-render the whole page in one task: 110-250 ms measured on a 1M-span trace's page);
 * and `undefined` is never stored, as it would re-render the page for nothing.
 */
export function useNextTask<T>(value: T | undefined): T | undefined {
  const [ready, setReady] = useState<{ value: T }>();
  useEffect(() => {
    if (value === undefined) {
      return;
    }
    // a timeout set from an animation frame fires after that frame has painted
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setReady({ value })), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return ready && ready.value === value ? value : undefined;
}
