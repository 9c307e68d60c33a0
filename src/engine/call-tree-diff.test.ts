import fc from 'fast-check';

import { diffCallTrees } from './call-tree-diff';
import { callTreeDiffToFlameFrames } from './flame-diff';
import {
  analysed,
  analysedRandom,
  DIFF_BASELINE,
  DIFF_COMPARISON,
  RandomSpan,
  randomTrace,
} from './testing/call-tree-fixtures';

const US = 1000;
const inUs = (xs: ArrayLike<number>) => Array.from(xs, (v) => v / US);

// the sets of testing/call-tree-fixtures.ts: q faster per call but called 4 times, get new
const [B1, B2] = DIFF_BASELINE.map(analysed);
const [C1] = DIFF_COMPARISON.map(analysed);

describe('diffCallTrees', () => {
  const diff = diffCallTrees([B1, B2], [C1]);

  it('joins the two sets node by node, a path of one side only with zeros on the other', () => {
    // nodes: all traces, GET, q (both sides), get (comparison only)
    expect([diff.service, diff.operation]).toEqual([
      ['all traces', 'api', 'db', 'cache'],
      ['', 'GET', 'q', 'get'],
    ]);
    expect([diff.baseline.traces, diff.comparison.traces]).toEqual([2, 1]);
    expect(Array.from(diff.baseline.count)).toEqual([2, 2, 2, 0]);
    expect(Array.from(diff.comparison.count)).toEqual([1, 1, 4, 1]);
  });

  it('gives Δ calls, Δ self and Δ critical-path time per trace: q faster but called more often', () => {
    expect(Array.from(diff.callsDelta)).toEqual([0, 0, 3, 1]);
    expect(inUs(diff.selfDelta)).toEqual([0, -10, -10, 5]);
    expect(inUs(diff.criticalDelta)).toEqual([0, -10, -10, 5]);
  });

  it('names the longest trace of each side holding the node as its example', () => {
    expect(Array.from(diff.baseline.example)).toEqual([0, 0, 0, -1]);
    expect(Array.from(diff.comparison.example)).toEqual([0, 0, 0, 0]);
  });

  it('makes diff flame columns: baseline left, comparison right, means per trace', () => {
    const f = callTreeDiffToFlameFrames(diff).criticalPath;
    expect(f.label).toEqual(['all traces', 'api: GET', 'cache: get', 'db: q']);
    expect(f.node).toEqual([0, 1, 3, 2]);
    // baseline: path length (100 + 50) / 2 = 75, GET 45 + q 30; comparison 60: GET 35, get 5, q 20
    expect([inUs(f.value), inUs(f.self)]).toEqual([
      [75, 75, 0, 30],
      [0, 45, 0, 30],
    ]);
    expect([inUs(f.valueRight!), inUs(f.selfRight!)]).toEqual([
      [60, 60, 5, 20],
      [0, 35, 5, 20],
    ]);
  });
});

describe('recursion in the diff', () => {
  /*
   * Baseline: f [0,30] ── f [5,25]              self: f 10, f/f 20
   * Comparison: f [0,30] ── f [5,25] ── f [10,20]   self: f 10, f/f 10, f/f/f 10
   */
  const base = analysed([
    { id: 'a', name: 'f', start: 0, end: 30 },
    { id: 'b', parent: 'a', name: 'f', start: 5, end: 25 },
  ]);
  const comp = analysed([
    { id: 'a', name: 'f', start: 0, end: 30 },
    { id: 'b', parent: 'a', name: 'f', start: 5, end: 25 },
    { id: 'c', parent: 'b', name: 'f', start: 10, end: 20 },
  ]);

  it('shows a deeper recursion as a deeper node present on one side only', () => {
    const diff = diffCallTrees([base], [comp]);
    expect(Array.from(diff.parent)).toEqual([-1, 0, 1, 2]);
    expect(Array.from(diff.callsDelta)).toEqual([0, 0, 0, 1]);
    expect(inUs(diff.selfDelta)).toEqual([0, 0, -10, 10]);
    expect(inUs(diff.criticalDelta)).toEqual([0, 0, -10, 10]);
  });
});

describe('a comparison with many call paths the baseline lacks', () => {
  /*
   * Baseline: api GET [0,10].
   * Comparison: api GET [0,100] with 99 calls db q0 … q98, call k at [k, k+1] (µs): 101 nodes
   * (more than the columns hold before they first grow), 99 of them on the comparison side only.
   */
  const base = analysed([{ id: 'r', service: 'api', name: 'GET', start: 0, end: 10 }]);
  const comp = analysed([
    { id: 'r', service: 'api', name: 'GET', start: 0, end: 100 },
    ...Array.from({ length: 99 }, (_, k) => ({
      id: `q${k}`,
      parent: 'r',
      service: 'db',
      name: `q${k}`,
      start: k,
      end: k + 1,
    })),
  ]);
  const diff = diffCallTrees([base], [comp]);
  const calls = Array.from({ length: 99 }, () => 1);

  it('gives the baseline zero sums and no example at every node it lacks', () => {
    expect(diff.parent.length).toBe(101);
    expect(Array.from(diff.baseline.count)).toEqual([1, 1, ...calls.map(() => 0)]);
    expect(Array.from(diff.baseline.example)).toEqual([0, 0, ...calls.map(() => -1)]);
    expect(Array.from(diff.comparison.count)).toEqual([1, 1, ...calls]);
    expect(Array.from(diff.comparison.example)).toEqual([0, 0, ...calls.map(() => 0)]);
  });

  it('counts one more call per trace at each new node, and GET’s self time 9 µs less', () => {
    expect(Array.from(diff.callsDelta)).toEqual([0, 0, ...calls]);
    // GET self: baseline 10, comparison 100 − 99 = 1
    expect(inUs(diff.selfDelta)).toEqual([0, -9, ...calls]);
  });
});

describe('bounded diff', () => {
  it('merges the same paths on both sides into "other" and keeps every sum', () => {
    // rank (self + critical per trace, both sides): GET 90+70, q 60+40, get 10: keep 2 nodes → root and GET
    const diff = diffCallTrees([B1, B2], [C1], { nodes: 2, children: 10 });
    expect(Array.from(diff.merged)).toEqual([0, 0, 2]);
    expect([Array.from(diff.baseline.count), Array.from(diff.comparison.count)]).toEqual([
      [2, 2, 2],
      [1, 1, 5],
    ]);
    expect(inUs(diff.criticalDelta)).toEqual([0, -10, -5]);
    expect(Array.from(diff.comparison.example)).toEqual([0, 0, -1]);
  });
});

const setArb = fc.array(randomTrace, { minLength: 1, maxLength: 4 });
const analysedSet = (set: RandomSpan[][]) => set.map(analysedRandom);

describe('call-tree diff properties', () => {
  it('the diff of a set with itself is zero everywhere, bounded or not', () => {
    fc.assert(
      fc.property(setArb, fc.integer({ min: 1, max: 6 }), (set, nodes) => {
        const traces = analysedSet(set);
        for (const limits of [undefined, { nodes, children: 2 }]) {
          const diff = diffCallTrees(traces, traces, limits);
          for (const column of [diff.callsDelta, diff.selfDelta, diff.criticalDelta]) {
            expect(column.every((v) => v === 0)).toBe(true);
          }
        }
      }),
      { numRuns: 150 }
    );
  });

  it('each side’s sums equal its spans’, and Δ critical sums to the change in mean path length', () => {
    fc.assert(
      fc.property(setArb, setArb, fc.integer({ min: 1, max: 6 }), (a, b, nodes) => {
        const base = analysedSet(a);
        const comp = analysedSet(b);
        const diff = diffCallTrees(base, comp, { nodes, children: 2 });
        const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, v) => s + v, 0);
        const spans = (set: typeof base) => sum(set.map((t) => t.trace.spanCount));
        const path = (set: typeof base) => sum(set.map((t) => sum(t.criticalPath.perSpan))) / set.length;
        expect(sum(diff.baseline.count)).toBe(base.length + spans(base));
        expect(sum(diff.comparison.count)).toBe(comp.length + spans(comp));
        expect(sum(diff.criticalDelta)).toBeCloseTo(path(comp) - path(base), 6);
        expect(diff.parent.length).toBeLessThanOrEqual(2 * nodes);
      }),
      { numRuns: 150 }
    );
  });
});
