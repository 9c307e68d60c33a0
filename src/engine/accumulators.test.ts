import fc from 'fast-check';

import { aggregateTraces, TraceSetAccumulator, TraceSetAggregate } from './aggregate';
import { TraceAnalysis } from './analyze';
import { CallTreeDiff, CallTreeDiffAccumulator, diffCallTrees } from './call-tree-diff';
import { CallTreeShape } from './call-tree';
import { compareTraceSets, TraceSetComparer } from './compare';
import {
  analysed,
  analysedRandom,
  DIFF_BASELINE,
  DIFF_COMPARISON,
  RandomSpan,
  randomTrace,
} from './testing/call-tree-fixtures';

const US = 1000;

// the sets of testing/call-tree-fixtures.ts (self = critical-path time in each trace):
// B1: GET 60, q 40 (100 µs); B2: GET 30, q 20 (50 µs); C1: GET 35, q 4 × 5, get 5 (60 µs)
const [B1, B2] = DIFF_BASELINE.map(analysed);
const [C1] = DIFF_COMPARISON.map(analysed);

const rowSums = (agg: TraceSetAggregate) =>
  agg.rows.map((r) => [r.label, r.traces, r.count, r.selfTotal / US, r.criticalPath / US]);

describe('TraceSetAccumulator', () => {
  it('fills in trace by trace; an earlier snapshot stays as it was', () => {
    const accumulator = new TraceSetAccumulator();
    accumulator.add(B1);
    const first = accumulator.snapshot();
    accumulator.add(C1);
    const second = accumulator.snapshot();
    expect([first.traceCount, first.totalDuration / US]).toEqual([1, 100]);
    expect(rowSums(first)).toEqual([
      ['api: GET', 1, 1, 60, 60],
      ['db: q', 1, 1, 40, 40],
    ]);
    // + C1: GET 60 + 35; q 40 + 4 × 5 over 5 spans; get 5
    expect([second.traceCount, second.totalDuration / US]).toEqual([2, 160]);
    expect(rowSums(second)).toEqual([
      ['api: GET', 2, 2, 95, 95],
      ['db: q', 2, 5, 60, 60],
      ['cache: get', 1, 1, 5, 5],
    ]);
    // q's span durations [40, 5, 5, 5, 5] → sorted [5, 5, 5, 5, 40]: p50 the 3rd, p90 the 5th
    expect(second.rows[1].duration).toEqual({
      p50: 5 * US,
      p90: 40 * US,
      p99: 40 * US,
      min: 5 * US,
      avg: 12 * US,
      max: 40 * US,
    });
    expect(Array.from(second.callTree!.count)).toEqual([2, 2, 5, 1]);
    // the first snapshot still holds B1 alone
    expect(rowSums(first)).toEqual([
      ['api: GET', 1, 1, 60, 60],
      ['db: q', 1, 1, 40, 40],
    ]);
    expect(Array.from(first.columns.self, (v) => v / US)).toEqual([60, 40]);
    expect(Array.from(first.callTree!.count)).toEqual([1, 1, 1]);
  });

  it('equals aggregateTraces of the same list, "other" row included', () => {
    const accumulator = new TraceSetAccumulator({ kind: 'operation' }, { rows: 1 });
    [B1, B2, C1].forEach((t) => accumulator.add(t));
    const { groups: _a, ...incremental } = accumulator.snapshot();
    const { groups: _b, ...whole } = aggregateTraces([B1, B2, C1], { kind: 'operation' }, { rows: 1 });
    expect(incremental).toEqual(whole);
    // one row per ranking (critical, self, total: GET in each), q and get merged into "other"
    expect([incremental.rows.map((r) => r.label), incremental.other?.groups, incremental.other?.count]).toEqual([
      ['api: GET'],
      2,
      7,
    ]);
  });
});

describe('TraceSetComparer', () => {
  it('compares the sets as their traces arrive', () => {
    const comparer = new TraceSetComparer();
    comparer.add('slow', C1);
    comparer.add('baseline', B1);
    const ranked = (c: TraceSetComparer) =>
      c.snapshot().rows.map((r) => [r.label, r.criticalPathDelta / US, r.selfDelta / US]);
    // C1 vs B1: GET 35 − 60, q 20 − 40, get 5 − 0
    expect(ranked(comparer)).toEqual([
      ['api: GET', -25, -25],
      ['db: q', -20, -20],
      ['cache: get', 5, 5],
    ]);
    comparer.add('baseline', B2);
    // baseline means: GET 45, q 30; GET and q tie at −10 (and on self time): by key
    expect(ranked(comparer)).toEqual([
      ['api: GET', -10, -10],
      ['db: q', -10, -10],
      ['cache: get', 5, 5],
    ]);
    expect(comparer.snapshot()).toEqual(compareTraceSets([C1], [B1, B2]));
  });
});

describe('CallTreeDiffAccumulator', () => {
  it('equals diffCallTrees of the same lists; an earlier snapshot stays as it was', () => {
    const accumulator = new CallTreeDiffAccumulator();
    accumulator.add('baseline', B1);
    accumulator.add('comparison', C1);
    const first = accumulator.snapshot();
    accumulator.add('baseline', B2);
    // C1 vs B1: q +3 calls per trace, −20 µs critical
    expect(Array.from(first.callsDelta)).toEqual([0, 0, 3, 1]);
    expect(Array.from(first.criticalDelta, (v) => v / US)).toEqual([0, -25, -20, 5]);
    expect(accumulator.snapshot()).toEqual(diffCallTrees([B1, B2], [C1]));
    expect(Array.from(first.baseline.count)).toEqual([1, 1, 1, 0]);
  });
});

/** Each node's values by its call path (node numbers depend on the order paths were first seen). */
function byPath(shape: CallTreeShape, columns: Record<string, ArrayLike<number>>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const path = (node: number): string =>
    node < 0 ? '' : `${path(shape.parent[node])}/${shape.service[node]}:${shape.operation[node]}`;
  for (let node = 0; node < shape.parent.length; node++) {
    out.set(
      path(node),
      Object.values(columns).map((c) => c[node])
    );
  }
  return out;
}

/** What an aggregate says, independent of the order its traces came in. */
function canonicalAggregate(agg: TraceSetAggregate) {
  const callTree = agg.callTree!;
  return {
    traceCount: agg.traceCount,
    totalDuration: agg.totalDuration,
    traceDuration: agg.traceDuration,
    rows: agg.rows,
    other: agg.other,
    callTree: byPath(callTree, {
      count: callTree.count,
      total: callTree.total,
      self: callTree.self,
      critical: callTree.critical,
    }),
  };
}

const canonicalDiff = (diff: CallTreeDiff) =>
  byPath(diff, {
    bCount: diff.baseline.count,
    bCritical: diff.baseline.critical,
    bSelf: diff.baseline.self,
    bExample: diff.baseline.example,
    cCount: diff.comparison.count,
    cCritical: diff.comparison.critical,
    cSelf: diff.comparison.self,
    cExample: diff.comparison.example,
    calls: diff.callsDelta,
    self: diff.selfDelta,
    critical: diff.criticalDelta,
  });

const setArb = fc.array(randomTrace, { minLength: 1, maxLength: 6 });
/** A random order of `n` items: the i-th item added is `order[i]`. */
const orderArb = (n: number) =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: n, maxLength: n }
  );

describe('accumulator properties', () => {
  it('any order of adding gives the aggregate of the whole list', () => {
    fc.assert(
      fc.property(
        setArb.chain((set) => fc.tuple(fc.constant(set), orderArb(set.length))),
        ([set, order]: [RandomSpan[][], number[]]) => {
          const traces = set.map(analysedRandom);
          const accumulator = new TraceSetAccumulator();
          order.forEach((i) => accumulator.add(traces[i]));
          expect(canonicalAggregate(accumulator.snapshot())).toEqual(canonicalAggregate(aggregateTraces(traces)));
        }
      ),
      { numRuns: 100 }
    );
  });

  it('a snapshot after any prefix is the aggregate of that prefix, whatever snapshots came before', () => {
    fc.assert(
      fc.property(
        setArb,
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        (set, snapAfter, rows) => {
          const traces = set.map(analysedRandom);
          const accumulator = new TraceSetAccumulator({ kind: 'service' }, { rows });
          traces.forEach((t, k) => {
            accumulator.add(t);
            if (snapAfter[k] || k === traces.length - 1) {
              const { groups: _a, ...snapshot } = accumulator.snapshot();
              const { groups: _b, ...whole } = aggregateTraces(traces.slice(0, k + 1), { kind: 'service' }, { rows });
              expect(snapshot).toEqual(whole);
            }
          });
        }
      ),
      { numRuns: 100 }
    );
  });

  it('the comparison and the call-tree diff of interleaved adds equal those of the two lists', () => {
    fc.assert(
      fc.property(setArb, setArb, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (a, b, pickA) => {
        const base = a.map(analysedRandom);
        const comp = b.map(analysedRandom);
        const comparer = new TraceSetComparer();
        const diff = new CallTreeDiffAccumulator();
        // interleave the sides; each side keeps its own order (its example indices count it)
        const take = (set: TraceAnalysis[], side: 'baseline' | 'comparison', k: number) => {
          comparer.add(side === 'baseline' ? 'baseline' : 'slow', set[k]);
          diff.add(side, set[k]);
        };
        let i = 0;
        let j = 0;
        for (let step = 0; i < base.length || j < comp.length; step++) {
          if (j >= comp.length || (i < base.length && pickA[step % pickA.length])) {
            take(base, 'baseline', i++);
          } else {
            take(comp, 'comparison', j++);
          }
        }
        expect(comparer.snapshot()).toEqual(compareTraceSets(comp, base));
        expect(canonicalDiff(diff.snapshot())).toEqual(canonicalDiff(diffCallTrees(base, comp)));
      }),
      { numRuns: 100 }
    );
  });
});
