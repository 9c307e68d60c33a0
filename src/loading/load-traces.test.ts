import { waitFor } from '@testing-library/react';
import { DataError } from '../data';
import { recorded, wireText } from '../../tests/support/recorded';
import type { FetchedTrace } from '../sources/types';
import { forEachBounded, loadTraces, TraceResult } from './load-traces';
import { recordedSource } from './testing/recordedSource';

/**
 * A source whose trace requests wait until the test releases them, one id at a time. Tests wait for
 * what they can observe (a request asked, a result reported), never for a number of ticks: how many
 * turns loadTraces takes between a response and the next request is its own business.
 */
function gatedSource(failing: string[] = []) {
  const waiting = new Map<string, () => void>();
  let inFlight = 0;
  let maxInFlight = 0;
  const asked: string[] = [];
  const source = recordedSource({
    traceById: (traceId, _range, request) =>
      new Promise<FetchedTrace>((resolve, reject) => {
        asked.push(traceId);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        request?.signal?.addEventListener('abort', () =>
          reject(new DataError('cancelled', `The request for ${traceId} was cancelled.`))
        );
        waiting.set(traceId, () => {
          inFlight--;
          if (failing.includes(traceId)) {
            reject(new DataError('trace-not-found', `Trace ${traceId} not found.`));
          } else {
            resolve({ format: 'otlp', raw: wireText(recorded('tempo-trace-v2')) });
          }
        });
      }),
  });
  /** Answers the request for `traceId` once it has been asked. */
  const release = async (traceId: string) => {
    await waitFor(() => expect(waiting.has(traceId)).toBe(true));
    waiting.get(traceId)!();
  };
  /** Resolves once `count` requests have been asked. */
  const asking = (count: number) => waitFor(() => expect(asked.length).toBeGreaterThanOrEqual(count));
  return { source, release, asking, asked, maxInFlight: () => maxInFlight };
}

describe('loadTraces', () => {
  it('keeps at most `concurrency` requests in flight and reports each result with progress', async () => {
    const gate = gatedSource(['c']);
    const reported: Array<[string, string, number, number]> = [];
    const done = loadTraces(gate.source, ['a', 'b', 'c', 'd', 'e'], {
      signal: new AbortController().signal,
      concurrency: 2,
      onResult: (id, result, { done, total }) =>
        reported.push([
          id,
          result instanceof DataError ? result.kind : `${result.analysis.trace.spanCount} spans`,
          done,
          total,
        ]),
    });
    // nothing answered yet: two requests and no more (the third waits for a free slot)
    await gate.asking(2);
    expect(gate.asked).toEqual(['a', 'b']);
    await gate.release('b');
    await waitFor(() => expect(reported).toHaveLength(1));
    await gate.asking(3);
    expect(gate.asked).toEqual(['a', 'b', 'c']);
    for (const [i, id] of ['a', 'c', 'd', 'e'].entries()) {
      await gate.release(id);
      await waitFor(() => expect(reported).toHaveLength(i + 2));
    }
    const results = await done;
    expect(gate.maxInFlight()).toBe(2);
    expect(reported).toEqual([
      ['b', '10 spans', 1, 5],
      ['a', '10 spans', 2, 5],
      ['c', 'trace-not-found', 3, 5],
      ['d', '10 spans', 4, 5],
      ['e', '10 spans', 5, 5],
    ]);
    // in the order asked for, not the order of arrival
    expect([...results.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((results.get('c') as DataError).message).toBe('Trace c not found.');
  });

  it('keeps 6 requests in flight by default, as many as a browser opens to one host', async () => {
    const gate = gatedSource();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const done = loadTraces(gate.source, ids, { signal: new AbortController().signal });
    await gate.asking(6);
    expect(gate.asked).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    for (const id of ids) {
      await gate.release(id);
    }
    expect((await done).size).toBe(7);
    expect(gate.maxInFlight()).toBe(6);
  });

  it('loads a repeated id once', async () => {
    const traceById = jest.fn(async () => ({ format: 'otlp' as const, raw: wireText(recorded('tempo-trace-v2')) }));
    const progress: number[] = [];
    const results = await loadTraces(recordedSource({ traceById }), ['a', 'b', 'a'], {
      signal: new AbortController().signal,
      onResult: (_id, _r, p) => progress.push(p.total),
    });
    expect(traceById).toHaveBeenCalledTimes(2);
    expect(progress).toEqual([2, 2]);
    expect([...results.keys()]).toEqual(['a', 'b']);
  });

  it('stops on abort: no new requests, in-flight ones cancelled, nothing reported afterwards', async () => {
    const gate = gatedSource();
    const controller = new AbortController();
    const reported: string[] = [];
    const done = loadTraces(gate.source, ['a', 'b', 'c', 'd'], {
      signal: controller.signal,
      concurrency: 2,
      onResult: (id) => reported.push(id),
    });
    await gate.release('a');
    await waitFor(() => expect(reported).toEqual(['a']));
    await gate.asking(3);
    controller.abort();
    const results: Map<string, TraceResult> = await done;
    expect(gate.asked).toEqual(['a', 'b', 'c']);
    expect(reported).toEqual(['a']);
    expect([...results.keys()]).toEqual(['a']);
  });
});

describe('forEachBounded', () => {
  it('runs every item once with the index, never more than the bound at a time', async () => {
    let running = 0;
    let peak = 0;
    const seen: string[] = [];
    await forEachBounded(['x', 'y', 'z'], 2, new AbortController().signal, async (item, i) => {
      peak = Math.max(peak, ++running);
      // each task yields before it ends; the pool starts its workers at once, so two run together
      await new Promise((r) => setTimeout(r, 0));
      seen.push(`${i}:${item}`);
      running--;
    });
    expect(seen.sort()).toEqual(['0:x', '1:y', '2:z']);
    expect(peak).toBe(2);
  });
});
