/**
 * The two critical-path modes, their unattributed gaps, the links no path follows and the
 * `withPathMode` view, on hand-worked traces (times in µs).
 */
import { TinySpan, tinyId, tinyOtlp } from '../../tests/synthetic/tiny';
import { analyzeTrace, TraceAnalysis, withPathMode } from './analyze';
import { breakdown } from './breakdown';
import { CriticalPath } from './critical-path';
import { nameOf } from './model';
import { parseOtlpTrace } from './otlp';

const US = 1000;

function analyzeTiny(spans: TinySpan[]): TraceAnalysis {
  return analyzeTrace(parseOtlpTrace(tinyOtlp(spans)));
}

const name = (a: TraceAnalysis, i: number) => (i < 0 ? '-' : nameOf(a.trace, i));

/** Sections as "name[start,end]" in µs. */
const sections = (a: TraceAnalysis, p: CriticalPath) =>
  Array.from(p.span, (s, k) => `${name(a, s)}[${p.start[k] / US},${p.end[k] / US}]`);

/** Gaps as "(start,end] before→after" in µs. */
const gaps = (a: TraceAnalysis, p: CriticalPath) =>
  p.gaps.map((g) => `(${g.start / US},${g.end / US}] ${name(a, g.before)}→${name(a, g.after)}`);

const perSpan = (a: TraceAnalysis, p: CriticalPath) =>
  Object.fromEntries(Array.from(p.perSpan, (v, i) => [name(a, i), v / US]));

/**
 * The worked example of critical-path.ts: R [0,50] calls producer P [10,30], whose consumer C
 * runs [20,80] and ends the trace.
 */
const workedExample: TinySpan[] = [
  { id: 'R', service: 'A', kind: 'server', start: 0, end: 50 },
  { id: 'P', service: 'A', kind: 'producer', parent: 'R', start: 10, end: 30 },
  { id: 'C', service: 'B', kind: 'consumer', parent: 'P', start: 20, end: 80 },
];

describe('critical-path modes', () => {
  it('follows the consumer in async mode and stops at the last root in sync mode (the worked example)', () => {
    const a = analyzeTiny(workedExample);
    const { sync, async } = a.paths;
    expect(a.criticalPath).toBe(async);
    expect(sections(a, async)).toEqual(['R[0,10]', 'P[10,30]', 'R[30,50]', 'C[50,80]']);
    expect([gaps(a, async), async.gapTotal, async.length / US]).toEqual([[], 0, 80]);
    // sync: R is entered at its end, 50; C (a consumer) is never entered; (50,80] is async work
    // after the synchronous path
    expect(sections(a, sync)).toEqual(['R[0,10]', 'P[10,30]', 'R[30,50]']);
    expect(gaps(a, sync)).toEqual(['(50,80] R→-']);
    expect([sync.length / US, sync.gapTotal / US]).toEqual([50, 30]);
    expect(perSpan(a, sync)).toEqual({ R: 30, P: 20, C: 0 });
    expect(perSpan(a, async)).toEqual({ R: 30, P: 20, C: 30 });
  });

  it('reports the queue wait between a producer and its consumer as a gap between their sections', () => {
    const a = analyzeTiny([
      { id: 'r', service: 'A', kind: 'server', start: 0, end: 100 },
      { id: 'prod', service: 'A', kind: 'producer', parent: 'r', start: 10, end: 20 },
      { id: 'cons', service: 'B', kind: 'consumer', parent: 'prod', start: 150, end: 200 },
    ]);
    const { sync, async } = a.paths;
    // r works until 100, the message waits in the queue 100..150, cons runs [150,200]
    expect(sections(a, async)).toEqual(['r[0,10]', 'prod[10,20]', 'r[20,100]', 'cons[150,200]']);
    expect(gaps(a, async)).toEqual(['(100,150] r→cons']);
    expect([async.length / US, async.gapTotal / US]).toEqual([150, 50]);
    // sync: the path ends with r at 100; the queue and cons are one gap after it
    expect(sections(a, sync)).toEqual(['r[0,10]', 'prod[10,20]', 'r[20,100]']);
    expect(gaps(a, sync)).toEqual(['(100,200] r→-']);
    expect(sync.gapTotal / US).toBe(100);
  });

  it('chains several roots by reach in async mode and by end in sync mode, with the gaps between them', () => {
    const a = analyzeTiny([
      { id: 'r1', start: 0, end: 30 },
      { id: 'r2', start: 40, end: 100 },
      { id: 'q', parent: 'r2', start: 60, end: 130 }, // fire-and-forget: outlives r2
      { id: 'r3', start: 110, end: 120 },
    ]);
    const { sync, async } = a.paths;
    // async: r2 reaches 130 through q, which owns (100,130] once r2 has ended; r3 (reach 120)
    // still runs at 40, so r1 is next
    expect(sections(a, async)).toEqual(['r1[0,30]', 'r2[40,100]', 'q[100,130]']);
    expect(gaps(a, async)).toEqual(['(30,40] r1→r2']);
    // sync: r3 ends last among the roots (120), then r2 (100 ≤ 110), then r1 (30 ≤ 40)
    expect(sections(a, sync)).toEqual(['r1[0,30]', 'r2[40,100]', 'r3[110,120]']);
    expect(gaps(a, sync)).toEqual(['(30,40] r1→r2', '(100,110] r2→r3', '(120,130] r3→-']);
    expect([sync.length / US, sync.gapTotal / US]).toEqual([100, 30]);
  });

  it('reports the time before the first section and after the last one, and nothing for a zero-length trace', () => {
    // a zero-length root at 0 and a root [20,50]: nothing runs in (0,20]
    const a = analyzeTiny([
      { id: 'z', start: 0, end: 0 },
      { id: 'r', start: 20, end: 50 },
    ]);
    expect(gaps(a, a.paths.async)).toEqual(['(0,20] -→r']);
    const empty = analyzeTiny([{ id: 'z', start: 5, end: 5 }]);
    expect([empty.paths.async.gaps, empty.paths.sync.gaps, empty.duration]).toEqual([[], [], 0]);
  });

  it('gives one path for both modes when no work outlives its parent', () => {
    const a = analyzeTiny([
      { id: 'r', start: 0, end: 100 },
      { id: 'a', parent: 'r', start: 10, end: 40 },
      { id: 'c', kind: 'consumer', parent: 'r', start: 50, end: 90 }, // async, but ends inside r
    ]);
    expect(a.paths.sync).toBe(a.paths.async);
    // r does not wait for its consumer: r owns (40,100]
    expect(sections(a, a.paths.sync)).toEqual(['r[0,10]', 'a[10,40]', 'r[40,100]']);
  });
});

describe('withPathMode', () => {
  it("views the analysis with the mode's path, the same view on every call", () => {
    const a = analyzeTiny(workedExample);
    expect(withPathMode(a, 'async')).toBe(a);
    const sync = withPathMode(a, 'sync');
    expect(sync.criticalPath).toBe(a.paths.sync);
    expect([sync.trace, sync.tree, sync.selfTime, sync.paths]).toEqual([a.trace, a.tree, a.selfTime, a.paths]);
    expect(withPathMode(a, 'sync')).toBe(sync);
    expect(withPathMode(sync, 'sync')).toBe(sync);
    expect(withPathMode(sync, 'async').criticalPath).toBe(a.paths.async);
  });

  it('makes the breakdowns measure the chosen path', () => {
    const a = analyzeTiny(workedExample);
    const critical = (x: TraceAnalysis) => breakdown(x, { kind: 'service' }).map((r) => [r.label, r.criticalPath / US]);
    // async: A owns R (0,10] (30,50] and P (10,30] = 50, B owns C (50,80] = 30
    expect(critical(a)).toEqual([
      ['A', 50],
      ['B', 30],
    ]);
    expect(critical(withPathMode(a, 'sync'))).toEqual([
      ['A', 50],
      ['B', 0],
    ]);
  });
});

describe('unfollowedLinks', () => {
  const OTHER = 'ffeeddccbbaa99887766554433221100';
  const THIRD = '00112233445566778899aabbccddeeff';
  const OWN = '0123456789abcdef0123456789abcdef'; // the tiny traces' id

  it('counts links to another trace and to a non-parent span of this trace, not the link to the parent', () => {
    const link = (traceId: string, span: string) => ({ traceId, spanId: tinyId(span) });
    const a = analyzeTiny([
      // a root's link into its own trace: there is no parent to follow
      { id: 'A', start: 0, end: 40, links: [link('', 'S')] },
      { id: 'S', parent: 'A', start: 5, end: 15 },
      // to its parent (followed: FOLLOWS_FROM), to its sibling S, to a span that is not in the
      // trace (no trace id: this trace), and three links into two other traces
      {
        id: 'L',
        parent: 'A',
        start: 20,
        end: 35,
        links: [link(OWN, 'A'), link(OWN, 'S'), link('', 'gone'), link(OTHER, 'x'), link(THIRD, 'y'), link(OTHER, 'z')],
      },
    ]);
    expect(a.unfollowedLinks).toEqual({ sameTrace: 3, otherTrace: 3, otherTraceIds: [OTHER, THIRD] });
    // the link to its parent makes L async: A does not wait for it and owns (15,40]
    expect(sections(a, a.criticalPath)).toEqual(['A[0,5]', 'S[5,15]', 'A[15,40]']);
  });

  it('finds nothing in a trace without links', () => {
    const a = analyzeTiny([{ id: 'A', start: 0, end: 10 }]);
    expect(a.unfollowedLinks).toEqual({ sameTrace: 0, otherTrace: 0, otherTraceIds: [] });
  });
});
