import { act, renderHook } from '@testing-library/react';
import { useNextTask } from './useNextTask';

describe('useNextTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gives the value from the next task on, and undefined again until the next task after a change', () => {
    const a = { name: 'a' };
    const b = { name: 'b' };
    const { result, rerender } = renderHook(({ value }) => useNextTask(value), { initialProps: { value: a } });
    expect(result.current).toBeUndefined();
    act(() => jest.runOnlyPendingTimers());
    expect(result.current).toBe(a);
    rerender({ value: b });
    expect(result.current).toBeUndefined();
    act(() => jest.runOnlyPendingTimers());
    expect(result.current).toBe(b);
  });

  it('chained, each link is one more task', () => {
    const a = { name: 'a' };
    const { result } = renderHook(() => {
      const first = useNextTask(a);
      return [first, useNextTask(first)];
    });
    expect(result.current).toEqual([undefined, undefined]);
    act(() => jest.runOnlyPendingTimers());
    expect(result.current).toEqual([a, undefined]);
    act(() => jest.runOnlyPendingTimers());
    expect(result.current).toEqual([a, a]);
  });
});
