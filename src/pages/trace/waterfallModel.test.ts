import {
  analyzeTrace,
  criticalSectionsBySpan,
  mapCriticalSections,
  parseOtlpTrace,
  spanEnd,
  spanIdOf,
  spanStart,
} from '../../engine';
import { handSpan } from '../../engine/testing/genai-spans';
import { tinyId, tinyOtlp } from '../../../tests/synthetic/tiny';
import { findSpan, idlePart, reportedBusyIdleBySpan, visibleRows, withoutAncestors } from './waterfallModel';
import { rustUnderFrontend } from './genai/testing/handTraces';
import { percentileLabel } from './PercentileBadge';

// root 0–100 µs with two parallel children: a (10–40) and b (20–90); b has a child c (30–80).
const analysis = analyzeTrace(
  parseOtlpTrace(
    tinyOtlp([
      { id: 'root', start: 0, end: 100 },
      { id: 'a', parent: 'root', start: 10, end: 40 },
      { id: 'b', parent: 'root', start: 20, end: 90 },
      { id: 'c', parent: 'b', start: 30, end: 80 },
    ])
  )
);
const index = (name: string) => findSpan(analysis, tinyId(name));
const names = (rows: Uint32Array) => Array.from(rows, (i) => ['root', 'a', 'b', 'c'].find((n) => index(n) === i));

describe('waterfall model', () => {
  it('lists spans in tree order and hides collapsed subtrees', () => {
    expect(names(visibleRows(analysis, new Set()))).toEqual(['root', 'a', 'b', 'c']);
    expect(names(visibleRows(analysis, new Set([index('b')])))).toEqual(['root', 'a', 'b']);
    expect(names(visibleRows(analysis, new Set([index('root')])))).toEqual(['root']);
  });

  it('groups the critical path by span: root 0–20 and 90–100, b 20–30 and 80–90, c 30–80 (µs, in ns)', () => {
    const s = criticalSectionsBySpan(analysis);
    const of = (name: string) => mapCriticalSections(s, index(name), (start, end) => [start / 1000, end / 1000]);
    expect(of('root')).toEqual([
      [0, 20],
      [90, 100],
    ]);
    expect(of('b')).toEqual([
      [20, 30],
      [80, 90],
    ]);
    expect(of('c')).toEqual([[30, 80]]);
    expect(of('a')).toEqual([]);
  });

  it('opens the collapsed ancestors of a span, and only those', () => {
    const collapsed = new Set([index('root'), index('b'), index('a')]);
    expect(names(Uint32Array.from(withoutAncestors(analysis, collapsed, index('c'))))).toEqual(['a']);
    const others = new Set([index('c')]);
    expect(withoutAncestors(analysis, others, index('a'))).toBe(others);
  });

  it('finds spans by hex id', () => {
    expect(spanIdOf(analysis.trace, index('c'))).toBe(tinyId('c'));
    expect(findSpan(analysis, 'ffffffffffffffff')).toBe(-1);
  });
});

describe('idle shading', () => {
  // rustUnderFrontend: a [0,100] busy 60 idle 40, b [10,50] busy 30 idle 10 (µs), c's busy_ns 'x' left out, f none
  const rust = rustUnderFrontend();
  const reported = reportedBusyIdleBySpan(rust);
  const shaded = (id: string) => {
    const i = handSpan(rust, id);
    const part = reported.get(i) && idlePart(reported.get(i)!, spanStart(rust, i), spanEnd(rust, i));
    return part && part.map((ns) => ns / 1000);
  };

  it('reads the valid busy_ns/idle_ns of the spans that report them, and only those', () => {
    expect([...reported.keys()].sort()).toEqual([handSpan(rust, 'a'), handSpan(rust, 'b')].sort());
    expect(reported.get(handSpan(rust, 'a'))).toEqual({ span: handSpan(rust, 'a'), busy: 60_000, idle: 40_000 });
  });

  it('shades the idle share at the bar’s end: a 40/100 of 0–100 → 60–100 µs, b 10/40 of 10–50 → 40–50 µs', () => {
    expect(shaded('a')).toEqual([60, 100]);
    expect(shaded('b')).toEqual([40, 50]);
    expect(shaded('c')).toBeUndefined();
    expect(shaded('f')).toBeUndefined();
  });

  it('shades nothing for a span reporting no idle time, and the whole bar for one never busy', () => {
    expect(idlePart({ span: 0, busy: 5_000, idle: 0 }, 0, 10_000)).toBeNull();
    expect(idlePart({ span: 0, busy: 0, idle: 8_000 }, 2_000, 10_000)).toEqual([2_000, 10_000]);
  });
});

describe('percentileLabel', () => {
  it('shows whole percentiles, and one decimal in the tail', () => {
    expect(percentileLabel(0.5)).toBe('p50');
    expect(percentileLabel(0.979)).toBe('p97');
    expect(percentileLabel(0.9949)).toBe('p99.4');
    expect(percentileLabel(1)).toBe('p100');
  });
});
