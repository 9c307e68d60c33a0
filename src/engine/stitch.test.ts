import fc from 'fast-check';

import { generateLlmBatch } from '../../tests/generator/llm-batch';
import { toOtlpJson } from '../../tests/generator/otlp';
import { tinyId, tinyOtlp, TinySpan } from '../../tests/synthetic/tiny';
import { analyzeTrace, spanIdOf } from './analyze';
import { disaggSplit } from './genai-disagg';
import { nameOf, ParsedTrace, serviceOf } from './model';
import { parseOtlpTrace } from './otlp';
import { stitchTraces } from './stitch';

const US = 1000;
const A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccccccccccccccccccc';

/** A hand-written trace with id `traceId` (tiny.ts times: µs after one base shared by all). */
const traceOf = (traceId: string, spans: TinySpan[]): ParsedTrace =>
  parseOtlpTrace(tinyOtlp(spans).replaceAll('0123456789abcdef0123456789abcdef', traceId));

const link = (traceId: string, span: string) => ({ traceId, spanId: tinyId(span) });

/** Trace A: a server R calling C; trace B: the callee S, 5 µs after C starts, linked to C. */
const callerA = () =>
  traceOf(A, [
    { id: 'R', kind: 'server', start: 0, end: 100 },
    { id: 'C', parent: 'R', kind: 'client', start: 10, end: 90 },
  ]);
const calleeB = (start = 15, end = 85, kind: TinySpan['kind'] = 'server') =>
  traceOf(B, [{ id: 'S', kind, start, end, links: [link(A, 'C')] }]);

const pathOf = (s: ReturnType<typeof stitchTraces>, mode: 'sync' | 'async') => {
  const { span, start, end } = s.analysis.paths[mode];
  return Array.from(span, (i, k) => `${nameOf(s.analysis.trace, i)}[${start[k] / US},${end[k] / US}]`);
};

describe('stitchTraces', () => {
  it('makes a linked root the child of the span it links to, and the path goes through it', () => {
    const s = stitchTraces([callerA(), calleeB()]);
    const { trace, tree, selfTime, duration, unfollowedLinks } = s.analysis;
    expect(s.traceIds).toEqual([A, B]);
    expect(Array.from(s.spanTrace)).toEqual([0, 0, 1]);
    expect(trace.traceId).toBe(A);
    expect(Array.from(tree.parent)).toEqual([-1, 0, 1]);
    expect(s.links).toEqual([{ span: 2, parent: 1 }]);
    // C waited 90 − 10 µs of which S ran 70
    expect(Array.from(selfTime)).toEqual([20 * US, 10 * US, 70 * US]);
    expect(duration).toBe(100 * US);
    expect(pathOf(s, 'async')).toEqual(['R[0,10]', 'C[10,15]', 'S[15,85]', 'C[85,90]', 'R[90,100]']);
    expect(pathOf(s, 'sync')).toEqual(pathOf(s, 'async'));
    // the joining link is used up; the span keeps its own id
    expect(unfollowedLinks).toEqual({ sameTrace: 0, otherTrace: 0, otherTraceIds: [] });
    expect(trace.links.offsets[3]).toBe(0);
    expect(spanIdOf(trace, 2)).toBe(tinyId('S'));
  });

  it('puts every trace on the earliest start, whichever trace is given first', () => {
    const s = stitchTraces([calleeB(), callerA()]);
    expect(s.traceIds).toEqual([B, A]);
    expect(s.analysis.trace.startUnixNano).toBe(callerA().startUnixNano);
    expect(s.analysis.trace.start[0] / US).toBe(15);
    expect(s.analysis.tree.parent[0]).toBe(2);
    expect(s.analysis.duration).toBe(100 * US);
  });

  it('follows linked work that outlives the span it links to in async mode only', () => {
    // (a SERVER outliving its CLIENT would be clock skew, clip.ts: this is internal work)
    const s = stitchTraces([callerA(), calleeB(80, 120, 'internal')]);
    expect(s.analysis.tree.parent[2]).toBe(1);
    expect(pathOf(s, 'async')).toEqual(['R[0,10]', 'C[10,90]', 'R[90,100]', 'S[100,120]']);
    expect(pathOf(s, 'sync')).toEqual(['R[0,10]', 'C[10,90]', 'R[90,100]']);
    expect(s.analysis.paths.sync.gapTotal).toBe(20 * US);
  });

  it('leaves a trace without a link as a root of its own, with the time between as a gap', () => {
    const s = stitchTraces([
      traceOf(A, [{ id: 'R', start: 0, end: 10 }]),
      traceOf(B, [{ id: 'Q', start: 20, end: 30 }]),
    ]);
    expect(Array.from(s.analysis.tree.roots)).toEqual([0, 1]);
    expect(s.links).toEqual([]);
    expect(pathOf(s, 'async')).toEqual(['R[0,10]', 'Q[20,30]']);
    expect(s.analysis.paths.async.gaps.map((g) => [g.start / US, g.end / US])).toEqual([[10, 20]]);
  });

  it('keeps span ids per trace: a shared id joins nothing across traces', () => {
    // B reuses the ids C and X; its C links to A's C and its X is its C's child
    const a = traceOf(A, [
      { id: 'R', start: 0, end: 100 },
      { id: 'C', parent: 'R', kind: 'client', start: 10, end: 90 },
      { id: 'X', parent: 'R', start: 92, end: 95 },
    ]);
    const b = traceOf(B, [
      { id: 'C', kind: 'server', start: 20, end: 60, links: [link(A, 'C')] },
      { id: 'X', parent: 'C', start: 30, end: 40 },
    ]);
    const s = stitchTraces([a, b]);
    const { tree, trace, warnings } = s.analysis;
    expect(Array.from(tree.parent)).toEqual([-1, 0, 0, 1, 3]);
    expect(warnings).toEqual([]);
    expect(spanIdOf(trace, 1)).toBe(tinyId('C'));
    expect(spanIdOf(trace, 3)).not.toBe(tinyId('C'));
    expect(new Set(Array.from({ length: 5 }, (_, i) => spanIdOf(trace, i))).size).toBe(5);
  });

  it('points other links into the stitched trace, and keeps links to traces left out', () => {
    // K is no root, so its links join nothing
    const a = traceOf(A, [
      { id: 'R', start: 0, end: 100 },
      { id: 'K', parent: 'R', start: 5, end: 50, links: [link(B, 'S'), link(C, 'Z')] },
    ]);
    const b = traceOf(B, [{ id: 'S', start: 10, end: 20 }]);
    const s = stitchTraces([a, b]);
    expect(s.links).toEqual([]);
    expect(s.analysis.trace.links.traceId).toEqual([A, C]);
    expect(s.analysis.unfollowedLinks).toEqual({ sameTrace: 1, otherTrace: 1, otherTraceIds: [C] });
  });

  it('counts a trace given twice once and refuses no trace', () => {
    expect(stitchTraces([callerA(), callerA()]).analysis.trace.spanCount).toBe(2);
    expect(() => stitchTraces([])).toThrow('stitchTraces needs at least one trace');
  });

  it('splits a detached LLM request like an attached one once its decode trace is stitched', () => {
    const batch = generateLlmBatch({ seed: 7, count: 12, nowUs: 1_800_000_000_000_000 });
    const at = batch.truth.findIndex((t) => t.detached);
    const truth = batch.truth[at];
    const [main, decode] = truth.traces;
    const parsed = [main, decode].map((tt) =>
      parseOtlpTrace(JSON.stringify(toOtlpJson(batch.traces.filter((g) => g.traceId === tt.traceId))))
    );
    const s = stitchTraces(parsed);
    const split = disaggSplit(s.analysis)!;
    // the decode call's whole time counted as network in the main trace alone: now the callee's part is not
    expect(split).toEqual({
      prefill: main.split.prefillUs * US,
      decode: decode.split.decodeUs * US,
      workerQueue: (main.split.workerQueueUs + decode.split.workerQueueUs) * US,
      network: (main.split.networkUs - decode.durationUs) * US,
      routing: main.split.routingUs * US,
    });
    expect(s.analysis.duration).toBe(main.durationUs * US);
    const onPath = Array.from(
      s.analysis.criticalPath.span,
      (i) => `${serviceOf(s.analysis.trace, i)} ${nameOf(s.analysis.trace, i)}`
    );
    expect(onPath).toContain('decode-worker engine.generate');
    const decodeServer = s.links[0].span;
    expect(`${serviceOf(s.analysis.trace, decodeServer)} ${nameOf(s.analysis.trace, decodeServer)}`).toBe(
      'decode-worker decode'
    );
    expect(`${serviceOf(s.analysis.trace, s.links[0].parent)} ${nameOf(s.analysis.trace, s.links[0].parent)}`).toBe(
      'llm-router decode'
    );
  });
});

/** Random small traces named s0, s1, … (so two of them share ids), parents before children. */
const tinyTraceArb = (traceId: string) =>
  fc
    .array(fc.record({ parent: fc.integer({ min: -1, max: 30 }), start: fc.nat(500), length: fc.nat(300) }), {
      minLength: 1,
      maxLength: 12,
    })
    .map((rows) =>
      traceOf(
        traceId,
        rows.map((r, i) => ({
          id: `s${i}`,
          parent: r.parent >= 0 && r.parent < i ? `s${r.parent}` : undefined,
          start: r.start,
          end: r.start + r.length,
        }))
      )
    );

describe('stitchTraces properties', () => {
  it('a trace stitched with nothing is analysed as the trace itself', () => {
    fc.assert(
      fc.property(tinyTraceArb(A), (t) => {
        const own = analyzeTrace(t);
        const s = stitchTraces([t]).analysis;
        expect(Array.from(s.tree.parent)).toEqual(Array.from(own.tree.parent));
        expect(Array.from(s.selfTime)).toEqual(Array.from(own.selfTime));
        expect(s.paths).toEqual(own.paths);
        expect(s.duration).toBe(own.duration);
      })
    );
  });

  it('unlinked traces keep their spans and self times, and the totals add up', () => {
    fc.assert(
      fc.property(tinyTraceArb(A), tinyTraceArb(B), (a, b) => {
        const s = stitchTraces([a, b]).analysis;
        const ownA = analyzeTrace(a).selfTime;
        const ownB = analyzeTrace(b).selfTime;
        expect(s.trace.spanCount).toBe(a.spanCount + b.spanCount);
        expect(Array.from(s.selfTime)).toEqual([...ownA, ...ownB]);
        const sum = (xs: Iterable<number>) => Array.from(xs).reduce((x, y) => x + y, 0);
        expect(sum(s.selfTime)).toBe(sum(ownA) + sum(ownB));
      })
    );
  });
});
