import fc from 'fast-check';
import { asyncBusyIdle, reportedBusyIdle } from './async-busy';
import type { AttributeValue } from '../../tests/support/otlp';
import { analysedHandSpans, handSpan } from './testing/genai-spans';
import { tinyId } from '../../tests/synthetic/tiny';

/*
 * fe SERVER [0,120] (reports nothing)
 * ├─ r router SERVER [0,100]        busy 30,000 ns, idle 70,000 ns          outermost router span
 * │  └─ c router CLIENT [10,60]     busy '5000' (a string), idle 45,000     under r: not summed
 * │     └─ w worker SERVER [15,55]  busy 20,000, idle 20,000                outermost worker span
 * │        ├─ e worker [20,50]      busy 'abc'                              → warning
 * │        │  └─ k worker [40,50]   busy 2,000, idle 8,000                  under w: not summed
 * │        ├─ f worker [50,55]      busy −5, idle 10                        → warning
 * │        ├─ g worker [20,30]      busy 15,000 + idle 6,000 > 10,000 ns + 10 µs slack → warning
 * │        ├─ h worker [30,40]      busy 1,000, no idle_ns                  → warning
 * │        └─ y worker [45,50]      busy 9,000 + idle 6,000 = 5,000 ns + the 10 µs slack: used
 * └─ z worker [100,110]             busy 3,000, idle 7,000                  outermost worker span
 * Services: router 30,000 / 70,000 (r only); worker 20,000 + 3,000 / 20,000 + 7,000.
 */
const analysis = analysedHandSpans([
  { id: 'fe', service: 'fe', kind: 'SERVER', start: 0, end: 120 },
  {
    id: 'r',
    parent: 'fe',
    service: 'router',
    kind: 'SERVER',
    start: 0,
    end: 100,
    attrs: { busy_ns: 30_000, idle_ns: 70_000 },
  },
  {
    id: 'c',
    parent: 'r',
    service: 'router',
    kind: 'CLIENT',
    start: 10,
    end: 60,
    attrs: { busy_ns: '5000', idle_ns: 45_000 },
  },
  {
    id: 'w',
    parent: 'c',
    service: 'worker',
    kind: 'SERVER',
    start: 15,
    end: 55,
    attrs: { busy_ns: 20_000, idle_ns: 20_000 },
  },
  { id: 'e', parent: 'w', service: 'worker', start: 20, end: 50, attrs: { busy_ns: 'abc', idle_ns: 1 } },
  { id: 'k', parent: 'e', service: 'worker', start: 40, end: 50, attrs: { busy_ns: 2000, idle_ns: 8000 } },
  { id: 'f', parent: 'w', service: 'worker', start: 50, end: 55, attrs: { busy_ns: -5, idle_ns: 10 } },
  { id: 'g', parent: 'w', service: 'worker', start: 20, end: 30, attrs: { busy_ns: 15_000, idle_ns: 6000 } },
  { id: 'h', parent: 'w', service: 'worker', start: 30, end: 40, attrs: { busy_ns: 1000 } },
  { id: 'y', parent: 'w', service: 'worker', start: 45, end: 50, attrs: { busy_ns: 9000, idle_ns: 6000 } },
  { id: 'z', parent: 'fe', service: 'worker', start: 100, end: 110, attrs: { busy_ns: 3000, idle_ns: 7000 } },
]);
const at = (id: string) => handSpan(analysis, id);

describe('asyncBusyIdle', () => {
  const result = asyncBusyIdle(analysis);

  it('uses the valid values of each span, int or string', () => {
    expect(result.spans).toEqual([
      { span: at('r'), busy: 30_000, idle: 70_000 },
      { span: at('c'), busy: 5000, idle: 45_000 },
      { span: at('w'), busy: 20_000, idle: 20_000 },
      { span: at('k'), busy: 2000, idle: 8000 },
      { span: at('y'), busy: 9000, idle: 6000 },
      { span: at('z'), busy: 3000, idle: 7000 },
    ]);
    expect(result.lacking).toEqual([at('fe')]);
  });

  it('leaves out non-numeric, negative, half-reported and too large values, naming the span', () => {
    const named = (id: string) => ({ span: at(id), spanId: tinyId(id), spanLabel: `worker: ${id}` });
    expect(result.warnings).toEqual([
      { ...named('e'), problems: [{ code: 'not-whole-ns', attribute: 'busy_ns', text: 'abc' }] },
      { ...named('f'), problems: [{ code: 'negative', attribute: 'busy_ns', text: '-5' }] },
      // 15,000 + 6,000 = 21,000 ns > the span's 10,000 ns + 10,000 ns of slack
      { ...named('g'), problems: [{ code: 'over-duration', sum: 21_000, duration: 10_000, slack: 10_000 }] },
      { ...named('h'), problems: [{ code: 'missing', attribute: 'idle_ns' }] },
    ]);
  });

  it('sums each service over its outermost reporting spans', () => {
    expect(result.services).toEqual([
      { service: 'fe', reporting: 0, lacking: 1, leftOut: 0, busy: 0, idle: 0 },
      { service: 'router', reporting: 2, lacking: 0, leftOut: 0, busy: 30_000, idle: 70_000 },
      { service: 'worker', reporting: 4, lacking: 0, leftOut: 4, busy: 23_000, idle: 27_000 },
    ]);
  });
});

describe('reportedBusyIdle', () => {
  it('is asyncBusyIdle’s used spans, and none for a trace naming neither attribute', () => {
    expect(reportedBusyIdle(analysis)).toEqual(asyncBusyIdle(analysis).spans);
    expect(reportedBusyIdle(analysis).map((s) => s.span)).toEqual(['r', 'c', 'w', 'k', 'y', 'z'].map(at));
    const plain = analysedHandSpans([
      { id: 'a', service: 'fe', kind: 'SERVER', start: 0, end: 10, attrs: { note: 'busy' } },
      { id: 'b', parent: 'a', service: 'db', start: 2, end: 8 },
    ]);
    expect(reportedBusyIdle(plain)).toEqual([]);
    expect(asyncBusyIdle(plain).lacking).toHaveLength(2);
  });
});

describe('asyncBusyIdle warnings', () => {
  it('names both of a span’s unusable values, busy_ns first', () => {
    // idle_ns 2.5 is not whole and busy_ns is missing: two problems, one warning
    const a = analysedHandSpans([{ id: 'p', service: 'worker', start: 0, end: 10, attrs: { idle_ns: 2.5 } }]);
    expect(asyncBusyIdle(a).warnings).toEqual([
      {
        span: handSpan(a, 'p'),
        spanId: tinyId('p'),
        spanLabel: 'worker: p',
        problems: [
          { code: 'missing', attribute: 'busy_ns' },
          { code: 'not-whole-ns', attribute: 'idle_ns', text: '2.5' },
        ],
      },
    ]);
  });

  const valueArb = fc.constantFrom<AttributeValue | undefined>(undefined, 0, 4000, -1, 'x', '7000', 2.5);

  it('puts every span in exactly one of used, lacking and warned, a warning holding one problem per unusable value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(valueArb, valueArb), { minLength: 1, maxLength: 12 }), (drawn) => {
        const a = analysedHandSpans(
          drawn.map(([busy, idle], k) => ({
            id: `s${k}`,
            start: k,
            end: k + 10,
            attrs: {
              ...(busy === undefined ? {} : { busy_ns: busy }),
              ...(idle === undefined ? {} : { idle_ns: idle }),
            },
          }))
        );
        const result = asyncBusyIdle(a);
        const seen = [...result.spans.map((s) => s.span), ...result.lacking, ...result.warnings.map((w) => w.span)];
        expect(seen.sort((x, y) => x - y)).toEqual([...Array(drawn.length).keys()]);
        for (const w of result.warnings) {
          const [busy, idle] = drawn[drawn.findIndex((_, k) => handSpan(a, `s${k}`) === w.span)];
          // values over 10 ms (the span) + 10 µs never occur here: each problem is a bad or missing value
          const bad = (v: AttributeValue | undefined) => v === undefined || !/^\d+$/.test(String(v));
          expect(w.problems.map((p) => p.code !== 'over-duration' && p.attribute)).toEqual(
            [bad(busy) && 'busy_ns', bad(idle) && 'idle_ns'].filter(Boolean)
          );
        }
      })
    );
  });
});
