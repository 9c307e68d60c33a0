import fc from 'fast-check';
import { AgentRunComparer, compareAgentRuns } from './agent-compare';
import type { AgentRunPath } from './agent-path';

const US = 1000;

/** A run whose critical path (µs) is split into these parts; its length is their sum. */
function run(model: number, retrieval: number, tools: Record<string, number>, own: number): AgentRunPath {
  const toolTimes = Object.entries(tools).map(([tool, us]) => ({ tool, time: us * US }));
  const length = (model + retrieval + own) * US + toolTimes.reduce((a, t) => a + t.time, 0);
  return {
    span: 0,
    duration: length,
    length,
    model: model * US,
    retrieval: retrieval * US,
    tools: toolTimes,
    own: own * US,
  };
}

const stats = (mean: number, p50: number, p90: number) => ({ mean: mean * US, p50: p50 * US, p90: p90 * US });

describe('compareAgentRuns', () => {
  /*
   * slow:     S1 = model 60, search 30, own 10 (100); S2 = model 60, search 70, calc 0, own 10 (140)
   * baseline: B1 = model 50, search 20, own 10 (80);  B2 = model 40, retrieval 10, own 10 (60)
   * mean path per run 120 vs 70: the total difference is 50.
   * search: 50 vs 10 → +40, share 0.8; model: 60 vs 45 → +15, 0.3; calc 0 vs 0 and own 10 vs 10 → 0;
   * retrieval: 0 vs 5 → −5, −0.1. Shares add up to 1. p50/p90 of two runs: the smaller, the larger.
   */
  const comparison = compareAgentRuns(
    [run(60, 0, { search: 30 }, 10), run(60, 0, { search: 70, calc: 0 }, 10)],
    [run(50, 0, { search: 20 }, 10), run(40, 10, {}, 10)]
  );

  it('gives each part’s mean, p50 and p90 per run on each side, the difference and its share', () => {
    expect(comparison.runs).toEqual({ slow: 2, baseline: 2 });
    expect(comparison.total).toEqual({ slow: stats(120, 100, 140), baseline: stats(70, 60, 80), difference: 50 * US });
    expect(comparison.rows).toEqual([
      {
        kind: 'tool',
        tool: 'search',
        slow: stats(50, 30, 70),
        baseline: stats(10, 0, 20),
        difference: 40 * US,
        share: 0.8,
      },
      {
        kind: 'model',
        tool: '',
        slow: stats(60, 60, 60),
        baseline: stats(45, 40, 50),
        difference: 15 * US,
        share: 0.3,
      },
      { kind: 'tool', tool: 'calc', slow: stats(0, 0, 0), baseline: stats(0, 0, 0), difference: 0, share: 0 },
      { kind: 'own', tool: '', slow: stats(10, 10, 10), baseline: stats(10, 10, 10), difference: 0, share: 0 },
      {
        kind: 'retrieval',
        tool: '',
        slow: stats(0, 0, 0),
        baseline: stats(5, 0, 10),
        difference: -5 * US,
        share: -0.1,
      },
    ]);
  });

  it('without baseline runs gives the slow side’s figures only, largest mean first', () => {
    const { rows, total } = compareAgentRuns([run(60, 0, { search: 30 }, 10)], []);
    expect(total.baseline.mean).toBeNaN();
    expect(total.difference).toBeNaN();
    expect(rows.map((r) => [r.kind, r.tool, r.slow.mean / US, r.share])).toEqual([
      ['model', '', 60, NaN],
      ['tool', 'search', 30, NaN],
      ['own', '', 10, NaN],
      ['retrieval', '', 0, NaN],
    ]);
  });
});

describe('AgentRunComparer (property)', () => {
  const us = fc.integer({ min: 0, max: 100 });
  const runArb = fc
    .tuple(us, us, fc.dictionary(fc.constantFrom('a', 'b', 'c'), us), us)
    .map(([model, retrieval, tools, own]) => run(model, retrieval, tools, own));
  const traceArb = fc.record({
    side: fc.constantFrom('slow' as const, 'baseline' as const),
    runs: fc.array(runArb, { maxLength: 3 }),
  });

  it('gives, after any prefix of the traces in any order, the comparison of the runs so far', () => {
    fc.assert(
      fc.property(fc.array(traceArb, { maxLength: 8 }), (traces) => {
        const comparer = new AgentRunComparer();
        traces.forEach((trace, k) => {
          comparer.add(trace.side, trace.runs);
          const sofar = traces.slice(0, k + 1);
          const of = (side: string) => sofar.filter((t) => t.side === side).flatMap((t) => t.runs);
          const expected = compareAgentRuns(of('slow'), of('baseline'));
          expect(comparer.snapshot()).toEqual(expected);
          expect(compareAgentRuns([...of('slow')].reverse(), [...of('baseline')].reverse())).toEqual(expected);
        });
      })
    );
  });

  it('gives parts whose means add up to the mean path per run, and shares that add up to 1', () => {
    fc.assert(
      fc.property(
        fc.array(runArb, { minLength: 1, maxLength: 6 }),
        fc.array(runArb, { minLength: 1, maxLength: 6 }),
        (slow, baseline) => {
          const { rows, total } = compareAgentRuns(slow, baseline);
          const sum = (f: (r: (typeof rows)[0]) => number) => rows.reduce((a, r) => a + f(r), 0);
          expect(sum((r) => r.slow.mean)).toBeCloseTo(total.slow.mean, 6);
          expect(sum((r) => r.baseline.mean)).toBeCloseTo(total.baseline.mean, 6);
          if (total.difference !== 0) {
            expect(sum((r) => r.share)).toBeCloseTo(1, 6);
          }
        }
      )
    );
  });
});
