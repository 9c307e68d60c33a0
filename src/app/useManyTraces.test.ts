import { act, renderHook } from '@testing-library/react';
import { recorded, wireText } from '../../tests/support/recorded';
import { recordedSource } from '../loading/testing/recordedSource';
import type { FetchedTrace } from '../sources/types';
import { RENDER_COST_FACTOR, RENDER_INTERVAL_MS, useManyTraces } from './useManyTraces';

const IDS = ['a', 'b', 'c', 'd'];
const RANGE = { start: 1795255306, end: 1795255317 };

/** A source whose trace requests wait until the test answers them, one id at a time. */
function gatedSource() {
  const waiting = new Map<string, () => void>();
  const source = recordedSource({
    traceById: (traceId) =>
      new Promise<FetchedTrace>((resolve) =>
        waiting.set(traceId, () => resolve({ format: 'otlp', raw: wireText(recorded('tempo-trace-v2')) }))
      ),
  });
  return { source, waiting };
}

/** Lets promise callbacks run until `done()` holds (what the test can observe, not a number of turns). */
async function until(done: () => boolean) {
  for (let turns = 0; !done() && turns < 1000; turns++) {
    await act(() => Promise.resolve());
  }
  expect(done()).toBe(true);
}

describe('useManyTraces', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('keeps one Map, re-renders at most once per interval while traces arrive, and at once at the end', async () => {
    const { source, waiting } = gatedSource();
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useManyTraces(source, IDS, RANGE);
    });
    const results = result.current.results;
    await until(() => waiting.size === 4);
    const answer = async (id: string, arrived: number) => {
      waiting.get(id)!();
      // the Map fills in place: what came in shows before any re-render
      await until(() => results.size === arrived);
    };
    // the first arrival after a quiet interval re-renders at once
    await answer('b', 1);
    expect([result.current.done, result.current.arrived]).toEqual([1, ['b']]);
    const afterFirst = renders;
    // two more within the interval: no re-render until it is over, then one for both
    await answer('a', 2);
    await answer('d', 3);
    expect([renders, result.current.done]).toEqual([afterFirst, 1]);
    act(() => jest.advanceTimersByTime(RENDER_INTERVAL_MS));
    expect([renders, result.current.done, result.current.total]).toEqual([afterFirst + 1, 3, 4]);
    // the last one at once, though the interval is not over
    await answer('c', 4);
    expect([renders, result.current.done]).toEqual([afterFirst + 2, 4]);
    expect(result.current.results).toBe(results);
    expect(result.current.arrived).toEqual(['b', 'a', 'd', 'c']);
    expect([...results.keys()]).toEqual(['b', 'a', 'd', 'c']);
  });

  it('waits longer between re-renders that take long: RENDER_COST_FACTOR times the last one', async () => {
    const { source, waiting } = gatedSource();
    // a clock that only rendering moves: each render of the page takes 100 ms
    let clock = 0;
    jest.spyOn(performance, 'now').mockImplementation(() => clock);
    const { result } = renderHook(() => {
      clock += 100;
      return useManyTraces(source, IDS, RANGE);
    });
    await until(() => waiting.size === 4);
    waiting.get('a')!();
    await until(() => result.current.done === 1);
    // that re-render took 100 ms: the next waits 4 × 100 ms after it ended, not 250 ms
    waiting.get('b')!();
    await until(() => result.current.results.size === 2);
    act(() => jest.advanceTimersByTime(RENDER_INTERVAL_MS));
    expect(result.current.done).toBe(1);
    act(() => jest.advanceTimersByTime(RENDER_COST_FACTOR * 100 - RENDER_INTERVAL_MS));
    expect(result.current.done).toBe(2);
  });

  it('on cancel keeps what came in and says the rest never comes; a new list starts empty', async () => {
    const { source, waiting } = gatedSource();
    const { result, rerender } = renderHook(({ ids }) => useManyTraces(source, ids, RANGE), {
      initialProps: { ids: IDS },
    });
    await until(() => waiting.size === 4);
    waiting.get('a')!();
    await until(() => result.current.done === 1);
    act(() => result.current.cancel());
    expect([result.current.done, result.current.total, result.current.cancelled]).toEqual([1, 4, true]);
    // answers after the cancel are not taken
    waiting.get('b')!();
    await act(() => Promise.resolve());
    act(() => jest.advanceTimersByTime(RENDER_INTERVAL_MS));
    expect([result.current.done, [...result.current.results.keys()]]).toEqual([1, ['a']]);
    rerender({ ids: ['e'] });
    expect([result.current.done, result.current.total, result.current.cancelled]).toEqual([0, 1, false]);
  });
});
