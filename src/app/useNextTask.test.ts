import { act, renderHook } from '@testing-library/react';
import { useNextTask } from './useNextTask';

// jest's fake timers run animation frames as 16 ms timers: the frame, then the timeout set in it
const nextFrame = () => act(() => jest.runOnlyPendingTimers());
const taskAfterIt = nextFrame;

describe('useNextTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gives the value from the task after the next frame on, and undefined again until then after a change', () => {
    const a = { name: 'a' };
    const b = { name: 'b' };
    const { result, rerender } = renderHook(({ value }) => useNextTask(value), { initialProps: { value: a } });
    expect(result.current).toBeUndefined();
    nextFrame();
    expect(result.current).toBeUndefined();
    taskAfterIt();
    expect(result.current).toBe(a);
    rerender({ value: b });
    expect(result.current).toBeUndefined();
    nextFrame();
    taskAfterIt();
    expect(result.current).toBe(b);
  });

  it('chained, each link is one more frame and task', () => {
    const a = { name: 'a' };
    const { result } = renderHook(() => {
      const first = useNextTask(a);
      return [first, useNextTask(first)];
    });
    expect(result.current).toEqual([undefined, undefined]);
    nextFrame();
    taskAfterIt();
    expect(result.current).toEqual([a, undefined]);
    nextFrame();
    taskAfterIt();
    expect(result.current).toEqual([a, a]);
  });

  it('schedules nothing for undefined (it would re-render the page for nothing)', () => {
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useNextTask<{ name: string }>(undefined);
    });
    expect(jest.getTimerCount()).toBe(0);
    nextFrame();
    expect(result.current).toBeUndefined();
    expect(renders).toBe(1);
  });

  it('does nothing once unmounted, before the frame or between it and the task', () => {
    const first = renderHook(() => useNextTask({ name: 'a' }));
    first.unmount();
    const second = renderHook(() => useNextTask({ name: 'a' }));
    nextFrame();
    second.unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
