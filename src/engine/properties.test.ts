import fc from 'fast-check';
import type { DataFrame } from '@grafana/data';

import { generateTrace, SynthTrace } from '../../tests/synthetic/generate';
import { toOtlpJson } from '../../tests/synthetic/otlp';
import { tempoTraceFrame } from '../../tests/support/traceFrames';
import { analyzeTrace, criticalPathSections, selfIntervals, spanIdOf, TraceAnalysis } from './analyze';
import { aggregateTraces, AggregateRow } from './aggregate';
import { breakdown, BreakdownRow } from './breakdown';
import { serviceBusyIdle } from './busy-idle';
import { crossServiceGaps } from './gaps';
import { GroupBy } from './grouping';
import { traceFromDataFrame } from './frame';
import { parseOtlpTrace } from './otlp';
import { FLAG_ASYNC } from './tree';

/** Random small traces: parents point backwards (or nowhere: orphans), any times, any kinds. */
const traceArb = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.record({
      parents: fc.array(fc.integer({ min: -2, max: n - 1 }), { minLength: n, maxLength: n }),
      starts: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n }),
      lengths: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600 })), { minLength: n, maxLength: n }),
      kinds: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
      services: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      names: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      order: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n }
      ),
    })
  )
  .map(({ parents, starts, lengths, kinds, services, names, order }): [SynthTrace, number[]] => {
    const n = parents.length;
    // parent must precede the child (a tree); -2 stands for a parent id that is not in the trace
    const parent = Int32Array.from(parents, (p, i) => (p === -2 ? -2 : p < i ? p : -1));
    const trace: SynthTrace = {
      n,
      traceId: '0123456789abcdef0123456789abcdef',
      baseSeconds: 1700000000,
      parent: parent.map((p) => (p === -2 ? -1 : p)),
      start: Float64Array.from(starts, (s) => s * 1000),
      end: Float64Array.from(starts, (s, i) => (s + lengths[i]) * 1000),
      service: Uint16Array.from(services),
      name: Uint32Array.from(names),
      kind: Uint8Array.from(kinds),
      status: new Uint8Array(n),
      idHi: Uint32Array.from(parents, (_, i) => (i * 2654435761) >>> 0),
      idLo: Uint32Array.from(parents, (_, i) => i + 1),
      services: ['svc0', 'svc1', 'svc2', 'op0'],
      names: ['op0', 'op1', 'svc0', 'op3'],
      attributes: new Map(),
    };
    // orphans: point at an id that no span has
    const orphanOf = Array.from(parent, (p) => p === -2);
    return [orphanise(trace, orphanOf), order];
  });

/** Replaces the parent of flagged spans by a missing span (index n → id n+1 absent). */
function orphanise(trace: SynthTrace, orphan: boolean[]): SynthTrace {
  return {
    ...trace,
    parent: trace.parent.map((p, i) => (orphan[i] ? trace.n : p)),
    idHi: grow(trace.idHi),
    idLo: grow(trace.idLo, trace.n + 1),
  };
}

function grow(a: Uint32Array, last = 0xfeedbeef): Uint32Array {
  const out = new Uint32Array(a.length + 1);
  out.set(a);
  out[a.length] = last;
  return out;
}

/** Merges [start, end] pairs into a sorted list of disjoint non-empty intervals. */
function union(intervals: Array<[number, number]>): Array<[number, number]> {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) {
      last[1] = Math.max(last[1], e);
    } else {
      out.push([s, e]);
    }
  }
  return out;
}

/** Everything an analysis answers, keyed by span id so that input order does not show. */
function summary(a: TraceAnalysis) {
  const perSpan: Record<string, number[]> = {};
  for (let i = 0; i < a.trace.spanCount; i++) {
    perSpan[spanIdOf(a.trace, i)] = [
      a.intervals.effStart[i],
      a.intervals.effEnd[i],
      a.selfTime[i],
      a.criticalPath.perSpan[i],
      a.tree.flags[i],
    ];
  }
  const strip = (rows: Array<{ key: string; count: number; selfTotal: number; criticalPath: number; total: number }>) =>
    rows.map((r) => [r.key, r.count, r.total, r.selfTotal, r.criticalPath]);
  return {
    duration: a.duration,
    perSpan,
    path: criticalPathSections(a).map((s) => [s.spanId, s.start, s.end]),
    services: strip(breakdown(a, { kind: 'service' })),
    operations: strip(breakdown(a, { kind: 'operation' })),
    warnings: a.warnings.map((w) => [w.kind, w.count]),
  };
}

/** Whether span `c` is an async child: its parent does not wait for it (critical-path.ts). */
function isAsyncChild(a: TraceAnalysis, c: number): boolean {
  const p = a.tree.parent[c];
  return p >= 0 && ((a.tree.flags[c] & FLAG_ASYNC) !== 0 || a.intervals.effEnd[c] > a.intervals.effEnd[p]);
}

const otlpAnalysis = (t: SynthTrace, order?: number[]) => analyzeTrace(parseOtlpTrace(toOtlpJson(t, { order })));
/** The frame Grafana's Tempo datasource builds from Tempo's v2 answer for the trace. */
const tempoFrame = (t: SynthTrace, order?: number[]) =>
  tempoTraceFrame(JSON.parse(toOtlpJson(t, { order, wrapper: 'v2', ids: 'base64' })));

describe('analysis invariants over random trees', () => {
  it('self times are ≥ 0, add up per span, and together cover exactly the union of span intervals', () => {
    fc.assert(
      fc.property(traceArb, ([t]) => {
        const a = otlpAnalysis(t);
        const selfPieces: Array<[number, number]> = [];
        const spans: Array<[number, number]> = [];
        for (let i = 0; i < a.trace.spanCount; i++) {
          expect(a.selfTime[i]).toBeGreaterThanOrEqual(0);
          const pieces = selfIntervals(a, i);
          expect(pieces.reduce((sum, [s, e]) => sum + e - s, 0)).toBe(a.selfTime[i]);
          selfPieces.push(...pieces);
          spans.push([a.intervals.effStart[i], a.intervals.effEnd[i]]);
        }
        expect(union(selfPieces)).toEqual(union(spans));
      })
    );
  });

  it('critical path sections are ordered, disjoint, inside their spans and the trace', () => {
    fc.assert(
      fc.property(traceArb, ([t]) => {
        const a = otlpAnalysis(t);
        const { span, start, end } = a.criticalPath;
        let total = 0;
        for (let k = 0; k < span.length; k++) {
          expect(end[k]).toBeGreaterThan(start[k]);
          expect(start[k]).toBeGreaterThanOrEqual(a.intervals.effStart[span[k]]);
          expect(end[k]).toBeLessThanOrEqual(a.intervals.effEnd[span[k]]);
          if (k > 0) {
            expect(start[k]).toBeGreaterThanOrEqual(end[k - 1]);
          }
          total += end[k] - start[k];
        }
        expect(total).toBeLessThanOrEqual(a.duration);
        // when a span of non-zero length ends the trace, the path reaches the trace end
        const endsTrace = (i: number) => a.intervals.effEnd[i] === a.duration && a.intervals.effStart[i] < a.duration;
        if (Array.from({ length: a.trace.spanCount }, (_, i) => i).some(endsTrace)) {
          expect(end[span.length - 1]).toBe(a.duration);
        }
      })
    );
  });

  it("never puts a section of an async child's subtree before its parent's end", () => {
    fc.assert(
      fc.property(traceArb, ([t]) => {
        const a = otlpAnalysis(t);
        const { parent } = a.tree;
        const { effEnd } = a.intervals;
        for (let k = 0; k < a.criticalPath.span.length; k++) {
          // every async edge above the section's span: the section starts at or after that parent's end
          for (let x = a.criticalPath.span[k]; parent[x] >= 0; x = parent[x]) {
            if (isAsyncChild(a, x)) {
              expect(a.criticalPath.start[k]).toBeGreaterThanOrEqual(effEnd[parent[x]]);
            }
          }
        }
      })
    );
  });

  it('tiles (0, trace end] with the sections and gaps of each mode; each gap names the sections around it', () => {
    fc.assert(
      fc.property(traceArb, ([t]) => {
        const a = otlpAnalysis(t);
        expect(a.criticalPath).toBe(a.paths.async);
        for (const p of [a.paths.sync, a.paths.async]) {
          // sections and gaps in time order, as [start, end, span or -1 for a gap]
          const pieces: Array<[number, number, number]> = [
            ...Array.from(p.span, (s, k): [number, number, number] => [p.start[k], p.end[k], s]),
            ...p.gaps.map((g): [number, number, number] => [g.start, g.end, -1]),
          ].sort((x, y) => x[0] - y[0]);
          let at = 0;
          for (const [s, e] of pieces) {
            expect([s, e > s]).toEqual([at, true]);
            at = e;
          }
          expect(at).toBe(a.duration);
          for (const g of p.gaps) {
            const k = pieces.findIndex(([s]) => s === g.start);
            expect([g.before, g.after]).toEqual([k > 0 ? pieces[k - 1][2] : -1, pieces[k + 1]?.[2] ?? -1]);
          }
          expect(p.length + p.gapTotal).toBe(a.duration);
          expect(p.gapTotal).toBe(p.gaps.reduce((sum, g) => sum + g.end - g.start, 0));
        }
      })
    );
  });

  it('keeps the sync path out of async subtrees, and has both modes agree when no work outlives its parent', () => {
    fc.assert(
      fc.property(traceArb, ([t]) => {
        const a = otlpAnalysis(t);
        const { parent } = a.tree;
        const { effEnd } = a.intervals;
        for (const s of a.paths.sync.span) {
          for (let x = s; parent[x] >= 0; x = parent[x]) {
            expect(isAsyncChild(a, x)).toBe(false);
          }
        }
        // the sync path ends with the root that ends last, at its end when it has a length
        const { effStart } = a.intervals;
        const roots = Array.from(a.tree.roots);
        const rootsEnd = Math.max(0, ...roots.map((r) => effEnd[r]));
        const sync = a.paths.sync;
        const last = sync.span.length > 0 ? sync.end[sync.span.length - 1] : 0;
        expect(last).toBeLessThanOrEqual(rootsEnd);
        if (roots.some((r) => effEnd[r] === rootsEnd && effStart[r] < rootsEnd)) {
          expect(last).toBe(rootsEnd);
        }
        const outlives = Array.from({ length: a.trace.spanCount }, (_, i) => i).some(
          (i) => parent[i] >= 0 && effEnd[i] > effEnd[parent[i]]
        );
        if (!outlives) {
          expect(a.paths.sync).toBe(a.paths.async);
        }
      })
    );
  });

  it('breaks one trace down as the aggregate of that one trace: same rows, order and sums', () => {
    const groupings: GroupBy[] = [
      { kind: 'service' },
      { kind: 'operation' },
      { kind: 'spanKind' },
      { kind: 'attribute', key: 'x' },
    ];
    fc.assert(
      fc.property(traceArb, fc.constantFrom(...groupings), ([t], groupBy) => {
        const a = otlpAnalysis(t);
        const sums = (r: BreakdownRow | AggregateRow) => [
          r.key,
          r.label,
          r.parts,
          r.count,
          r.total,
          r.selfTotal,
          r.criticalPath,
          r.selfShare,
          r.criticalPathShare,
          r.shareDenominator,
        ];
        expect(breakdown(a, groupBy).map(sums)).toEqual(aggregateTraces([a], groupBy).rows.map(sums));
      })
    );
  });

  it('does not depend on input span order', () => {
    fc.assert(
      fc.property(traceArb, ([t, order]) => {
        expect(summary(otlpAnalysis(t, order))).toEqual(summary(otlpAnalysis(t)));
      })
    );
  });

  it('gives identical analyses from OTLP/JSON and from the Grafana data frame of the same trace', () => {
    fc.assert(
      fc.property(traceArb, ([t, order]) => {
        const fromFrame = analyzeTrace(traceFromDataFrame(tempoFrame(t, order)));
        expect(fromFrame.trace.startUnixNano).toBe(otlpAnalysis(t).trace.startUnixNano);
        expect(summary(fromFrame)).toEqual(summary(otlpAnalysis(t)));
      })
    );
  });

  it.each(['wide', 'deep', 'fanout', 'random'] as const)(
    'agrees across adapters and span orders on a synthetic %s trace',
    (shape) => {
      const t = generateTrace(shape, 3000, 11);
      const reversed = Array.from({ length: t.n }, (_, i) => t.n - 1 - i);
      const reference = summary(otlpAnalysis(t));
      expect(summary(otlpAnalysis(t, reversed))).toEqual(reference);
      expect(summary(analyzeTrace(traceFromDataFrame(tempoFrame(t))))).toEqual(reference);
    }
  );

  it('keeps every time and every analysis number finite and ≥ 0 for any mix of unknown and absurd frame times', () => {
    const time = fc.oneof(
      fc.integer({ min: 0, max: 2000 }).map((us) => 1_700_000_000_000 + us / 1000),
      fc.constantFrom(undefined, null, NaN, -5, Infinity, -Infinity, 1e308, 0)
    );
    const duration = fc.oneof(
      fc.integer({ min: -100, max: 600 }).map((us) => us / 1000),
      fc.constantFrom(undefined, null, NaN, Infinity, -1e308, 1e308)
    );
    const rows = fc.array(
      fc.record({
        parent: fc.integer({ min: -1, max: 30 }),
        start: time,
        duration,
        kind: fc.integer({ min: 1, max: 5 }),
        service: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 30 }
    );
    fc.assert(
      fc.property(rows, (spans) => {
        const id = (k: number) => (k + 1).toString(16);
        const frame = {
          fields: Object.entries({
            spanID: spans.map((_, k) => id(k)),
            parentSpanID: spans.map((s, k) => (s.parent >= 0 && s.parent !== k ? id(s.parent) : null)),
            serviceName: spans.map((s) => `svc${s.service}`),
            operationName: spans.map((s) => `op${s.kind}`),
            kind: spans.map((s) => s.kind),
            startTime: spans.map((s) => s.start),
            duration: spans.map((s) => s.duration),
            logs: spans.map((s) => [{ timestamp: s.start, name: 'log' }]),
          }).map(([name, values]) => ({ name, values })),
        } as unknown as DataFrame;
        const a = analyzeTrace(traceFromDataFrame(frame));
        const numbers: number[] = [a.duration, ...a.trace.start, ...a.trace.end, ...a.trace.events.time, ...a.selfTime];
        numbers.push(
          ...a.intervals.effStart,
          ...a.intervals.effEnd,
          ...a.criticalPath.start,
          ...a.criticalPath.end,
          ...a.criticalPath.perSpan
        );
        for (const rowsOf of [breakdown(a, { kind: 'service' }), breakdown(a, { kind: 'operation' })]) {
          for (const r of rowsOf) {
            numbers.push(
              r.total,
              r.selfTotal,
              r.criticalPath,
              r.min,
              r.avg,
              r.max,
              r.selfShare,
              r.criticalPathShare,
              r.shareDenominator
            );
          }
        }
        for (const r of serviceBusyIdle(a)) {
          numbers.push(r.active, r.busy, r.waiting, r.busyShare);
        }
        for (const g of crossServiceGaps(a)) {
          numbers.push(g.before, g.after, g.total, g.min, g.avg, g.max);
        }
        for (const x of numbers) {
          expect(Number.isFinite(x) && x >= 0).toBe(true);
        }
      })
    );
  });
});
