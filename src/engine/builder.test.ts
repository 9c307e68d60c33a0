import fc from 'fast-check';

import { TraceBuilder, UNSET_END, UNSET_START } from './builder';
import { ParsedTrace } from './model';

const BASE = 1700000000;

interface SpanSpec {
  /** span id (lo half); parent id likewise, 0 = none */
  id: number;
  parent?: number;
  /** µs after BASE; undefined = unset */
  start?: number;
  end?: number;
  /** µs after BASE of each event; 0 = unset */
  events?: number[];
}

/** A trace built straight through the builder, as an adapter would write it. */
function build(spans: SpanSpec[]): ParsedTrace {
  const b = new TraceBuilder();
  const resource = b.beginResource();
  const scope = b.beginScope(0, 0);
  for (const s of spans) {
    const i = b.beginSpan(resource, scope);
    b.idLo[i] = s.id;
    if (s.parent) {
      b.parentLo[i] = s.parent;
      b.hasParent[i] = 1;
    }
    for (const [time, sec, ns, bit] of [
      [s.start, b.startSec, b.startNs, UNSET_START],
      [s.end, b.endSec, b.endNs, UNSET_END],
    ] as const) {
      // an unset time is left at 0, as the readers leave it
      sec[i] = time === undefined ? 0 : BASE + Math.floor(time / 1e6);
      ns[i] = time === undefined ? 0 : (time % 1e6) * 1000;
      b.timeUnset[i] |= time === undefined ? bit : 0;
    }
    for (const t of s.events ?? []) {
      b.setEvent(b.beginEvent(i), { sec: t === 0 ? 0 : BASE, ns: t * 1000, ok: true }, 0);
    }
  }
  return b.finish();
}

const us = (a: Float64Array) => Array.from(a, (ns) => ns / 1000);

describe('TraceBuilder.finish with unknown times', () => {
  it('starts the trace at the earliest known start and repairs unknown times from children and parent', () => {
    const t = build([
      // root: no start, no end; its children start at 10 and 30 and end at 50 and 70
      { id: 1 },
      { id: 2, parent: 1, start: 10, end: 50 },
      { id: 3, parent: 1, start: 30, end: 70 },
      // leaf without a start: its parent's start (10), below its end 40
      { id: 4, parent: 2, end: 40 },
      // leaf without an end: zero duration at its start 20
      { id: 5, parent: 2, start: 20 },
      // leaf with neither: its parent's start 30, zero duration
      { id: 6, parent: 3 },
      // no start, no children, end 15: its parent's start 10
      { id: 7, parent: 2, end: 15 },
      // no start, end 5 before its parent's start 10: start = its end (zero duration)
      { id: 8, parent: 2, end: 5 },
    ]);
    // time 0 is the earliest known start (10 µs after BASE; span 8's end at 5 is not a start), not 1970
    expect(t.startUnixNano).toBe('1700000000000010000');
    // relative to 10: root [0, 60] (children 10..70); 4: [0, 30]; 5: [10,10]; 6: [20,20]; 7: [0, 5];
    // 8: min(parent start 0, end −5) = −5 → clamped to 0, and its end −5 < 0 → moved to 0
    expect(us(t.start)).toEqual([0, 0, 20, 0, 10, 20, 0, 0]);
    expect(us(t.end)).toEqual([60, 40, 60, 30, 10, 20, 5, 0]);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '6 span(s) (0000000000000001, 0000000000000004, 0000000000000005, 0000000000000006, 0000000000000007 and 1 more) have no start or end time; ' +
        'taken from their children and parent (else zero duration)',
      '1 span(s) (0000000000000008) have an end before their start; their duration is taken as 0',
    ]);
  });

  it('names the first five spans and counts the rest', () => {
    const spans: SpanSpec[] = [{ id: 100, start: 0, end: 10 }];
    for (let k = 1; k <= 7; k++) {
      spans.push({ id: k, parent: 100, start: k });
    }
    const t = build(spans);
    // each unknown end becomes its own start: zero duration
    expect(us(t.end)).toEqual([10, 1, 2, 3, 4, 5, 6, 7]);
    expect(t.warnings.map((w) => w.message)[0]).toMatch(
      /^7 span\(s\) \(0000000000000001, .*, 0000000000000005 and 2 more\) have no start or end time/
    );
  });

  it('names the spans whose end is before their start', () => {
    const t = build([
      { id: 1, start: 0, end: 100 },
      { id: 2, parent: 1, start: 50, end: 20 },
    ]);
    // 2 ends 30 µs before it starts: duration 0 at 50
    expect([us(t.start), us(t.end)]).toEqual([
      [0, 50],
      [100, 50],
    ]);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '1 span(s) (0000000000000002) have an end before their start; their duration is taken as 0',
    ]);
  });

  it('keeps a trace with no known time at all at time 0, and falls back to the earliest end for time 0', () => {
    const none = build([{ id: 1 }, { id: 2, parent: 1 }]);
    expect([none.startUnixNano, us(none.start), us(none.end)]).toEqual(['0', [0, 0], [0, 0]]);
    // only ends known (40 and 25): time 0 = the earliest end, 25; no start known anywhere, so each
    // span starts at its own end: 1 at 40 − 25 = 15, 2 at 0
    const ends = build([
      { id: 1, end: 40 },
      { id: 2, parent: 1, end: 25 },
    ]);
    expect(ends.startUnixNano).toBe('1700000000000025000');
    expect([us(ends.start), us(ends.end)]).toEqual([
      [15, 0],
      [15, 0],
    ]);
  });

  it('takes a non-finite time from an adapter as unknown', () => {
    const b = new TraceBuilder();
    const i = b.beginSpan(b.beginResource(), b.beginScope(0, 0));
    b.idLo[i] = 1;
    b.startSec[i] = BASE;
    b.endSec[i] = NaN;
    const j = b.beginSpan(0, 0);
    b.idLo[j] = 2;
    b.startSec[j] = Infinity;
    b.endSec[j] = BASE + 1;
    const t = b.finish();
    // 1: end unknown → zero duration at time 0; 2: start unknown → min(parent none, end 1 s) = 1 s
    expect([...t.start, ...t.end]).toEqual([0, 1e9, 0, 1e9]);
    expect(t.warnings.map((w) => w.message)[0]).toMatch(
      /^2 span\(s\) \(0000000000000001, 0000000000000002\) have no start or end time/
    );
  });

  it('places an event without a time at its span start', () => {
    const t = build([{ id: 1, start: 10, end: 90, events: [0, 30] }]);
    // unset event → span start (0 relative); the other 30 − 10 = 20 µs
    expect(us(t.events.time)).toEqual([0, 20]);
  });

  it('keeps known times exactly and makes every time finite, ≥ 0 and ordered, whatever is unknown', () => {
    const spec = fc.record({
      parent: fc.integer({ min: -1, max: 20 }),
      start: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
      length: fc.option(fc.integer({ min: -50, max: 500 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 20 }), (rows) => {
        const spans: SpanSpec[] = rows.map((r, k) => ({
          id: k + 1,
          parent: r.parent >= 0 ? r.parent + 1 : undefined,
          start: r.start,
          // an end may be known without a start
          end: r.length !== undefined ? (r.start ?? 2500) + r.length : undefined,
        }));
        const t = build(spans);
        const known = spans.filter((s) => s.start !== undefined).map((s) => s.start!);
        const ends = spans.filter((s) => s.end !== undefined).map((s) => s.end!);
        // time 0: the earliest known start, else the earliest known end, else the epoch
        const zero = known.length > 0 ? Math.min(...known) : ends.length > 0 ? Math.min(...ends) : undefined;
        expect(t.startUnixNano).toBe(
          zero === undefined ? '0' : String(BigInt(BASE) * BigInt(1e9) + BigInt(zero * 1000))
        );
        spans.forEach((s, i) => {
          expect(Number.isFinite(t.start[i]) && t.start[i] >= 0 && t.end[i] >= t.start[i]).toBe(true);
          if (s.start !== undefined) {
            expect(t.start[i]).toBe((s.start - zero!) * 1000);
          }
          if (s.end !== undefined && s.start !== undefined && s.end >= s.start) {
            expect(t.end[i]).toBe((s.end - zero!) * 1000);
          }
        });
      })
    );
  });
});
