import fc from 'fast-check';

import { aggregateTraces } from './aggregate';
import { callTreeToFlameFrames, FLAME_MEASURES, FlameFrameColumns } from './flame';
import { analysed, analysedRandom, randomTrace } from './testing/call-tree-fixtures';

const US = 1000;

/*
 * api GET [0,100] ─┬─ a A [10,90] ── c C [20,30]
 *                  ├─ b B [10,85]   (parallel to A, ends first: off the critical path)
 *                  └─ d D [92,96]
 * self: GET 100 − |[10,90] ∪ [92,96]| = 16, A 80 − 10 = 70, B 75, C 10, D 4
 * critical path: GET (0,10] A (10,20] C (20,30] A (30,90] GET (90,92] D (92,96] GET (96,100]
 *   → GET 16, A 70, C 10, D 4, B 0 (sum 100 = the trace)
 */
const T = analysed([
  { id: 'r', service: 'api', name: 'GET', start: 0, end: 100 },
  { id: 'a', parent: 'r', service: 'a', name: 'A', start: 10, end: 90 },
  { id: 'c', parent: 'a', service: 'c', name: 'C', start: 20, end: 30 },
  { id: 'b', parent: 'r', service: 'b', name: 'B', start: 10, end: 85 },
  { id: 'd', parent: 'r', service: 'd', name: 'D', start: 92, end: 96 },
]);

const inUs = (xs: ArrayLike<number>) => Array.from(xs, (v) => v / US);

describe('critical-path time in the call tree', () => {
  it('sums each node’s time on its trace’s critical path', () => {
    const tree = aggregateTraces([T, T]).callTree!;
    // nodes in pre-order of first sight: all traces, GET, A, C, B, D
    expect(tree.operation).toEqual(['', 'GET', 'A', 'C', 'B', 'D']);
    expect(inUs(tree.critical)).toEqual([0, 32, 140, 20, 0, 8]);
    expect(inUs(tree.self)).toEqual([0, 32, 140, 20, 150, 8]);
  });
});

describe('flame graph measures', () => {
  const frames = callTreeToFlameFrames(aggregateTraces([T]).callTree!);
  const values = (f: FlameFrameColumns) => ({ value: inUs(f.value), self: inUs(f.self) });

  it('orders rows once for every measure', () => {
    for (const measure of FLAME_MEASURES) {
      expect([frames[measure].label, frames[measure].level]).toEqual([
        ['all traces', 'api: GET', 'a: A', 'c: C', 'b: B', 'd: D'],
        [0, 1, 2, 3, 2, 2],
      ]);
    }
  });

  it('self: the subtree’s summed self time (work)', () => {
    // C 10, A 70 + 10, B 75, D 4, GET 16 + 80 + 75 + 4 = 175
    expect(values(frames.self)).toEqual({ value: [175, 175, 80, 10, 75, 4], self: [0, 16, 70, 10, 75, 4] });
  });

  it('critical path: the subtree’s time on the path, the root the path’s length', () => {
    // C 10, A 70 + 10, B 0, D 4, GET 16 + 80 + 0 + 4 = 100
    expect(values(frames.criticalPath)).toEqual({ value: [100, 100, 80, 10, 0, 4], self: [0, 16, 70, 10, 0, 4] });
  });

  it('total: span durations, raised to the children’s sum where parallel children exceed it', () => {
    // GET lasts 100 but its children A 80 + B 75 + D 4 = 159: raised to 159, self 0; so is the root
    expect(values(frames.total)).toEqual({ value: [159, 159, 80, 10, 75, 4], self: [0, 0, 70, 10, 75, 4] });
  });
});

describe('call-tree properties', () => {
  it('per trace, critical-path values sum to the trace’s critical-path length, bounded or not', () => {
    fc.assert(
      fc.property(randomTrace, fc.integer({ min: 1, max: 8 }), (spans, nodes) => {
        const analysis = analysedRandom(spans);
        const { start, end } = analysis.criticalPath;
        let length = 0;
        for (let k = 0; k < start.length; k++) {
          length += end[k] - start[k];
        }
        for (const limits of [undefined, { nodes, children: 2 }]) {
          const tree = aggregateTraces([analysis], { kind: 'operation' }, { callTree: limits }).callTree!;
          // times are whole µs in ns: the sums are exact
          expect(tree.critical.reduce((s, v) => s + v, 0)).toBe(length);
        }
      }),
      { numRuns: 200 }
    );
  });

  it('every measure keeps each value ≥ its children’s sum and self = value − children', () => {
    fc.assert(
      fc.property(fc.array(randomTrace, { minLength: 1, maxLength: 3 }), (set) => {
        const frames = callTreeToFlameFrames(aggregateTraces(set.map(analysedRandom)).callTree!);
        for (const measure of FLAME_MEASURES) {
          const { level, value, self } = frames[measure];
          const children = new Array<number>(level.length).fill(0);
          const open: number[] = [];
          level.forEach((depth, row) => {
            open.length = depth;
            if (depth > 0) {
              children[open[depth - 1]] += value[row];
            }
            open.push(row);
          });
          level.forEach((_, row) => {
            expect(value[row]).toBeGreaterThanOrEqual(children[row]);
            expect(self[row]).toBe(value[row] - children[row]);
          });
        }
      }),
      { numRuns: 150 }
    );
  });
});
