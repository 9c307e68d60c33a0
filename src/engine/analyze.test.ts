import { TinySpan, tinyId, tinyOtlp } from '../../tests/synthetic/tiny';
import { analyzeTrace, criticalPathSections, selfIntervals, TraceAnalysis } from './analyze';
import { nameOf } from './model';
import { parseOtlpTrace } from './otlp';
import { FLAG_ASYNC, FLAG_CYCLE, FLAG_DUPLICATE_ID, FLAG_ORPHAN, FLAG_OUTLIVES_PARENT, FLAG_SKEW } from './tree';

const US = 1000; // ns per µs: tiny traces are written in µs, the engine answers in ns

function analyzeTiny(spans: TinySpan[]): TraceAnalysis {
  return analyzeTrace(parseOtlpTrace(tinyOtlp(spans)));
}

/** Span index by name (tiny traces name spans after their ids). */
function idx(a: TraceAnalysis, name: string): number {
  for (let i = 0; i < a.trace.spanCount; i++) {
    if (nameOf(a.trace, i) === name) {
      return i;
    }
  }
  throw new Error(`no span ${name}`);
}

function selfOf(a: TraceAnalysis): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < a.trace.spanCount; i++) {
    out[nameOf(a.trace, i)] = a.selfTime[i] / US;
  }
  return out;
}

/** Critical path as "name[start,end]" in µs. */
function pathOf(a: TraceAnalysis): string[] {
  return criticalPathSections(a).map((s) => `${nameOf(a.trace, s.span)}[${s.start / US},${s.end / US}]`);
}

describe('analyzeTrace', () => {
  it('handles sequential and parallel children', () => {
    const a = analyzeTiny([
      { id: 'r', start: 0, end: 100 },
      { id: 'a', parent: 'r', start: 10, end: 40 },
      { id: 'b', parent: 'r', start: 20, end: 50 },
      { id: 'c', parent: 'r', start: 60, end: 90 },
      { id: 'd', parent: 'c', start: 65, end: 70 },
    ]);
    expect(a.duration).toBe(100 * US);
    expect(a.warnings).toEqual([]);
    // r: 100 − |[10,50] ∪ [60,90]| = 100 − 70 = 30; c: 30 − 5 = 25
    expect(selfOf(a)).toEqual({ r: 30, a: 30, b: 30, c: 25, d: 5 });
    // From t=100: c ends last → r owns [90,100]; inside c, d → c [70,90], d [65,70], c [60,65];
    // back in r at t=60: b (ends 50) → r [50,60], b [20,50]; a ends at 40 > 20, so r owns [0,20].
    expect(pathOf(a)).toEqual(['r[0,20]', 'b[20,50]', 'r[50,60]', 'c[60,65]', 'd[65,70]', 'c[70,90]', 'r[90,100]']);
    expect(a.criticalPath.perSpan[idx(a, 'r')]).toBe(40 * US);
    expect(a.criticalPath.perSpan[idx(a, 'a')]).toBe(0);
    // tree: children by start, pre-order, depth
    const names = (list: ArrayLike<number>) => Array.from(list, (i) => nameOf(a.trace, i));
    expect(names(a.tree.preorder)).toEqual(['r', 'a', 'b', 'c', 'd']);
    expect(a.tree.depth[idx(a, 'd')]).toBe(2);
    expect(selfIntervals(a, idx(a, 'r')).map(([s, e]) => [s / US, e / US])).toEqual([
      [0, 10],
      [50, 60],
      [90, 100],
    ]);
  });

  it('puts a child that outlives its parent on the path only after its ancestors end (fire-and-forget)', () => {
    const a = analyzeTiny([
      { id: 'r', start: 0, end: 50 },
      { id: 'p', parent: 'r', start: 10, end: 30 },
      { id: 'q', parent: 'p', start: 20, end: 80 },
    ]);
    // trace ends with q at 80; p's self clips q to p: 20 − |[20,30]| = 10
    expect(a.duration).toBe(80 * US);
    expect(selfOf(a)).toEqual({ r: 30, p: 10, q: 60 });
    // p did not wait for q (q outlives it): r [0,10], p [10,30] (p's own time stays p's), r's own
    // time [30,50], then q's remaining work [50,80] once nothing that launched it runs any more
    expect(pathOf(a)).toEqual(['r[0,10]', 'p[10,30]', 'r[30,50]', 'q[50,80]']);
    expect(a.tree.flags[idx(a, 'q')] & FLAG_OUTLIVES_PARENT).toBeTruthy();
    expect(a.warnings.map((w) => [w.kind, w.count, w.examples])).toEqual([['childOutlivesParent', 1, [tinyId('q')]]]);
  });

  it('keeps a consumer that ends before the trace off the path: the producer does not wait for it', () => {
    const a = analyzeTiny([
      { id: 'r', service: 'A', kind: 'server', start: 0, end: 100 },
      { id: 'prod', service: 'A', kind: 'producer', parent: 'r', start: 10, end: 30 },
      { id: 'cons', service: 'B', kind: 'consumer', parent: 'prod', start: 20, end: 40 },
    ]);
    // cons is a CONSUMER (async) and ends after prod (30 < 40)
    expect(a.tree.flags[idx(a, 'cons')]).toBe(FLAG_ASYNC | FLAG_OUTLIVES_PARENT);
    // self: prod 20 − |[20,30]| = 10 (cons overlaps it); r 100 − 20 = 80
    expect(selfOf(a)).toEqual({ r: 80, prod: 10, cons: 20 });
    // r waited for prod until 30 and then worked until 100; cons ran beside them and ended at 40,
    // which nothing waited for: it is not on the path, and prod keeps [20,30]
    expect(pathOf(a)).toEqual(['r[0,10]', 'prod[10,30]', 'r[30,100]']);
    expect(a.criticalPath.perSpan[idx(a, 'cons')]).toBe(0);
  });

  it('puts a consumer that ends the trace on the path once the spans that launched it have ended', () => {
    // the worked example of critical-path.ts
    const a = analyzeTiny([
      { id: 'r', service: 'A', kind: 'server', start: 0, end: 50 },
      { id: 'p', service: 'A', kind: 'producer', parent: 'r', start: 10, end: 30 },
      { id: 'c', service: 'B', kind: 'consumer', parent: 'p', start: 20, end: 80 },
    ]);
    expect(a.duration).toBe(80 * US);
    // C owns (50,80]: after R (the last span not waiting for it) ended; P keeps (10,30], R (30,50]
    expect(pathOf(a)).toEqual(['r[0,10]', 'p[10,30]', 'r[30,50]', 'c[50,80]']);
    // 10 + 20 + 20 + 30 = 80 = the trace duration
    expect(Array.from(a.criticalPath.perSpan).reduce((x, y) => x + y, 0)).toBe(80 * US);
  });

  it('leaves the queue gap of an async consumer off the critical path', () => {
    const a = analyzeTiny([
      { id: 'r', service: 'A', kind: 'server', start: 0, end: 100 },
      { id: 'prod', service: 'A', kind: 'producer', parent: 'r', start: 10, end: 20 },
      { id: 'cons', service: 'B', kind: 'consumer', parent: 'prod', start: 150, end: 200 },
    ]);
    expect(a.duration).toBe(200 * US);
    expect(selfOf(a)).toEqual({ r: 90, prod: 10, cons: 50 });
    // r [0,10] launches prod [10,20], works on until 100; the message waits in the queue
    // 100..150 (no section); cons [150,200]
    expect(pathOf(a)).toEqual(['r[0,10]', 'prod[10,20]', 'r[20,100]', 'cons[150,200]']);
  });

  it('follows the consumer whose work ended last when the first one chosen is empty', () => {
    // two consumers end the trace together at 60: z (zero length, starts last) and c [30,60]
    const a = analyzeTiny([
      { id: 'p', kind: 'producer', start: 0, end: 20 },
      { id: 'c', kind: 'consumer', parent: 'p', start: 30, end: 60 },
      { id: 'z', kind: 'consumer', parent: 'p', start: 60, end: 60 },
    ]);
    // z is tried first (later start) and owns nothing; then c [30,60]
    expect(pathOf(a)).toEqual(['p[0,20]', 'c[30,60]']);
  });

  it('chains several roots and reports orphans', () => {
    const a = analyzeTiny([
      { id: 'r1', start: 0, end: 30 },
      { id: 'r2', start: 40, end: 100 },
      { id: 'o', parent: 'gone', start: 50, end: 120 },
    ]);
    // o ends last [50,120]; r2 ends at 100 > 50 (still running) so it is skipped; r1 ended at 30
    expect(pathOf(a)).toEqual(['r1[0,30]', 'o[50,120]']);
    expect(Array.from(a.tree.roots, (i) => nameOf(a.trace, i))).toEqual(['r1', 'r2', 'o']);
    expect(a.tree.flags[idx(a, 'o')]).toBe(FLAG_ORPHAN);
    expect(a.warnings[0]).toMatchObject({ kind: 'orphan', count: 1, examples: [tinyId('o')] });
  });

  it('breaks a parent cycle at its earliest-starting span', () => {
    const a = analyzeTiny([
      { id: 'a', parent: 'b', start: 10, end: 50 },
      { id: 'b', parent: 'c', start: 0, end: 60 },
      { id: 'c', parent: 'a', start: 5, end: 40 },
      { id: 'd', parent: 'a', start: 20, end: 30 },
    ]);
    const b = idx(a, 'b');
    expect(Array.from(a.tree.roots)).toEqual([b]);
    expect(a.tree.flags[b]).toBe(FLAG_CYCLE);
    // c starts (5) before its parent a (10): skew, clipped to [10,40]
    expect(a.tree.flags[idx(a, 'c')]).toBe(FLAG_SKEW);
    expect(a.intervals.effStart[idx(a, 'c')]).toBe(10 * US);
    // b: 60 − |[10,50]| = 20; a: 40 − |[10,40] ∪ [20,30]| = 10; c: 30; d: 10
    expect(selfOf(a)).toEqual({ a: 10, b: 20, c: 30, d: 10 });
    expect(a.warnings.map((w) => w.kind)).toEqual(['cycle', 'clockSkew']);
  });

  it('treats a span that is its own parent as a cycle', () => {
    const a = analyzeTiny([{ id: 'x', parent: 'x', start: 0, end: 5 }]);
    expect(a.tree.flags[0]).toBe(FLAG_CYCLE);
    expect(pathOf(a)).toEqual(['x[0,5]']);
  });

  it('gives a duplicated id to the earliest-starting span', () => {
    const spans = parseOtlpTrace(
      tinyOtlp([
        { id: 'x', start: 0, end: 100 },
        { id: 'late', parent: 'x', start: 10, end: 20 },
        { id: 'early', parent: 'x', start: 5, end: 50 },
        { id: 'z', parent: 'y', start: 30, end: 40 },
      ])
        .replace(tinyId('late'), tinyId('y'))
        .replace(tinyId('early'), tinyId('y'))
    );
    const a = analyzeTrace(spans);
    expect(a.tree.parent[idx(a, 'z')]).toBe(idx(a, 'early'));
    expect(a.tree.flags[idx(a, 'late')]).toBe(FLAG_DUPLICATE_ID);
    expect(a.warnings[0]).toMatchObject({ kind: 'duplicateSpanId', count: 1, examples: [tinyId('y')] });
    // x: 100 − |[5,50]| = 55; early: 45 − 10 = 35
    expect(selfOf(a)).toEqual({ x: 55, late: 10, early: 35, z: 10 });
  });

  it('handles zero-duration spans', () => {
    const a = analyzeTiny([
      { id: 'r', start: 0, end: 10 },
      { id: 'z', parent: 'r', start: 5, end: 5 },
      { id: 'e', parent: 'r', start: 10, end: 10 },
    ]);
    expect(selfOf(a)).toEqual({ r: 10, z: 0, e: 0 });
    // r's pieces around z merge into one section
    expect(pathOf(a)).toEqual(['r[0,10]']);
  });

  it('clips a server span that starts before and ends after its client (clock skew)', () => {
    const a = analyzeTiny([
      { id: 'c', service: 'A', kind: 'client', start: 10, end: 110 },
      { id: 's', service: 'B', kind: 'server', parent: 'c', start: 0, end: 120 },
    ]);
    const s = idx(a, 's');
    expect([a.intervals.effStart[s] / US, a.intervals.effEnd[s] / US]).toEqual([10, 110]);
    expect(a.tree.flags[s]).toBe(FLAG_SKEW);
    expect(selfOf(a)).toEqual({ c: 0, s: 100 });
    expect(pathOf(a)).toEqual(['s[10,110]']);
    expect(a.warnings).toMatchObject([{ kind: 'clockSkew', count: 1, examples: [tinyId('s')] }]);
  });

  it('analyses an empty trace', () => {
    const a = analyzeTrace(parseOtlpTrace('{"batches":[]}'));
    expect([a.duration, a.criticalPath.span.length, a.tree.roots.length]).toEqual([0, 0, 0]);
  });

  it('orders siblings that start together by span id, whatever the input order', () => {
    // 3,000 children (enough for the radix sort) in runs of `run` that share a start, written
    // in reverse id order; runs of 10 are ordered in place, runs of 100 go through the id sort
    for (const run of [10, 100]) {
      const n = 3000;
      const spans: TinySpan[] = [{ id: 'root', start: 0, end: n }];
      for (let k = n - 1; k >= 0; k--) {
        const group = Math.floor(k / run);
        spans.push({ id: `c${String(k).padStart(4, '0')}`, parent: 'root', start: group, end: group + 1 });
      }
      const a = analyzeTiny(spans);
      const root = idx(a, 'root');
      const kids = a.tree.children.slice(a.tree.childOffsets[root], a.tree.childOffsets[root + 1]);
      const expected = Array.from({ length: n }, (_, k) => `c${String(k).padStart(4, '0')}`);
      expect(Array.from(kids, (i) => nameOf(a.trace, i))).toEqual(expected);
    }
  });

  it('handles a 100k-deep chain and 100k siblings without recursion', () => {
    for (const shape of ['deep', 'wide']) {
      const n = 100000;
      const spans: TinySpan[] = [];
      for (let k = 0; k < n; k++) {
        const parent = shape === 'deep' ? (k > 0 ? `${k - 1}` : undefined) : k > 0 ? '0' : undefined;
        spans.push(
          shape === 'deep'
            ? { id: `${k}`, parent, start: k, end: 2 * n - k }
            : { id: `${k}`, parent, start: k === 0 ? 0 : k - 1, end: k === 0 ? n : k }
        );
      }
      const a = analyzeTiny(spans);
      let total = 0;
      for (let s = 0; s < a.criticalPath.span.length; s++) {
        total += a.criticalPath.end[s] - a.criticalPath.start[s];
      }
      // deep: nested spans cover [0, 2n]; wide: root [0,n] covered by back-to-back children
      expect(total).toBe(a.duration);
      expect(a.duration).toBe((shape === 'deep' ? 2 * n : n) * US);
      // deep: every span but the innermost owns a head and a tail piece, 2(n−1) + 1;
      // wide: n−1 children [k−1,k] plus the root's tail [n−1,n]
      expect(a.criticalPath.span.length).toBe(shape === 'deep' ? 2 * n - 1 : n);
    }
  });
});
