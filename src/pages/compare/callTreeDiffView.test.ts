import { diffCallTrees } from '../../engine';
import { analysed, DIFF_BASELINE, DIFF_COMPARISON } from '../../engine/testing/call-tree-fixtures';
import { callTreeDiffView, exampleLinks } from './callTreeDiffView';

const US = 1000;

// the sets of engine/testing/call-tree-fixtures.ts (Δ per trace: q +3 calls −10 µs, GET −10 µs,
// get +1 call +5 µs, in the slow set only), named b1, b2 and s1
const diff = diffCallTrees(DIFF_BASELINE.map(analysed), DIFF_COMPARISON.map(analysed));
const baseline = ['b1', 'b2'];
const slow = ['s1'];

describe('callTreeDiffView', () => {
  const view = callTreeDiffView(diff, baseline, slow, 10);

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
    expect(callTreeDiffView(diff, baseline, slow, 1).rows.map((r) => r.node)).toEqual([view.rows[0].node]);
  });
});
