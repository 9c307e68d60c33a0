import fc from 'fast-check';
import { Kind } from '../../tests/generator/model';
import { disaggSplit } from './genai-disagg';
import { serviceOf, SpanKind } from './model';
import { spanAttributes } from './span-accessors';
import { analysedHandSpans, HandSpan } from './testing/genai-spans';

const US = 1000;

/*
 * fe SERVER [0,100] ── fc CLIENT [10,90] ── rs router SERVER [12,88] ─┬─ pc CLIENT [20,40] ── ps prefill SERVER [22,38] ── pe engine.generate prefill [25,35]
 *                                                                     └─ dc CLIENT [45,85] ── ds decode SERVER [47,83]  ── de engine.generate decode [50,80] ── dk [60,70]
 * Self: fe 100 − 80 = 20, fc 80 − 76 = 4, rs 76 − 20 − 40 = 16, pc 20 − 16 = 4, ps 16 − 10 = 6,
 *       pe 10, dc 40 − 36 = 4, ds 36 − 30 = 6, de 30 − 10 = 20, dk 10 (under de: decode).
 * prefill 10; decode 20 + 10 = 30; network fc + pc + dc = 12; worker queue ps + ds = 12;
 * routing fe + rs = 36. Sum 100, the trace's duration.
 */
const spans: HandSpan[] = [
  { id: 'fe', service: 'fe', kind: 'SERVER', start: 0, end: 100 },
  { id: 'fc', parent: 'fe', service: 'fe', kind: 'CLIENT', start: 10, end: 90 },
  { id: 'rs', parent: 'fc', service: 'router', kind: 'SERVER', start: 12, end: 88 },
  { id: 'pc', parent: 'rs', service: 'router', kind: 'CLIENT', start: 20, end: 40 },
  { id: 'ps', parent: 'pc', service: 'prefill', kind: 'SERVER', start: 22, end: 38 },
  { id: 'pe', parent: 'ps', service: 'prefill', start: 25, end: 35, attrs: { disagg_role: 'prefill' } },
  { id: 'dc', parent: 'rs', service: 'router', kind: 'CLIENT', start: 45, end: 85 },
  { id: 'ds', parent: 'dc', service: 'decode', kind: 'SERVER', start: 47, end: 83 },
  { id: 'de', parent: 'ds', service: 'decode', start: 50, end: 80, attrs: { disagg_role: 'decode' } },
  { id: 'dk', parent: 'de', service: 'decode', start: 60, end: 70 },
];

describe('disaggSplit', () => {
  it('gives each span’s self time to prefill, decode, network, worker queue or routing', () => {
    expect(disaggSplit(analysedHandSpans(spans))).toEqual({
      prefill: 10 * US,
      decode: 30 * US,
      workerQueue: 12 * US,
      network: 12 * US,
      routing: 36 * US,
    });
  });

  it('counts a call whose callee is in another trace as network, whole', () => {
    // the decode worker's spans gone (another trace): dc's 40 µs are all network, 12 − 4 + 40 = 48
    const mainOnly = spans.filter((s) => !['ds', 'de', 'dk'].includes(s.id));
    expect(disaggSplit(analysedHandSpans(mainOnly))).toEqual({
      prefill: 10 * US,
      decode: 0,
      workerQueue: 6 * US,
      network: 48 * US,
      routing: 36 * US,
    });
  });

  it('is null for a trace without a prefill or decode span', () => {
    const plain = spans.map((s): HandSpan => ({ ...s, attrs: s.id === 'pe' ? { disagg_role: 'encode' } : {} }));
    expect(disaggSplit(analysedHandSpans(plain))).toBeNull();
  });
});

describe('disaggSplit (property)', () => {
  const spanArb = fc.record({
    parent: fc.nat(),
    service: fc.integer({ min: 0, max: 3 }),
    kind: fc.constantFrom<Kind>('SERVER', 'CLIENT', 'INTERNAL', 'PRODUCER', 'CONSUMER'),
    start: fc.integer({ min: 0, max: 200 }),
    length: fc.integer({ min: 0, max: 150 }),
    role: fc.constantFrom(undefined, undefined, 'prefill', 'decode'),
  });

  it('gives every span’s self time to the part its nearest role ancestor, kind or service says', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { minLength: 1, maxLength: 20 }), (drawn) => {
        const a = analysedHandSpans(
          drawn.map((s, i): HandSpan => ({
            id: `s${i}`,
            ...(i > 0 ? { parent: `s${s.parent % i}` } : {}),
            service: `svc${s.service}`,
            kind: s.kind,
            start: s.start,
            end: s.start + s.length,
            attrs: s.role ? { disagg_role: s.role } : {},
          }))
        );
        const ownRole = (i: number) => Object.fromEntries(spanAttributes(a.trace, i)).disagg_role;
        const roleOf = (i: number): string | undefined => {
          let up = i;
          while (up >= 0 && ownRole(up) === undefined) {
            up = a.tree.parent[up];
          }
          return up >= 0 ? ownRole(up) : undefined;
        };
        const all = [...Array(a.trace.spanCount).keys()];
        const workers = new Set(all.filter((i) => ownRole(i) !== undefined).map((i) => serviceOf(a.trace, i)));
        const expected = { prefill: 0, decode: 0, workerQueue: 0, network: 0, routing: 0 };
        for (const i of all) {
          const role = roleOf(i);
          const part =
            role === 'prefill' || role === 'decode'
              ? role
              : a.trace.kind[i] === SpanKind.Client
                ? 'network'
                : workers.has(serviceOf(a.trace, i))
                  ? 'workerQueue'
                  : 'routing';
          expected[part] += a.selfTime[i];
        }
        expect(disaggSplit(a)).toEqual(workers.size === 0 ? null : expected);
      })
    );
  });
});
