/**
 * A value that changes often — a download's progress — held outside React state: setting it
 * re-renders only the components that read it (useLatestValue), not the page that owns it. On the
 * trace page a progress report used to re-render the whole page, ~25 ms of main thread ten times a
 * second on a 2-core machine, taken from the worker reading the trace.
 */
import { useEffect, useState } from 'react';

export interface LatestValue<T> {
  get(): T;
  set(value: T): void;
  /** calls `listener` after each change; returns the unsubscribe */
  subscribe(listener: () => void): () => void;
}

export function latestValue<T>(initial: T): LatestValue<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The store's value; the calling component re-renders when it changes. Component state, not
 * `useSyncExternalStore`: a store changed while React renders a transition makes that hook redo
 * the transition's whole render in one task (measured: 59 ms of trace page during a download).
 */
export function useLatestValue<T>(store: LatestValue<T>): T {
  const [seen, setSeen] = useState(() => ({ store, value: store.get() }));
  useEffect(() => {
    // unchanged: the same state object, so React skips the render
    const update = () =>
      setSeen((last) =>
        last.store === store && Object.is(last.value, store.get()) ? last : { store, value: store.get() }
      );
    // what changed between the render and this subscription
    update();
    return store.subscribe(update);
  }, [store]);
  return seen.store === store ? seen.value : store.get();
}
