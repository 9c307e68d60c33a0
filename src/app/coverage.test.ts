import fc from 'fast-check';
import { DataError, partialTraceWarning } from '../data';
import type { LoadedTrace, TraceResult } from '../loading';
import { coverage, CoverageInput, raisedSample } from './coverage';

/** A loaded trace of `spans` spans; `cut` marks it partial. Coverage reads only these fields. */
function loaded(spans: number, cut?: string): LoadedTrace {
  const warnings = cut
    ? [{ kind: 'partial-trace', message: cut, error: partialTraceWarning({ target: 'T', path: 'p' }, cut) }]
    : [];
  return { analysis: { trace: { spanCount: spans } }, warnings } as unknown as LoadedTrace;
}

const LAST_HOUR = { from: 'now-1h', to: 'now' };

const input = (results: Array<[string, TraceResult]>, rest: Partial<CoverageInput> = {}): CoverageInput => ({
  listed: results.length,
  pick: 'all',
  requested: results.length,
  results: new Map(results),
  range: LAST_HOUR,
  ...rest,
});

describe('coverage', () => {
  it('says every listed trace was used, with its spans and the range', () => {
    const c = coverage(
      input([
        ['a', loaded(10)],
        ['b', loaded(7)],
      ])
    );
    expect(c).toMatchObject({ listed: 2, used: 2, spans: 17, notFetched: 0, limitReached: false, range: LAST_HOUR });
    expect([c.sampled, c.leftOut, c.cancelled, c.given]).toEqual([undefined, undefined, false, false]);
  });

  it('counts failures, too-large traces and partial ones so that used + failed + too large = fetched', () => {
    const notFound = new DataError('trace-not-found', 'Trace c not found.', undefined, 404);
    const tooBig = new DataError(
      'query-failed',
      'Tempo could not execute the query: trace exceeds max size',
      undefined,
      422
    );
    const c = coverage(
      input(
        [
          ['a', loaded(10)],
          ['b', loaded(4, 'Tempo returned only part of this trace.')],
          ['c', notFound],
          ['d', tooBig],
        ],
        {
          listed: 5,
          search: { limit: 20, reached: false },
          leftOut: { count: 1, why: 'with another root' },
          requested: 4,
        }
      )
    );
    expect([c.used, c.failed.length, c.tooLarge.length, c.requested - c.notFetched]).toEqual([2, 1, 1, 4]);
    expect(c.failed).toEqual([{ traceId: 'c', message: 'Trace c not found.', error: notFound }]);
    expect(c.tooLarge).toEqual([
      { traceId: 'd', message: 'Tempo could not execute the query: trace exceeds max size', error: tooBig },
    ]);
    expect(c.partial).toEqual([
      { traceId: 'b', message: 'Tempo returned only part of this trace.', error: expect.any(DataError) },
    ]);
    expect(c.partial[0].error?.words).toEqual({
      reason: 'partial-trace',
      values: { target: 'T', said: 'Tempo returned only part of this trace.' },
    });
    expect(c.spans).toBe(14);
    expect(c.leftOut).toEqual({ count: 1, why: 'with another root' });
  });

  it('says when the search stopped at its limit and how the fetched traces were picked', () => {
    const results: Array<[string, TraceResult]> = [
      ['a', loaded(3)],
      ['b', loaded(3)],
    ];
    const c = coverage(
      input(results, { listed: 20, search: { limit: 20, reached: true }, pick: 'newest', requested: 2 })
    );
    expect(c).toMatchObject({ limitReached: true, searchLimit: 20, sampled: 'newest', requested: 2, listed: 20 });
  });

  it('counts what a cancelled fetch left out', () => {
    const c = coverage(
      input([['a', loaded(5)]], { listed: 4, requested: 4, cancelled: true, range: { from: 'now-6h', to: 'now' } })
    );
    expect(c).toMatchObject({ notFetched: 3, cancelled: true, used: 1, spans: 5 });
  });

  it('names no sample when every listed trace was fetched, and the traces that came with the query', () => {
    const c = coverage(input([['a', loaded(1)]], { listed: 1, pick: 'slowest', given: true }));
    expect(c).toMatchObject({ sampled: undefined, given: true, used: 1, spans: 1 });
  });
});

describe('coverage, for any outcome of any fetch', () => {
  it('adds up: used + failed + too large = fetched, fetched + not fetched = requested, partial within used', () => {
    // per requested trace: 0 loaded, 1 partial, 2 failed (404), 3 too large (422), 4 not fetched
    const outcome = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 30 }), fc.nat(10), (outcomes, extraListed) => {
        const results = new Map<string, TraceResult>();
        outcomes.forEach((o, i) => {
          const id = `t${i}`;
          if (o < 2) {
            results.set(id, loaded(1, o === 1 ? 'cut' : undefined));
          } else if (o < 4) {
            results.set(id, new DataError('query-failed', 'no', undefined, o === 2 ? 404 : 422));
          }
        });
        const c = coverage(
          input([...results], { listed: outcomes.length + extraListed, requested: outcomes.length, cancelled: true })
        );
        const fetched = results.size;
        expect(c.used + c.failed.length + c.tooLarge.length).toBe(fetched);
        expect(fetched + c.notFetched).toBe(c.requested);
        expect(c.requested).toBeLessThanOrEqual(c.listed);
        expect(c.partial.length).toBeLessThanOrEqual(c.used);
        expect(c.spans).toBe(c.used);
      })
    );
  });
});

describe('raisedSample', () => {
  it('offers what the user could use, capped, only when it is more than now', () => {
    // a panel fetching 5 of 45 listed traces, capped at 200: all 45
    expect(raisedSample(5, 45, 200)).toBe(45);
    // a search limit of 200 doubled, capped at 1000
    expect(raisedSample(200, 400, 1000)).toBe(400);
    expect(raisedSample(800, 1600, 1000)).toBe(1000);
    expect(raisedSample(1000, 2000, 1000)).toBeUndefined();
    expect(raisedSample(45, 45, 200)).toBeUndefined();
  });
});
