import { analyzeTrace, parseOtlpTrace } from '../../engine';
import { TinySpan, tinyOtlp } from '../../../tests/synthetic/tiny';
import { callTreeDiffView, exampleLinks } from './callTreeDiffView';

const US = 1000;
const loaded = (traceId: string, spans: TinySpan[]) => ({
  traceId,
  analysis: analyzeTrace(parseOtlpTrace(tinyOtlp(spans))),
});

/*
 * Baseline: b1 GET [0,100] ── q [20,60]; b2 GET [0,50] ── q [10,30]  → per trace GET 45, q 1 call 30
 * Slow: s1 GET [0,60] ─┬─ q ×4 of 5 µs, get [50,55]                 → GET 35, q 4 calls 20, get 5
 * Δ per trace (self = critical here): q −10 (+3 calls), GET −10, get +5 (+1 call, slow only)
 */
const baseline = [
  loaded('b1', [
    { id: 'r', service: 'api', name: 'GET', start: 0, end: 100 },
    { id: 'q', parent: 'r', service: 'db', name: 'q', start: 20, end: 60 },
  ]),
  loaded('b2', [
    { id: 'r', service: 'api', name: 'GET', start: 0, end: 50 },
    { id: 'q', parent: 'r', service: 'db', name: 'q', start: 10, end: 30 },
  ]),
];
const slow = [
  loaded('s1', [
    { id: 'r', service: 'api', name: 'GET', start: 0, end: 60 },
    ...[10, 20, 30, 40].map((t, k): TinySpan => ({
      id: `q${k}`,
      parent: 'r',
      service: 'db',
      name: 'q',
      start: t,
      end: t + 5,
    })),
    { id: 'g', parent: 'r', service: 'cache', name: 'get', start: 50, end: 55 },
  ]),
];

describe('callTreeDiffView', () => {
  const view = callTreeDiffView(baseline, slow, 10);

  it('ranks the changed call paths by Δ critical path, then Δ self, then Δ calls', () => {
    expect(
      view.rows.map((r) => [r.path.join(' › '), r.callsDelta, r.criticalDelta / US, r.selfDelta / US, r.onlyIn])
    ).toEqual([
      ['api: GET › db: q', 3, -10, -10, undefined],
      ['api: GET', 0, -10, -10, undefined],
      ['api: GET › cache: get', 1, 5, 5, 'slow'],
    ]);
  });

  it('names the longest trace of each side on the call path as its example', () => {
    expect(view.rows.map((r) => [r.slow, r.baseline])).toEqual([
      ['s1', 'b1'],
      ['s1', 'b1'],
      ['s1', undefined],
    ]);
  });

  it('links a flame graph row to its examples, slow side first', () => {
    // rows: all traces, api: GET, cache: get, db: q
    expect(exampleLinks(view, 2)).toEqual([{ label: 'Open the slowest slow trace on this call path', traceId: 's1' }]);
    expect(exampleLinks(view, 3).map((l) => l.traceId)).toEqual(['s1', 'b1']);
  });

  it('keeps the first rows only', () => {
    expect(callTreeDiffView(baseline, slow, 1).rows.map((r) => r.node)).toEqual([view.rows[0].node]);
  });
});
