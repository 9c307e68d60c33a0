import fc from 'fast-check';
import { tinyId, tinyOtlp, TinySpan } from '../../tests/synthetic/tiny';
import { analyzeTrace, spanIdOf, TraceAnalysis, withPathMode } from './analyze';
import { parseOtlpTrace } from './otlp';
import { foldedAncestors, foldedGroup, prunedRows, pruneTrace, Pruning, selfTimeHotspots } from './prune';

/**
 * R [0,1000] µs; A [10,500] (A1 [20,300], A2 [300,490]) and C [600,700] (C1 [610,620]) are on the
 * critical path: R (0,10] A (10,20] A1 (20,300] A2 (300,490] A (490,500] R (500,600] C (600,610]
 * C1 (610,620] C (620,700] R (700,1000]. Off the path, overlapped by A: B [100,102] (B1 [100,101],
 * B2 [101,102]) and D [200,300] (D1 [200,250], D3 [255,259] with D31 [255,256], D2 [260,290]).
 * The threshold is 0.5% of 1000 µs = 5 µs. B's subtree: self 0 + 1 + 1 = 2 µs, 3 spans → folds.
 * D's: D 16 (250–255, 259–260, 290–300) + D1 50 + D3 3 + D31 1 + D2 30 = 100 µs → stays open;
 * D3's: 3 + 1 = 4 µs, 2 spans → folds.
 */
const SPANS: TinySpan[] = [
  { id: 'R', start: 0, end: 1000 },
  { id: 'A', parent: 'R', start: 10, end: 500 },
  { id: 'A1', parent: 'A', start: 20, end: 300 },
  { id: 'A2', parent: 'A', start: 300, end: 490 },
  { id: 'B', parent: 'R', start: 100, end: 102 },
  { id: 'B1', parent: 'B', start: 100, end: 101 },
  { id: 'B2', parent: 'B', start: 101, end: 102 },
  { id: 'D', parent: 'R', start: 200, end: 300 },
  { id: 'D1', parent: 'D', start: 200, end: 250 },
  { id: 'D3', parent: 'D', start: 255, end: 259 },
  { id: 'D31', parent: 'D3', start: 255, end: 256 },
  { id: 'D2', parent: 'D', start: 260, end: 290 },
  { id: 'C', parent: 'R', start: 600, end: 700 },
  { id: 'C1', parent: 'C', start: 610, end: 620 },
];
const analysis = analyzeTrace(parseOtlpTrace(tinyOtlp(SPANS)));
const pruning = pruneTrace(analysis);
const byName = new Map(SPANS.map((s) => [tinyId(s.id), s.id]));
const nameOfSpan = (i: number) => byName.get(spanIdOf(analysis.trace, i));
const index = (name: string) => SPANS.findIndex((s) => s.id === name);
/** Rows as names, a folded subtree written `[name]`. */
const rows = (expanded: string[] = [], collapsed: string[] = []) => {
  const r = prunedRows(analysis, pruning, new Set(expanded.map(index)), new Set(collapsed.map(index)));
  return Array.from(r.span, (i, k) => (r.group[k] ? `[${nameOfSpan(i)}]` : nameOfSpan(i)));
};

describe('pruneTrace', () => {
  it('sums each subtree: spans, self time and time range', () => {
    const B = index('B');
    expect(foldedGroup(pruning, B)).toEqual({ spans: 3, selfTime: 2000, start: 100_000, end: 102_000 });
    const D = index('D');
    expect([pruning.size[D], pruning.self[D]]).toEqual([5, 100_000]);
    expect(pruning.size[index('R')]).toBe(14);
    // the path's spans tile [0,1000] µs; B (2 µs) and D (100 µs) run beside A
    expect(pruning.self[index('R')]).toBe(1_102_000);
    expect(pruning.threshold).toBe(5000);
  });

  it('folds off-path subtrees with little self time, never the path or a single span', () => {
    const folding = SPANS.filter((s) => pruning.collapsible[index(s.id)] === 1).map((s) => s.id);
    expect(folding).toEqual(['B', 'D3']);
  });

  it('lists rows with folded groups, expands them by the same rule, and keeps the user’s collapse', () => {
    expect(rows()).toEqual(['R', 'A', 'A1', 'A2', '[B]', 'D', 'D1', '[D3]', 'D2', 'C', 'C1']);
    expect(rows(['B', 'D3'])).toEqual(['R', 'A', 'A1', 'A2', 'B', 'B1', 'B2', 'D', 'D1', 'D3', 'D31', 'D2', 'C', 'C1']);
    expect(rows([], ['D', 'A'])).toEqual(['R', 'A', '[B]', 'D', 'C', 'C1']);
  });

  it('names the folded ancestors to expand so a span shows', () => {
    const names = (span: string) => foldedAncestors(analysis, pruning, index(span)).map(nameOfSpan);
    expect(names('D31')).toEqual(['D3']);
    expect(names('B2')).toEqual(['B']);
    expect(names('D1')).toEqual([]);
  });

  it('raising the fraction folds more: at 15% D (100 µs) folds too', () => {
    const wide = pruneTrace(analysis, 0.15);
    expect(wide.threshold).toBe(150_000);
    const r = prunedRows(analysis, wide, new Set(), new Set());
    expect(Array.from(r.span, nameOfSpan)).toEqual(['R', 'A', 'A1', 'A2', 'B', 'D', 'C', 'C1']);
    expect(Array.from(r.group)).toEqual([0, 0, 0, 0, 1, 1, 0, 0]);
  });

  it('lists self-time hotspots, largest first: R 410, A1 280, A2 190, C 90, D1 50 µs', () => {
    expect(Array.from(selfTimeHotspots(analysis, 5), nameOfSpan)).toEqual(['R', 'A1', 'A2', 'C', 'D1']);
    expect(selfTimeHotspots(analysis, 0)).toHaveLength(0);
    // B has no self time (B1 and B2 cover it): of 14 spans, 13 are hotspots at most
    expect(selfTimeHotspots(analysis, 14)).toHaveLength(13);
    // the 1 µs ties last, in tree order
    expect(Array.from(selfTimeHotspots(analysis, 14), nameOfSpan).slice(-3)).toEqual(['B1', 'B2', 'D31']);
  });

  it('works on a 1M-deep chain without recursion', () => {
    const chain = deepChain(1_000_000);
    const p = pruneTrace(chain);
    expect([p.size[0], p.self[0], p.end[0]]).toEqual([1_000_000, 1_000_000, 2_000_000]);
    // off the path and 1,000,000 ns of self time < 0.5% of 1e9 ns: the whole chain is one row
    expect(Array.from(prunedRows(chain, p, new Set(), new Set()).group)).toEqual([1]);
    const reveal = foldedAncestors(chain, p, 999_999);
    expect([reveal.length, reveal[0], reveal[reveal.length - 1]]).toEqual([999_999, 0, 999_998]);
    expect(prunedRows(chain, p, new Set(reveal), new Set()).span).toHaveLength(1_000_000);
  });
});

/**
 * The columns pruning reads, for an n-deep chain: span k the parent of k+1, span k over
 * [k, 2n − k] ns with 1 ns of self time, none on the critical path, a trace 1e9 ns long.
 */
function deepChain(n: number): TraceAnalysis {
  const parent = Int32Array.from({ length: n }, (_, k) => k - 1);
  const preorder = Uint32Array.from({ length: n }, (_, k) => k);
  const effStart = Float64Array.from(preorder);
  const effEnd = Float64Array.from(preorder, (k) => 2 * n - k);
  const tree = { parent, preorder, depth: preorder, roots: Uint32Array.of(0) };
  const criticalPath = { span: new Uint32Array(0) };
  const fields = { trace: { spanCount: n }, tree, intervals: { effStart, effEnd }, criticalPath };
  return { ...fields, selfTime: new Float64Array(n).fill(1), duration: 1e9 } as unknown as TraceAnalysis;
}

/** Random trees: parents point backwards (or nowhere), any times. */
const treeArb = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.tuple(
    fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: n, maxLength: n }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 400 })), {
      minLength: n,
      maxLength: n,
    }),
    fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
    fc.double({ min: 0, max: 0.5, noNaN: true }),
    fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 5 })
  )
);
const KINDS = ['internal', 'server', 'client', 'producer', 'consumer'] as const;

function randomAnalysis(parents: number[], times: Array<[number, number]>, kinds: number[]): TraceAnalysis {
  return analyzeTrace(
    parseOtlpTrace(
      tinyOtlp(
        parents.map((p, i) => ({
          id: `s${i}`,
          parent: p >= 0 && p < i ? `s${p}` : undefined,
          kind: KINDS[kinds[i] - 1],
          start: times[i][0],
          end: times[i][0] + times[i][1],
        }))
      )
    )
  );
}

/** The span each span is folded into in `rows` (-1 when it is a row itself), checking it is at most one. */
function owners(a: TraceAnalysis, p: Pruning, expanded: Set<number>) {
  const r = prunedRows(a, p, expanded, new Set());
  const isRow = new Uint8Array(a.trace.spanCount);
  const groupOf = new Int32Array(a.trace.spanCount).fill(-1);
  const groups = new Uint8Array(a.trace.spanCount);
  r.span.forEach((i, k) => {
    isRow[i] = 1;
    groups[i] = r.group[k];
  });
  for (let i = 0; i < a.trace.spanCount; i++) {
    const inside: number[] = [];
    for (let q = a.tree.parent[i]; q >= 0; q = a.tree.parent[q]) {
      if (groups[q] === 1) {
        inside.push(q);
      }
    }
    expect(inside.length + isRow[i]).toBe(1);
    groupOf[i] = inside[0] ?? -1;
  }
  return { r, groupOf };
}

describe('pruning properties', () => {
  it('hotspots are the spans with self time sorted by self time, then tree order, cut at the count', () => {
    fc.assert(
      fc.property(treeArb, fc.integer({ min: 0, max: 12 }), ([parents, times, kinds], count) => {
        const a = randomAnalysis(parents, times, kinds);
        const position = new Map(Array.from(a.tree.preorder, (i, k) => [i, k]));
        const oracle = Array.from(a.tree.preorder)
          .filter((i) => a.selfTime[i] > 0)
          .sort((x, y) => a.selfTime[y] - a.selfTime[x] || position.get(x)! - position.get(y)!)
          .slice(0, count);
        expect(Array.from(selfTimeHotspots(a, count))).toEqual(oracle);
      }),
      { numRuns: 300 }
    );
  });

  it('every span is a row or inside exactly one group; no path span folds; counts add up; revealing shows a span', () => {
    fc.assert(
      fc.property(treeArb, fc.boolean(), ([parents, times, kinds, fraction, expandSome], sync) => {
        const a = withPathMode(randomAnalysis(parents, times, kinds), sync ? 'sync' : 'async');
        const p = pruneTrace(a, fraction);
        const expanded = new Set(expandSome);
        const { r, groupOf } = owners(a, p, expanded);
        for (const i of a.criticalPath.span) {
          expect(groupOf[i]).toBe(-1);
        }
        let covered = 0;
        r.span.forEach((i, k) => {
          covered += r.group[k] ? p.size[i] : 1;
          if (r.group[k]) {
            expect(p.self[i]).toBeLessThan(p.threshold);
          }
        });
        expect(covered).toBe(a.trace.spanCount);
        const target = expandSome[0] ?? 0;
        const reveal = new Set([...expanded, ...foldedAncestors(a, p, target)]);
        expect(Array.from(prunedRows(a, p, reveal, new Set()).span)).toContain(target);
      }),
      { numRuns: 200 }
    );
  });

  it('rows are the spans with no folded or collapsed ancestor, in tree order, groups where they fold', () => {
    const spansArb = fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 6 });
    fc.assert(
      fc.property(treeArb, spansArb, ([parents, times, kinds, fraction, expandSome], collapseSome) => {
        const a = randomAnalysis(parents, times, kinds);
        const p = pruneTrace(a, fraction);
        const expanded = new Set(expandSome);
        const collapsed = new Set(collapseSome);
        const folded = (i: number) => p.collapsible[i] === 1 && !expanded.has(i);
        const hidden = (i: number) => {
          for (let q = a.tree.parent[i]; q >= 0; q = a.tree.parent[q]) {
            if (folded(q) || collapsed.has(q)) {
              return true;
            }
          }
          return false;
        };
        const rows = Array.from(a.tree.preorder).filter((i) => !hidden(i));
        const r = prunedRows(a, p, expanded, collapsed);
        expect(Array.from(r.span)).toEqual(rows);
        expect(Array.from(r.group)).toEqual(rows.map((i) => (folded(i) ? 1 : 0)));
      }),
      { numRuns: 300 }
    );
  });
});
