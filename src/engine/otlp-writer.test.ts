import fc from 'fast-check';

import { generateTrace } from '../../tests/synthetic/generate';
import { toJaegerJson } from '../../tests/synthetic/jaeger';
import { toOtlpJson as synthOtlp } from '../../tests/synthetic/otlp';
import { parseJaegerTrace } from './jaeger-json';
import { AttrTable, ParsedTrace } from './model';
import { parseOtlpTrace } from './otlp';
import { toOtlpJson } from './otlp-writer';

/** Entries of `owner` in an attribute table, with their strings resolved. */
function attrs(t: ParsedTrace, table: AttrTable, owner: number): Array<[string, number, string]> {
  const out: Array<[string, number, string]> = [];
  for (let e = table.offsets[owner]; e < table.offsets[owner + 1]; e++) {
    out.push([t.strings[table.keys[e]], table.types[e], t.strings[table.values[e]]]);
  }
  return out;
}

/** Every column of a trace (warnings aside) with string indexes resolved, for `toEqual`. */
function columns(t: ParsedTrace) {
  const s = (i: number) => t.strings[i];
  const spans = Array.from({ length: t.spanCount }, (_, i) => ({
    id: [t.idHi[i], t.idLo[i]],
    parent: t.hasParent[i] ? [t.parentHi[i], t.parentLo[i]] : null,
    start: t.start[i],
    end: t.end[i],
    name: s(t.name[i]),
    kind: t.kind[i],
    status: t.status[i],
    message: s(t.statusMessage[i]),
    resource: t.resource[i],
    scope: t.scope[i],
    attrs: attrs(t, t.spanAttrs, i),
    events: Array.from({ length: t.events.offsets[i + 1] - t.events.offsets[i] }, (_, k) => {
      const e = t.events.offsets[i] + k;
      return [t.events.time[e], s(t.events.name[e]), attrs(t, t.events.attrs, e)];
    }),
    links: Array.from({ length: t.links.offsets[i + 1] - t.links.offsets[i] }, (_, k) => {
      const l = t.links.offsets[i] + k;
      return [t.links.traceId[l], t.links.spanId[l], attrs(t, t.links.attrs, l)];
    }),
  }));
  return {
    traceId: t.traceId,
    startUnixNano: t.startUnixNano,
    spans,
    resources: Array.from(t.resourceService, (svc, r) => [s(svc), attrs(t, t.resourceAttrs, r)]),
    scopes: Array.from(t.scopeName, (name, k) => [s(name), s(t.scopeVersion[k])]),
  };
}

function roundTrip(t: ParsedTrace): ParsedTrace {
  return parseOtlpTrace(toOtlpJson(t));
}

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** One attribute of every value kind: written back exactly as given. */
const EVERY_KIND = [
  { key: 'd', value: { doubleValue: 'NaN' } },
  { key: 'b', value: { boolValue: true } },
  { key: 'y', value: { bytesValue: 'AQI=' } },
  { key: 'e', value: {} },
  {
    key: 'a',
    value: {
      arrayValue: {
        values: [
          { intValue: '1' },
          { doubleValue: 1.5 },
          { kvlistValue: { values: [{ key: 'k', value: { boolValue: false } }] } },
        ],
      },
    },
  },
];

describe('toOtlpJson', () => {
  it('writes a trace as an OTLP/JSON export request, times exact to the ns', () => {
    const text = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
          scopeSpans: [
            {
              scope: { name: 'http', version: '1.2' },
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: '00f067aa0ba902b7',
                  name: 'GET /',
                  kind: 'SPAN_KIND_SERVER',
                  startTimeUnixNano: '1700000000999999999',
                  endTimeUnixNano: '1700000001000000001',
                  attributes: [{ key: 'http.status_code', value: { intValue: '200' } }],
                  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                  events: [{ timeUnixNano: '1700000001000000000', name: 'exception' }],
                  links: [{ traceId: TRACE_ID, spanId: '0000000000000001' }],
                },
              ],
            },
          ],
        },
      ],
    });
    const out = JSON.parse(toOtlpJson(parseOtlpTrace(text)));
    const span = out.resourceSpans[0].scopeSpans[0].spans[0];
    expect(out.resourceSpans[0].resource.attributes).toEqual([{ key: 'service.name', value: { stringValue: 'api' } }]);
    expect(out.resourceSpans[0].scopeSpans[0].scope).toEqual({ name: 'http', version: '1.2' });
    expect(span).toEqual({
      traceId: TRACE_ID,
      spanId: '00f067aa0ba902b7',
      name: 'GET /',
      kind: 2,
      // start is time 0 of the trace; the end is 2 ns later across a second boundary
      startTimeUnixNano: '1700000000999999999',
      endTimeUnixNano: '1700000001000000001',
      attributes: [{ key: 'http.status_code', value: { intValue: '200' } }],
      status: { code: 2, message: 'boom' },
      events: [{ timeUnixNano: '1700000001000000000', name: 'exception', attributes: [] }],
      links: [{ traceId: TRACE_ID, spanId: '0000000000000001', attributes: [] }],
    });
  });

  it('writes the service of a resource that has no service.name attribute, and every value kind', () => {
    const t = parseOtlpTrace(
      JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'host', value: { stringValue: 'h1' } }] },
            scopeSpans: [
              {
                spans: [
                  {
                    spanId: '0000000000000001',
                    name: 'x',
                    startTimeUnixNano: '5',
                    endTimeUnixNano: '7',
                    attributes: EVERY_KIND,
                  },
                ],
              },
            ],
          },
        ],
      })
    );
    const out = JSON.parse(toOtlpJson(t));
    // no service.name: the model names the resource NO_SERVICE_NAME, which is not written back
    expect(out.resourceSpans[0].resource.attributes).toEqual([{ key: 'host', value: { stringValue: 'h1' } }]);
    const span = out.resourceSpans[0].scopeSpans[0].spans[0];
    // times before 1 s: written without a seconds part; no trace id in the input, none written
    expect([span.startTimeUnixNano, span.endTimeUnixNano, span.traceId]).toEqual(['5', '7', undefined]);
    expect(span.attributes).toEqual(EVERY_KIND);
    expect(columns(roundTrip(t))).toEqual(columns(t));
  });

  it('round-trips generated multi-service traces exactly', () => {
    for (const shape of ['random', 'deep', 'fanout'] as const) {
      const t = parseOtlpTrace(synthOtlp(generateTrace(shape, 300, 7), { wrapper: 'plain', ids: 'hex' }));
      expect(columns(roundTrip(t))).toEqual(columns(t));
    }
  });

  it('groups the interleaved spans of a Jaeger trace by resource, each span unchanged', () => {
    const synth = generateTrace('random', 60, 3);
    const t = parseJaegerTrace(toJaegerJson(synth));
    const back = roundTrip(t);
    const byId = (c: ReturnType<typeof columns>) =>
      new Map(
        c.spans.map((s) => [s.id.join(':'), { ...s, resource: c.resources[s.resource], scope: c.scopes[s.scope] }])
      );
    expect(back.spanCount).toBe(60);
    expect(byId(columns(back))).toEqual(byId(columns(t)));
  });

  it('keeps a resource that has no spans, so resource numbers survive', () => {
    const t = parseOtlpTrace(
      '{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"idle"}}]}},' +
        '{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"busy"}}]},"scopeSpans":[{"spans":[' +
        '{"spanId":"0000000000000009","name":"n","startTimeUnixNano":"10","endTimeUnixNano":"20"}]}]}]}'
    );
    expect(columns(roundTrip(t))).toEqual(columns(t));
    expect(roundTrip(t).resource[0]).toBe(1);
  });
});

/** 2^63 */
const INT64_LIMIT = BigInt('9223372036854775808');

/** AnyValue trees of every kind, nested a few levels. */
const anyValue: fc.Arbitrary<object> = fc.letrec<{ value: object }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'binary' }).map((v) => ({ stringValue: v })),
    fc.bigInt({ min: -INT64_LIMIT, max: INT64_LIMIT - BigInt(1) }).map((v) => ({ intValue: String(v) })),
    fc.double().map((v) => ({ doubleValue: Number.isFinite(v) ? v : String(v) })),
    fc.boolean().map((v) => ({ boolValue: v })),
    fc.base64String({ maxLength: 16 }).map((v) => ({ bytesValue: v })),
    fc.constant({}),
    fc.array(tie('value'), { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
    fc
      .array(fc.record({ key: fc.string({ maxLength: 6 }), value: tie('value') }), { maxLength: 3 })
      .map((values) => ({ kvlistValue: { values } }))
  ),
})).value;

const attributes = fc.array(fc.record({ key: fc.string({ unit: 'grapheme', maxLength: 8 }), value: anyValue }), {
  maxLength: 3,
});
const hex = (digits: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${digits}}$`));
/** Unix ns after 2023-11-14 (1.7e18 ns), up to ~17 min later */
const unixNano = fc.bigInt({ min: BigInt(0), max: BigInt(1e12) }).map((v) => String(BigInt('1700000000000000000') + v));

const spanArb = fc.record({
  spanId: hex(16),
  parentSpanId: fc.option(hex(16), { nil: undefined }),
  name: fc.string({ unit: 'grapheme', maxLength: 10 }),
  kind: fc.integer({ min: 0, max: 5 }),
  startTimeUnixNano: unixNano,
  endTimeUnixNano: unixNano,
  attributes,
  status: fc.record({ code: fc.integer({ min: 0, max: 2 }), message: fc.string({ maxLength: 5 }) }),
  events: fc.array(fc.record({ timeUnixNano: unixNano, name: fc.string({ maxLength: 5 }), attributes }), {
    maxLength: 2,
  }),
  links: fc.array(fc.record({ traceId: hex(32), spanId: hex(16), attributes }), { maxLength: 2 }),
});

const documentArb = fc.array(
  fc.record({
    resource: fc.record({ attributes }),
    scopeSpans: fc.array(
      fc.record({
        scope: fc.record({ name: fc.string({ maxLength: 5 }), version: fc.string({ maxLength: 3 }) }),
        spans: fc.array(
          spanArb.map((s) => ({ traceId: TRACE_ID, ...s })),
          { minLength: 1, maxLength: 4 }
        ),
      }),
      { maxLength: 2 }
    ),
  }),
  { minLength: 1, maxLength: 3 }
);

describe('toOtlpJson round trip (property)', () => {
  it('parseOtlpTrace(toOtlpJson(t)) equals t in every column', () => {
    fc.assert(
      fc.property(documentArb, (resourceSpans) => {
        const t = parseOtlpTrace(JSON.stringify({ resourceSpans }));
        expect(columns(roundTrip(t))).toEqual(columns(t));
      }),
      { numRuns: 300 }
    );
  });
});
