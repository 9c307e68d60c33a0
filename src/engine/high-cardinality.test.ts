import fc from 'fast-check';

import { TinySpan, tinyOtlp } from '../../tests/synthetic/tiny';
import { aggregateTraces } from './aggregate';
import { analyzeTrace, TraceAnalysis } from './analyze';
import { compareTraceSets } from './compare';
import { callTreeToFlameFrame } from './flame';
import { parseOtlpTrace } from './otlp';
import { idRange, topIds } from './top-n';

const US = 1000;

/*
 * T1: api GET [0,100] ─┬─ a A [10,90] ── c C [20,30]
 *                      ├─ b B [10,85]            (parallel to a, ends first: off the critical path)
 *                      └─ d D [92,96]
 *   self: GET 100 − |[10,90] ∪ [92,96]| = 16, A 80 − 10 = 70, B 75, C 10, D 4 (sum 175)
 *   critical: GET [0,10] [90,92] [96,100] = 16, A [10,20] [30,90] = 70, C 10, D 4, B 0
 * T2: api GET [0,50] ─┬─ c C [10,20]
 *                     └─ d D [30,35]
 *   self = critical: GET 50 − 15 = 35, C 10, D 5
 * Over both: critical GET 51, A 70, B 0, C 20, D 9; self GET 51, A 70, B 75, C 20, D 9;
 *   total GET 150, A 80, B 75, C 20, D 9.
 */
const T1 = analyzeTrace(
  parseOtlpTrace(
    tinyOtlp([
      { id: 'r', service: 'api', name: 'GET', start: 0, end: 100 },
      { id: 'a', parent: 'r', service: 'a', name: 'A', start: 10, end: 90 },
      { id: 'c', parent: 'a', service: 'c', name: 'C', start: 20, end: 30 },
      { id: 'b', parent: 'r', service: 'b', name: 'B', start: 10, end: 85 },
      { id: 'd', parent: 'r', service: 'd', name: 'D', start: 92, end: 96 },
    ])
  )
);
const T2 = analyzeTrace(
  parseOtlpTrace(
    tinyOtlp([
      { id: 'r', service: 'api', name: 'GET', start: 0, end: 50 },
      { id: 'c', parent: 'r', service: 'c', name: 'C', start: 10, end: 20 },
      { id: 'd', parent: 'r', service: 'd', name: 'D', start: 30, end: 35 },
    ])
  )
);

describe('aggregate rows: top N per ranking, the rest as "other"', () => {
  it('keeps every group as a row within the limit', () => {
    const agg = aggregateTraces([T1, T2]);
    expect(agg.rows.map((r) => r.label)).toEqual(['a: A', 'api: GET', 'c: C', 'd: D', 'b: B']);
    expect(agg.other).toBeNull();
    expect(agg.columns.size).toBe(5);
  });

  it('gives a row to the top group of each ranking and sums the rest into "other"', () => {
    // top 1 by critical path: A (70); by self time: B (75); by total time: GET (150)
    const agg = aggregateTraces([T1, T2], { kind: 'operation' }, { rows: 1 });
    // rows by critical path: A 70, GET 51, B 0
    expect(agg.rows.map((r) => [r.label, r.criticalPath / US, r.selfTotal / US, r.total / US])).toEqual([
      ['a: A', 70, 70, 80],
      ['api: GET', 51, 51, 150],
      ['b: B', 0, 75, 75],
    ]);
    // per-trace self of GET: [16, 35] → p50 16, p90 35
    expect(agg.rows[1].selfPerTrace).toEqual({ p50: 16 * US, p90: 35 * US, p99: 35 * US });
    const other = agg.other!;
    // C and D: spans C 10, D 4 (T1), C 10, D 5 (T2) → 4 spans, 29 µs, min 4, max 10, avg 29/4
    expect([
      other.groups,
      other.traces,
      other.count,
      other.total / US,
      other.selfTotal / US,
      other.criticalPath / US,
    ]).toEqual([2, 2, 4, 29, 29, 29]);
    // pooled durations sorted [4, 5, 10, 10]: p50 = 2nd (⌈0.5·4⌉), p90 = 4th (⌈3.6⌉)
    expect(other.duration).toEqual({
      p50: 5 * US,
      p90: 10 * US,
      p99: 10 * US,
      min: 4 * US,
      avg: 7.25 * US,
      max: 10 * US,
    });
    // "other" per trace = C + D of that trace: T1 10 + 4 = 14, T2 10 + 5 = 15 → p50 14, p90 15
    expect(other.selfPerTrace).toEqual({ p50: 14 * US, p90: 15 * US, p99: 15 * US });
    expect(other.criticalPathPerTrace).toEqual({ p50: 14 * US, p90: 15 * US, p99: 15 * US });
    // denominator: 100 + 50 µs
    expect([other.selfShare, other.shareDenominator]).toEqual([29 / 150, 150 * US]);
  });
});

describe('topIds', () => {
  const score = Float64Array.from([5, 7, 5, 5, 1]);

  it('keeps the largest scores, ties at the cut by first seen or by the tie-break score', () => {
    // 7 (id 1) is above the cut 5; one of the tied ids 0, 2, 3 fits: the first, 0
    expect(Array.from(topIds(idRange(0, 5), 2, score))).toEqual([1, 0]);
    // tie-break scores of 0, 2, 3: 0, 3, 9 → 3
    expect(Array.from(topIds(idRange(0, 5), 2, score, Float64Array.from([0, 0, 3, 9, 0])))).toEqual([1, 3]);
    expect(Array.from(topIds(idRange(0, 5), 0, score))).toEqual([]);
    expect(Array.from(topIds(idRange(2, 4), 5, score))).toEqual([2, 3]);
  });
});

describe('compareTraceSets rows: top N, the rest as "other"', () => {
  // slow [T1] − baseline [T2], per trace: critical GET 16 − 35 = −19, A 70, B 0, C 10 − 10 = 0,
  // D 4 − 5 = −1; self GET −19, A 70, B 75, C 0, D −1
  const expected = {
    rows: [
      ['a: A', 70, 70, 0],
      ['api: GET', -19, -19, 1],
    ],
    // B, C, D: critical 0 + 10 + 4 = 14 vs 10 + 5 = 15, self 75 + 10 + 4 = 89 vs 15
    other: { components: 3, criticalPathDelta: -1, selfDelta: 74, slow: 14, baseline: 15 },
  };
  const summary = (c: ReturnType<typeof compareTraceSets>) => ({
    rows: c.rows.map((r) => [r.label, r.criticalPathDelta / US, r.selfDelta / US, r.baseline.traces]),
    other: c.other && {
      components: c.other.components,
      criticalPathDelta: c.other.criticalPathDelta / US,
      selfDelta: c.other.selfDelta / US,
      slow: c.other.slow.criticalPathPerTrace / US,
      baseline: c.other.baseline.criticalPathPerTrace / US,
    },
  });

  it('ranks by the critical-path difference and sums the rest', () => {
    const c = compareTraceSets([T1], [T2], { kind: 'operation' }, 2);
    expect(summary(c)).toEqual(expected);
    // shares: 14/100 vs 15/50
    expect(c.other!.shareDelta).toBeCloseTo(0.14 - 0.3, 12);
  });

  it('joins aggregates made apart the same way', () => {
    expect(summary(compareTraceSets(aggregateTraces([T1]), aggregateTraces([T2]), { kind: 'operation' }, 2))).toEqual(
      expected
    );
  });
});

describe('bounded call tree', () => {
  // inclusive self: GET 175, A 80 (70 + C 10), B 75, C 10, D 4
  it('merges the nodes beyond the node limit into an "other" child of their kept ancestor', () => {
    // 3 nodes keep their place: the root, GET 175, A 80; B and D join GET's "other", C A's
    const agg = aggregateTraces([T1], { kind: 'operation' }, { callTree: { nodes: 3, children: 10 } });
    expect(callTreeToFlameFrame(agg.callTree!, 'self')).toEqual({
      level: [0, 1, 2, 3, 2],
      label: ['all traces', 'api: GET', 'a: A', 'other (1 call path)', 'other (2 call paths)'],
      node: [0, 1, 2, 3, 4],
      self: [0, 16 * US, 70 * US, 10 * US, 79 * US],
      value: [175 * US, 175 * US, 80 * US, 10 * US, 79 * US],
      unit: 'ns',
    });
    // the "other" under GET: spans B and D, effective durations 75 + 4
    const other = Array.from(agg.callTree!.merged).indexOf(2);
    expect([agg.callTree!.count[other], agg.callTree!.total[other] / US]).toEqual([2, 79]);
  });

  it('keeps the largest children of a node within the child limit', () => {
    // GET's children A 80, B 75, D 4: one keeps its place (A), B and D merge
    const agg = aggregateTraces([T1], { kind: 'operation' }, { callTree: { nodes: 100, children: 1 } });
    const flame = callTreeToFlameFrame(agg.callTree!, 'self');
    expect([flame.label, flame.self.map((v) => v / US)]).toEqual([
      ['all traces', 'api: GET', 'a: A', 'c: C', 'other (2 call paths)'],
      [0, 16, 70, 10, 79],
    ]);
  });
});

/** Random small traces: parents point backwards, names from a few, any times. */
const setArb = fc.array(
  fc.array(
    fc.record({
      parent: fc.nat(),
      service: fc.integer({ min: 0, max: 2 }),
      name: fc.integer({ min: 0, max: 5 }),
      start: fc.integer({ min: 0, max: 300 }),
      length: fc.integer({ min: 0, max: 200 }),
    }),
    { minLength: 1, maxLength: 25 }
  ),
  { minLength: 1, maxLength: 4 }
);

function analyses(set: Array<Array<{ parent: number; service: number; name: number; start: number; length: number }>>) {
  return set.map((spans) =>
    analyzeTrace(
      parseOtlpTrace(
        tinyOtlp(
          spans.map((s, i): TinySpan => ({
            id: `s${i}`,
            ...(i > 0 ? { parent: `s${s.parent % i}` } : {}),
            service: `svc${s.service}`,
            name: `op${s.name}`,
            start: s.start,
            end: s.start + s.length,
          }))
        )
      )
    )
  );
}

/** Sums over every span of the traces. */
function spanSums(traces: TraceAnalysis[]) {
  const out = { count: 0, total: 0, self: 0, critical: 0 };
  for (const { trace, selfTime, criticalPath } of traces) {
    for (let i = 0; i < trace.spanCount; i++) {
      out.count++;
      out.total += trace.end[i] - trace.start[i];
      out.self += selfTime[i];
      out.critical += criticalPath.perSpan[i];
    }
  }
  return out;
}

describe('nothing is dropped by the limits (property)', () => {
  it('rows + other, and the bounded call tree, sum to the spans', () => {
    fc.assert(
      fc.property(setArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), (set, rows, nodes) => {
        const traces = analyses(set);
        const agg = aggregateTraces(traces, { kind: 'operation' }, { rows, callTree: { nodes, children: 2 } });
        const parts = [...agg.rows, ...(agg.other ? [agg.other] : [])];
        const sum = (f: (r: (typeof parts)[number]) => number) => parts.reduce((s, r) => s + f(r), 0);
        // times are whole µs in ns, so every sum is an exact integer
        expect({
          count: sum((r) => r.count),
          total: sum((r) => r.total),
          self: sum((r) => r.selfTotal),
          critical: sum((r) => r.criticalPath),
        }).toEqual(spanSums(traces));
        expect(agg.rows.length + (agg.other?.groups ?? 0)).toBe(agg.columns.size);
        expect(new Set(agg.rows.map((r) => r.key)).size).toBe(agg.rows.length);
        const tree = agg.callTree!;
        expect(tree.self.reduce((s, v) => s + v, 0)).toBe(spanSums(traces).self);
        // node 0 counts the traces, the others their spans
        expect(tree.count.reduce((s, v) => s + v, 0)).toBe(traces.length + spanSums(traces).count);
        expect(tree.parent.length).toBeLessThanOrEqual(2 * nodes);
      }),
      { numRuns: 150 }
    );
  });

  it('compare rows + other sum to the difference of the sets', () => {
    fc.assert(
      fc.property(setArb, setArb, fc.integer({ min: 1, max: 4 }), (slowSet, baseSet, rows) => {
        const slow = analyses(slowSet);
        const base = analyses(baseSet);
        const c = compareTraceSets(slow, base, { kind: 'operation' }, rows);
        const deltas = [...c.rows, ...(c.other ? [c.other] : [])];
        const expected = spanSums(slow).critical / slow.length - spanSums(base).critical / base.length;
        expect(deltas.reduce((s, r) => s + r.criticalPathDelta, 0)).toBeCloseTo(expected, 3);
        expect(c.rows.length).toBeLessThanOrEqual(rows);
      }),
      { numRuns: 100 }
    );
  });
});
