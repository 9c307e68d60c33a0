import { tinyOtlp } from '../../tests/synthetic/tiny';
import { aggregateTraces } from './aggregate';
import { analyzeTrace } from './analyze';
import { compareTraceSets } from './compare';
import { callTreeToFlameFrame } from './flame';
import { GroupIndex } from './grouping';
import { parseOtlpTrace } from './otlp';

const US = 1000;

/*
 * T1: api GET [0,100] ─┬─ auth check [5,10]
 *                      └─ db q [20,60]
 *   self: GET 100 − 5 − 40 = 55, check 5, q 40; critical: GET [0,5] [10,20] [60,100] = 55, check 5, q 40
 * T2: api GET [0,50] ─┬─ db q [10,20]
 *                     └─ db q [30,40]
 *   self: GET 50 − 20 = 30, q 10 + 10; critical: GET [0,10] [20,30] [40,50] = 30, q 10 + 10 = 20
 */
const t1 = analyzeTrace(
  parseOtlpTrace(
    tinyOtlp([
      { id: 'r', service: 'api', name: 'GET', kind: 'server', start: 0, end: 100 },
      { id: 'c', parent: 'r', service: 'auth', name: 'check', start: 5, end: 10 },
      { id: 'a', parent: 'r', service: 'db', name: 'q', start: 20, end: 60 },
    ])
  )
);
const t2 = analyzeTrace(
  parseOtlpTrace(
    tinyOtlp([
      { id: 'r', service: 'api', name: 'GET', kind: 'server', start: 0, end: 50 },
      { id: 'a', parent: 'r', service: 'db', name: 'q', start: 10, end: 20 },
      { id: 'a2', parent: 'r', service: 'db', name: 'q', start: 30, end: 40 },
    ])
  )
);

describe('aggregateTraces', () => {
  const agg = aggregateTraces([t1, t2]);

  it('sums breakdowns over traces with exact nearest-rank percentiles', () => {
    expect(agg.traceCount).toBe(2);
    expect(agg.totalDuration).toBe(150 * US);
    // trace durations [50, 100]: p50 = 1st value (⌈0.5·2⌉ = 1), p90 = p99 = 2nd
    expect(agg.traceDuration).toEqual({ p50: 50 * US, p90: 100 * US, p99: 100 * US });
    const [api, db, auth] = agg.rows;
    expect([api.label, api.traces, api.count, api.total / US, api.selfTotal / US, api.criticalPath / US]).toEqual([
      'api: GET',
      2,
      2,
      150,
      85,
      85,
    ]);
    // per-trace self [55, 30] → p50 30, p90 55
    expect(api.selfPerTrace).toEqual({ p50: 30 * US, p90: 55 * US, p99: 55 * US });
    expect(api.criticalPathShare).toBeCloseTo(85 / 150, 12);
    // db q durations [40, 10, 10] → sorted [10, 10, 40]: p50 = 2nd (⌈1.5⌉), p90 = 3rd (⌈2.7⌉)
    expect(db.duration).toEqual({ p50: 10 * US, p90: 40 * US, p99: 40 * US, min: 10 * US, avg: 20 * US, max: 40 * US });
    expect([db.traces, db.count, db.criticalPath / US, db.criticalPathShare, db.shareDenominator]).toEqual([
      2,
      3,
      60,
      0.4,
      150 * US,
    ]);
    // per-trace critical [40, 20]
    expect(db.criticalPathPerTrace).toEqual({ p50: 20 * US, p90: 40 * US, p99: 40 * US });
    expect([auth.label, auth.traces, auth.criticalPath / US]).toEqual(['auth: check', 1, 5]);
  });

  it('merges call trees and exports nested-set flame columns', () => {
    const flame = callTreeToFlameFrame(agg.callTree!, 'self');
    // value = self + children: q 60, check 5, GET 85 + 65 = 150, root 0 + 150
    expect(flame).toEqual({
      level: [0, 1, 2, 2],
      value: [150 * US, 150 * US, 5 * US, 60 * US],
      self: [0, 85 * US, 5 * US, 60 * US],
      label: ['all traces', 'api: GET', 'auth: check', 'db: q'],
      node: [0, 1, 2, 3],
      unit: 'ns',
    });
    expect(Array.from(agg.callTree!.count)).toEqual([2, 2, 1, 3]);
    // effective durations: GET 100 + 50, check 5, q 40 + 10 + 10
    expect(Array.from(agg.callTree!.total, (v) => v / US)).toEqual([150, 150, 5, 60]);
  });

  it('builds no call tree when told not to, and the same everything else', () => {
    for (const groupBy of [{ kind: 'operation' }, { kind: 'service' }] as const) {
      // (group indexes hash with a random seed: compared by their keys)
      const keys = (groups: GroupIndex) => Array.from({ length: groups.size }, (_, g) => groups.keyOf(g));
      const { callTree, groups, ...rest } = aggregateTraces([t1, t2], groupBy, { callTree: false });
      expect(callTree).toBeNull();
      const { callTree: built, groups: groupsWithTree, ...withTree } = aggregateTraces([t1, t2], groupBy);
      expect(built?.count).toHaveLength(4);
      expect(rest).toEqual(withTree);
      expect(keys(groups)).toEqual(keys(groupsWithTree));
    }
  });

  it('keeps a recursive call as a deeper node', () => {
    const t = analyzeTrace(
      parseOtlpTrace(
        tinyOtlp([
          { id: 'a', name: 'f', start: 0, end: 10 },
          { id: 'b', parent: 'a', name: 'f', start: 2, end: 8 },
        ])
      )
    );
    expect(callTreeToFlameFrame(aggregateTraces([t]).callTree!, 'self').level).toEqual([0, 1, 2]);
  });
});

describe('compareTraceSets', () => {
  it('ranks components by the change in critical-path time per trace', () => {
    // slow [T1]: GET 55, q 40, check 5; baseline [T2]: GET 30, q 20
    const { rows, other } = compareTraceSets([t1], [t2]);
    expect(other).toBeNull();
    expect(rows.map((r) => [r.label, r.criticalPathDelta / US, r.selfDelta / US, r.baseline.traces])).toEqual([
      ['api: GET', 25, 25, 1],
      ['db: q', 20, 20, 1],
      ['auth: check', 5, 5, 0],
    ]);
    // shares: GET 55/100 vs 30/50
    expect(rows[0].shareDelta).toBeCloseTo(0.55 - 0.6, 12);
    expect(
      compareTraceSets(aggregateTraces([t1], { kind: 'service' }), aggregateTraces([t2], { kind: 'service' })).rows.map(
        (r) => r.label
      )
    ).toEqual(['api', 'db', 'auth']);
  });
});
