import { DataError, partialTraceWarning } from '../../data';
import { analyzeTrace, parseOtlpTrace } from '../../engine';
import { loadTrace, TraceResult } from '../../loading';
import { recordedHits, recordedSource } from '../../loading/testing/recordedSource';
import { recorded, RECORDED_TRACE_ID, wireText } from '../../../tests/support/recorded';
import { tinyOtlp } from '../../../tests/synthetic/tiny';
import type { TraceHit, TraceQuery } from '../../sources/types';
import { ExampleTraces, findTraceSets, rootMatches, repairedTraces, splitSlowest } from './compareModel';
import { readCompareUrl } from './compareUrl';

describe('splitSlowest', () => {
  const traces = Array.from({ length: 40 }, (_, i) => ({
    traceId: `t${String(i).padStart(2, '0')}`,
    durationMs: i + 1,
  }));

  it('puts the slowest 5% in the slow set', () => {
    expect(splitSlowest(traces, 0.05)).toEqual({
      slow: ['t39', 't38'],
      baseline: traces
        .slice(0, 38)
        .map((t) => t.traceId)
        .reverse(),
      thresholdMs: 39,
    });
  });

  it('keeps at least one trace on each side', () => {
    expect(splitSlowest(traces.slice(0, 3), 0.01)).toMatchObject({ slow: ['t02'], thresholdMs: 3 });
    expect(splitSlowest(traces.slice(0, 2), 0.9)).toMatchObject({ slow: ['t01'], baseline: ['t00'] });
    expect(splitSlowest(traces.slice(0, 1), 0.05)).toMatchObject({ slow: [], baseline: ['t00'] });
  });
});

describe('rootMatches', () => {
  // the recorded hit: root frontend / GET /checkout
  const hit = recordedHits()[0];
  const noRoot = { ...hit, traceId: 'f00d', rootService: undefined, rootName: undefined };
  const otherRoot = { ...hit, traceId: 'beef', rootService: 'api-gateway', rootName: 'POST /orders' };

  it('keeps the hits whose root is the service and span name, counting the rest', () => {
    expect(rootMatches([hit, noRoot, otherRoot], 'frontend', 'GET /checkout')).toEqual({ kept: [hit], otherRoot: 2 });
    expect(rootMatches([hit, otherRoot], 'api-gateway', '')).toEqual({ kept: [otherRoot], otherRoot: 1 });
  });

  it('takes any root when neither is given, but not a root that has not arrived', () => {
    expect(rootMatches([hit, noRoot, otherRoot], '', '')).toEqual({ kept: [hit, otherRoot], otherRoot: 1 });
  });
});

describe('repairedTraces', () => {
  it('lists the repaired traces, partial or not, with the first repair each; not the failed ones', async () => {
    const partial = partialTraceWarning(
      { target: 'Jaeger (datasource "jaeger")', path: 'api/v3/traces/x' },
      'trace was truncated'
    );
    const whole = await loadTrace(recordedSource(), RECORDED_TRACE_ID);
    const cut = await loadTrace(
      recordedSource({
        traceById: async () => ({ format: 'otlp', raw: wireText(recorded('tempo-trace-v2')), partial }),
      }),
      RECORDED_TRACE_ID
    );
    const results = new Map<string, TraceResult>([
      ['a', whole],
      ['b', new DataError('trace-not-found', 'Trace b not found.')],
      ['c', cut],
    ]);
    // the recorded trace's one repair: a span that ends after its parent
    expect(repairedTraces(results).map((n) => [n.traceId, n.repair.kind, n.repair.count])).toEqual([
      ['a', 'childOutlivesParent', 1],
      ['c', 'childOutlivesParent', 1],
    ]);
  });
});

/** a trace whose root api GET has, for `db` > 0, a child api SELECT of `db` ms */
const trace = (db: number) =>
  analyzeTrace(
    parseOtlpTrace(
      tinyOtlp([
        { id: 'root', service: 'api', name: 'GET', start: 0, end: 10 + db },
        ...(db ? [{ id: 'db', parent: 'root', service: 'api', name: 'SELECT', start: 1, end: 1 + db }] : []),
      ])
    )
  );

describe('ExampleTraces', () => {
  it('lists the slowest traces containing each component first, whatever order they come in', () => {
    const examples = new ExampleTraces({ kind: 'operation' }, 2);
    // durations: a 10 µs, b 15, c 60, d 15 (ranked after b)
    examples.add('b', trace(5), 1);
    examples.add('a', trace(0), 0);
    examples.add('d', trace(5), 3);
    expect(examples.snapshot().get(JSON.stringify(['api', 'GET']))).toEqual(['b', 'd']);
    examples.add('c', trace(50), 2);
    const all = examples.snapshot();
    expect(all.get(JSON.stringify(['api', 'SELECT']))).toEqual(['c', 'b']);
    expect(all.get(JSON.stringify(['api', 'GET']))).toEqual(['c', 'b']);
  });
});

describe('findTraceSets', () => {
  const hit = recordedHits()[0];
  const hits = (ids: string[], durationMs = 10) => ids.map((traceId) => ({ ...hit, traceId, durationMs }));

  /** answers each query with `answer(query)`, recording what was asked with which limit */
  function searching(answer: (query: TraceQuery) => TraceHit[]) {
    const asked: Array<[TraceQuery, number]> = [];
    const search = async (query: TraceQuery, limit: number) => {
      asked.push([query, limit]);
      return answer(query);
    };
    return { asked, search };
  }

  it('splits the hits rooted in the operation, counting the others', async () => {
    const other = { ...hit, traceId: 'other', rootService: 'api-gateway' };
    const { asked, search } = searching(() => [...hits(['a'], 30), ...hits(['b'], 20), ...hits(['c'], 10), other]);
    const request = readCompareUrl(new URLSearchParams('svc=frontend&op=GET%20%2Fcheckout&pct=40'), false);
    expect(await findTraceSets(request, search, 100)).toEqual({
      slow: ['a'],
      baseline: ['b', 'c'],
      thresholdMs: 30,
      listed: 4,
      otherRoot: 1,
      search: { limit: 100, reached: false },
    });
    expect(asked).toEqual([[{ filter: { service: 'frontend', spanName: 'GET /checkout' } }, 100]]);
  });

  it('splits one TraceQL query whatever the roots', async () => {
    const { asked, search } = searching(() => [...hits(['a'], 30), { ...hits(['b'])[0], rootService: 'x' }]);
    const request = readCompareUrl(new URLSearchParams('q=%7B%7D'), true);
    expect(await findTraceSets(request, search, 2)).toMatchObject({
      slow: ['a'],
      baseline: ['b'],
      listed: 2,
      otherRoot: 0,
      // two hits for a limit of two: more may match
      search: { limit: 2, reached: true },
    });
    expect(asked).toEqual([[{ traceql: '{}' }, 2]]);
  });

  it('runs two queries, half the limit each, and keeps a trace found by both in the slow set only', async () => {
    const { asked, search } = searching((query) =>
      'traceql' in query && query.traceql === 'slow' ? hits(['a', 'b']) : hits(['b', 'c'])
    );
    const request = readCompareUrl(new URLSearchParams('mode=queries&slowQ=slow&baseQ=base'), true);
    const sets = await findTraceSets(request, search, 5);
    // the slow query listed 2, the baseline 2 (b again): 3 distinct traces, neither search at its limit of 3
    expect(sets).toMatchObject({
      slow: ['a', 'b'],
      baseline: ['c'],
      listed: 3,
      otherRoot: 0,
      search: { limit: 3, reached: false },
    });
    expect(sets.thresholdMs).toBeNaN();
    expect(asked).toEqual([
      [{ traceql: 'slow' }, 3],
      [{ traceql: 'base' }, 3],
    ]);
  });
});
