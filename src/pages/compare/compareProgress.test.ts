import { DataError } from '../../data';
import { diffCallTrees } from '../../engine';
import { analysed, DIFF_BASELINE, DIFF_COMPARISON } from '../../engine/testing/call-tree-fixtures';
import { analysedHandSpans } from '../../engine/testing/genai-spans';
import { callTreeDiffView } from './callTreeDiffView';
import { DIFF_ROWS } from './compareModel';
import { ComparisonProgress, DiffProgress } from './compareProgress';
import { arrivals, loaded } from './testing/arrivals';

const US = 1000;

// the sets of engine/testing/call-tree-fixtures.ts (self = critical-path time in each trace):
// b1: GET 60, q 40; b2: GET 30, q 20; s1: GET 35, q 4 × 5 = 20, get 5
const [B1, B2] = DIFF_BASELINE.map(analysed);
const [S1] = DIFF_COMPARISON.map(analysed);
const sets = { slow: ['s1'], baseline: ['b1', 'x', 'b2'], thresholdMs: 60 };

const ranked = (progress: ComparisonProgress, a: ReturnType<typeof arrivals>) =>
  progress.update(a).comparison.rows.map((r) => [r.label, r.criticalPathDelta / US]);

describe('ComparisonProgress and DiffProgress', () => {
  it('fill in as traces arrive, leaving out failed ones, and end as the comparison of all', () => {
    const a = arrivals();
    const comparing = new ComparisonProgress(sets, { kind: 'operation' }, 3, 'async');
    const diffing = new DiffProgress(sets, 'async');
    a.arrive('b1', loaded(B1));
    // no slow trace yet: nothing to compare
    expect(comparing.update(a)).toEqual({ repaired: [], comparison: { rows: [], other: null }, examples: new Map() });
    expect(diffing.update(a)).toBeNull();
    a.arrive('s1', loaded(S1));
    // s1 vs b1: GET 35 − 60, q 20 − 40, get 5 − 0
    expect(ranked(comparing, a)).toEqual([
      ['api: GET', -25],
      ['db: q', -20],
      ['cache: get', 5],
    ]);
    expect(diffing.update(a)?.rows.map((r) => [r.path.join(' › '), r.criticalDelta / US, r.slow, r.baseline])).toEqual([
      ['api: GET', -25, 's1', 'b1'],
      ['api: GET › db: q', -20, 's1', 'b1'],
      ['api: GET › cache: get', 5, 's1', undefined],
    ]);
    a.arrive('x', new DataError('trace-not-found', 'Trace x not found.'));
    a.arrive('b2', loaded(B2));
    // baseline means GET 45, q 30; asking twice folds nothing in twice
    comparing.update(a);
    expect(ranked(comparing, a)).toEqual([
      ['api: GET', -10],
      ['db: q', -10],
      ['cache: get', 5],
    ]);
    expect(comparing.update(a).examples.get(JSON.stringify(['db', 'q']))).toEqual(['s1']);
    diffing.update(a);
    expect(diffing.update(a)).toEqual(callTreeDiffView(diffCallTrees([B1, B2], [S1]), ['b1', 'b2'], ['s1'], DIFF_ROWS));
  });

  it('takes a trace listed in both sets into both', () => {
    const a = arrivals();
    a.arrive('t', loaded(B1));
    const comparison = new ComparisonProgress(
      { slow: ['t'], baseline: ['t'], thresholdMs: NaN },
      { kind: 'service' },
      3,
      'async'
    );
    // the same trace on both sides: no difference anywhere
    expect(ranked(comparison, a)).toEqual([
      ['api', 0],
      ['db', 0],
    ]);
  });
});

describe('the critical-path mode of a comparison', () => {
  // both traces: web's request R [0,50] µs publishes P [10,30]; in the slow one, worker's consumer
  // C [20,80] runs on after R ended. Async: C owns (50,80] of the path, so worker is +30 µs; web's
  // R (0,10] + (30,50] and P (10,30] are 50 µs on both sides. Sync: C is never on the path (its
  // 30 µs is a gap), so worker is 0 µs on both sides.
  const request = [
    { id: 'r', service: 'web', kind: 'SERVER' as const, start: 0, end: 50 },
    { id: 'p', service: 'web', kind: 'PRODUCER' as const, parent: 'r', start: 10, end: 30 },
  ];
  const consumer = { id: 'c', service: 'worker', kind: 'CONSUMER' as const, parent: 'p', start: 20, end: 80 };
  const a = arrivals();
  a.arrive('slow', loaded(analysedHandSpans([...request, consumer])));
  a.arrive('base', loaded(analysedHandSpans(request)));
  const split = { slow: ['slow'], baseline: ['base'], thresholdMs: NaN };

  it.each([
    ['async', 30],
    ['sync', 0],
  ] as const)('in %s mode, the consumer’s service gains %d µs of critical path', (mode, worker) => {
    const comparing = new ComparisonProgress(split, { kind: 'service' }, 3, mode);
    expect(new Map(ranked(comparing, a) as Array<[string, number]>)).toEqual(
      new Map([
        ['web', 0],
        ['worker', worker],
      ])
    );
    const diff = new DiffProgress(split, mode).update(a);
    const consumerRow = diff?.rows.find((r) => r.path.length === 3);
    expect(consumerRow?.criticalDelta).toBe(worker * US);
  });
});

describe('a comparison grouped by an attribute', () => {
  // slow: GET [0,100] µs calls a postgresql query [10,60] then a redis get [60,70]; baseline: GET
  // [0,50], query [10,30], get [30,35]. The calls run one after the other, so each span's
  // critical-path time is its self time: slow GET 100 − 50 − 10 = 40, query 50, get 10; baseline
  // GET 50 − 20 − 5 = 25, query 20, get 5. By db.system: postgresql +30, GET's "(none)" +15, redis +5.
  const trace = (end: number, query: [number, number], get: [number, number]) =>
    loaded(
      analysedHandSpans([
        { id: 'g', service: 'api', name: 'GET', kind: 'SERVER', start: 0, end },
        { id: 'q', parent: 'g', service: 'api', start: query[0], end: query[1], attrs: { 'db.system': 'postgresql' } },
        { id: 'c', parent: 'g', service: 'api', start: get[0], end: get[1], attrs: { 'db.system': 'redis' } },
      ])
    );
  const a = arrivals();
  a.arrive('slow', trace(100, [10, 60], [60, 70]));
  a.arrive('base', trace(50, [10, 30], [30, 35]));
  const split = { slow: ['slow'], baseline: ['base'], thresholdMs: NaN };

  it('ranks the attribute’s values by Δ critical path per trace, spans without it under "(none)"', () => {
    const comparing = new ComparisonProgress(split, { kind: 'attribute', key: 'db.system' }, 3, 'async');
    expect(ranked(comparing, a)).toEqual([
      ['postgresql', 30],
      ['(none)', 15],
      ['redis', 5],
    ]);
  });

  it('regroups the same loaded traces by another key without fetching them again', () => {
    // one group: every span lacks the key, 100 vs 50 µs
    const comparing = new ComparisonProgress(split, { kind: 'attribute', key: 'gen_ai.request.model' }, 3, 'async');
    expect(ranked(comparing, a)).toEqual([['(none)', 50]]);
  });
});

describe('a comparison grouped by model', () => {
  // slow: an agent run [0,100] µs calls gpt-4o [10,70] (its request model), then claude-3 [70,90]
  // (named only as its response model); baseline: run [0,50], gpt-4o [10,30], claude-3 [30,40]. One
  // call after the other, so critical-path time is self time: slow gpt-4o 60, claude-3 20, run
  // 100 − 80 = 20; baseline gpt-4o 20, claude-3 10, run 50 − 30 = 20. Δ: gpt-4o +40, claude-3 +10,
  // the run's "(none)" 0.
  const run = (end: number, gpt: [number, number], claude: [number, number]) =>
    loaded(
      analysedHandSpans([
        { id: 'r', service: 'agent', start: 0, end, attrs: { 'gen_ai.operation.name': 'invoke_agent' } },
        { id: 'g', parent: 'r', start: gpt[0], end: gpt[1], attrs: { 'gen_ai.request.model': 'gpt-4o' } },
        { id: 'c', parent: 'r', start: claude[0], end: claude[1], attrs: { 'gen_ai.response.model': 'claude-3' } },
      ])
    );
  const a = arrivals();
  a.arrive('slow', run(100, [10, 70], [70, 90]));
  a.arrive('base', run(50, [10, 30], [30, 40]));

  it('ranks the models by Δ critical path per trace', () => {
    const comparing = new ComparisonProgress(
      { slow: ['slow'], baseline: ['base'], thresholdMs: NaN },
      { kind: 'model' },
      3,
      'async'
    );
    expect(ranked(comparing, a)).toEqual([
      ['gpt-4o', 40],
      ['claude-3', 10],
      ['(none)', 0],
    ]);
  });
});
