/**
 * Hand-worked cases for the OTLP/JSON reader, one block per correctness class of issue 11:
 * times that are not decimal integers (3), missing or zero times (2), span ids (4), messages that
 * say what and where (8) and protobuf-JSON's snake_case spelling.
 */
import { TraceParseError } from './errors';
import { idToHex } from './ids';
import { ParsedTrace } from './model';
import { parseOtlpTrace } from './otlp';

const ID_A = '00000000000000a1';
const ID_B = '00000000000000b2';
const T0 = '1700000000000000000';

/** A plain OTLP document with one resource and scope holding `spans` (objects merged into a default span). */
function doc(spans: object[], resource: object = {}): string {
  return JSON.stringify({ resourceSpans: [{ resource, scopeSpans: [{ spans }] }] });
}

function span(fields: object = {}): object {
  return { spanId: ID_A, name: 'op', startTimeUnixNano: T0, endTimeUnixNano: '1700000000000001000', ...fields };
}

function parseError(text: string): string {
  let error: unknown;
  try {
    parseOtlpTrace(text);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(TraceParseError);
  return (error as Error).message;
}

function allFinite(t: ParsedTrace): boolean {
  return Array.from(t.start).every(Number.isFinite) && Array.from(t.end).every(Number.isFinite);
}

describe('class 3: times that are not decimal integers', () => {
  const WHERE = /startTimeUnixNano of span 0 in resourceSpans\[0\]\.scopeSpans\[0\]/;

  it.each([
    ['an empty string', ''],
    ['a blank string', '  '],
    ['hex', '0x10'],
    ['a plus sign', '+5'],
    ['exponent text', '1e3'],
    ['a fraction', '1700000000000000000.5'],
    ['a negative number', '-1'],
    ['2^64', '18446744073709551616'],
    ['400 digits', '9'.repeat(400)],
    ['a word', 'soon'],
  ])('rejects %s as a string, naming the span and the field', (_, text) => {
    const message = parseError(doc([span({ startTimeUnixNano: text })]));
    expect(message).toMatch(WHERE);
    expect(message).not.toMatch(/NaN|Infinity/);
    expect(message.length).toBeLessThan(300);
  });

  it.each([
    ['a fraction', '1.5'],
    ['a negative number', '-1'],
    ['a number beyond 2^64 − 1', '18446744073709551616'],
    ['1e400', '1e400'],
    ['true', 'true'],
  ])('rejects %s as a JSON number or literal', (_, token) => {
    const text = doc([span({ startTimeUnixNano: 'X' })]).replace('"X"', token);
    expect(parseError(text)).toMatch(WHERE);
  });

  it('accepts 2^64 − 1 as text and exact integers in exponent notation as JSON numbers', () => {
    const max = parseOtlpTrace(
      doc([span({ startTimeUnixNano: '18446744073709551615', endTimeUnixNano: '18446744073709551615' })])
    );
    expect(max.startUnixNano).toBe('18446744073709551615');
    // 1.7e18 = 1700000000000000000 exactly; the end 1700000000000001000 is 1000 ns later
    const exp = parseOtlpTrace(doc([span({ startTimeUnixNano: 'X' })]).replace('"X"', '1.7e18'));
    expect([exp.startUnixNano, exp.end[0] - exp.start[0]]).toEqual([T0, 1000]);
    // a 19-digit JSON number is read from its digits, not rounded to float64 (…001 stays …001)
    const exact = parseOtlpTrace(doc([span({ startTimeUnixNano: 'X' })]).replace('"X"', '1700000000000000001'));
    expect([exact.startUnixNano, exact.end[0]]).toEqual(['1700000000000000001', 999]);
  });

  it('rejects a malformed event time naming the event', () => {
    const message = parseError(
      doc([
        span({
          events: [
            { name: 'ok', timeUnixNano: T0 },
            { name: 'bad', timeUnixNano: '1.5' },
          ],
        }),
      ])
    );
    expect(message).toMatch(/timeUnixNano of event 1 of span 0 in resourceSpans\[0\]\.scopeSpans\[0\]/);
  });
});

describe('class 2: missing or zero times are unset, not 1970', () => {
  it.each([
    ['absent', (s: Record<string, unknown>) => delete s.startTimeUnixNano],
    ['"0"', (s: Record<string, unknown>) => (s.startTimeUnixNano = '0')],
    ['0', (s: Record<string, unknown>) => (s.startTimeUnixNano = 0)],
    ['null', (s: Record<string, unknown>) => (s.startTimeUnixNano = null)],
  ])('keeps a span whose start is %s, with finite times', (_, change) => {
    const child = span({
      spanId: ID_B,
      parentSpanId: ID_A,
      startTimeUnixNano: '1700000000000000100',
      endTimeUnixNano: '1700000000000000200',
    }) as Record<string, unknown>;
    change(child);
    const t = parseOtlpTrace(doc([span(), child]));
    expect(t.spanCount).toBe(2);
    expect(allFinite(t)).toBe(true);
    // the trace is not stretched back to 1970: it starts at the root's start
    expect(t.startUnixNano).toBe(T0);
  });

  it('keeps a span whose end is absent', () => {
    const child = span({ spanId: ID_B, parentSpanId: ID_A, startTimeUnixNano: '1700000000000000100' }) as Record<
      string,
      unknown
    >;
    delete child.endTimeUnixNano;
    const t = parseOtlpTrace(doc([span(), child]));
    expect(t.spanCount).toBe(2);
    expect(allFinite(t)).toBe(true);
    expect(t.startUnixNano).toBe(T0);
  });

  it('places an event without a time at the repaired start of a span whose start is unset too', () => {
    const child = span({
      spanId: ID_B,
      parentSpanId: ID_A,
      startTimeUnixNano: '0',
      endTimeUnixNano: '1700000000000000200',
      events: [{ name: 'untimed', timeUnixNano: 0 }],
    });
    const t = parseOtlpTrace(doc([span(), child]));
    expect(Number.isFinite(t.events.time[0])).toBe(true);
    expect(t.events.time[0]).toBe(t.start[1]);
    expect(t.warnings.map((w) => w.message).join('\n')).toMatch(/1 event/);
  });

  it('places an event without a time at its span start and says so', () => {
    // span start T0 + 100 ns; the root starts at T0, so the event is at 100 ns
    const child = span({
      spanId: ID_B,
      parentSpanId: ID_A,
      startTimeUnixNano: '1700000000000000100',
      events: [{ name: 'untimed' }],
    });
    const t = parseOtlpTrace(doc([span(), child]));
    expect(t.events.time[0]).toBe(100);
    expect(t.warnings.map((w) => w.message).join('\n')).toMatch(/1 event/);
  });
});

describe('class 4: span ids', () => {
  it.each([
    ['null', null],
    ['the empty string', ''],
    ['absent', undefined],
  ])('rejects a span whose spanId is %s naming it, instead of giving it the previous id', (_, id) => {
    const second = span({ spanId: id, parentSpanId: ID_A });
    expect(parseError(doc([span(), second]))).toMatch(/^span 1 in resourceSpans\[0\]\.scopeSpans\[0\] has no spanId/);
  });

  it('reports an oversized id by position and length without echoing it', () => {
    const huge = 'A'.repeat(5000);
    const message = parseError(doc([span(), span({ spanId: ID_B, parentSpanId: huge })]));
    expect(message).toMatch(/span 1 in resourceSpans\[0\]\.scopeSpans\[0\]/);
    expect(message).toMatch(/5000/);
    expect(message).not.toContain('A'.repeat(61));
    expect(message.length).toBeLessThan(260);
  });

  it('quotes a short bad id with its invisible characters escaped', () => {
    const message = parseError(doc([span({ spanId: '\u00a0abc\u200b' })]));
    expect(message).toContain('\\u00a0abc\\u200b');
  });

  it('treats a parentSpanId that is null, empty or all zeros as a root', () => {
    for (const parent of [null, '', '0000000000000000', 'AAAAAAAAAAA=']) {
      const t = parseOtlpTrace(doc([span({ parentSpanId: parent })]));
      expect([t.hasParent[0], idToHex(t.idHi[0], t.idLo[0])]).toEqual([0, ID_A]);
    }
  });
});

describe('class 8: messages that say what and where', () => {
  it('says that a document ends early, with the position', () => {
    const text = doc([span()]);
    expect(parseError(text.slice(0, 40))).toMatch(/ends early/);
    expect(parseError('')).toMatch(/ends early/);
    expect(parseError('{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"unterminated')).toMatch(/ends early/);
  });

  it('names a wrong type as such, not as invalid JSON', () => {
    expect(parseError('{"resourceSpans": 5}')).toMatch(/expected an array, found a number/);
    const attrs = parseError(doc([span({ attributes: { key: 'x' } })]));
    expect(attrs).toMatch(
      /attributes of span 0 in resourceSpans\[0\]\.scopeSpans\[0\]: expected an array, found an object/
    );
    expect(parseError(doc([span({ name: 42 })]))).toMatch(
      /name of span 0 in resourceSpans\[0\]\.scopeSpans\[0\]: expected a string, found a number/
    );
  });

  it('never lets a TypeError out of a malformed nested value', () => {
    const bad = [
      { arrayValue: [1, 2] },
      { arrayValue: { values: [1, 2] } },
      { kvlistValue: { values: [null] } },
      { kvlistValue: { values: [{ value: {} }] } },
      { arrayValue: { values: 'x' } },
    ];
    for (const value of bad) {
      expect(parseError(doc([span({ attributes: [{ key: 'k', value }] })]))).toMatch(
        /attribute 0 of span 0 in resourceSpans\[0\]\.scopeSpans\[0\]/
      );
    }
  });

  it('names the real place of an error in resource, event and link attributes', () => {
    const badValue = { key: 'k', value: { boolValue: 'yes' } };
    expect(
      parseError(doc([span()], { attributes: [{ key: 'service.name', value: { stringValue: 's' } }, badValue] }))
    ).toMatch(/attribute 1 of resourceSpans\[0\]\.resource/);
    expect(parseError(doc([span({ events: [{ timeUnixNano: T0, attributes: [badValue] }] })]))).toMatch(
      /attribute 0 of event 0 of span 0 in resourceSpans\[0\]\.scopeSpans\[0\]/
    );
    expect(
      parseError(doc([span(), span({ spanId: ID_B, links: [{}, { spanId: ID_A, attributes: [badValue] }] })]))
    ).toMatch(/attribute 0 of link 1 of span 1 in resourceSpans\[0\]\.scopeSpans\[0\]/);
  });

  it('shows invisible characters escaped', () => {
    expect(parseError('\ufeff{"resourceSpans":[]}')).toContain('\\ufeff');
    expect(parseError(doc([span({ kind: 'SPAN_KIND_SERVER\u00a0' })]))).toContain('SPAN_KIND_SERVER\\u00a0');
  });

  it('keeps quoted input short', () => {
    const message = parseError(doc([span({ kind: 'K'.repeat(10_000) })]));
    expect(message.length).toBeLessThan(260);
  });
});

describe("protobuf-JSON's snake_case spelling", () => {
  const camel = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
        scopeSpans: [
          {
            scope: { name: 'lib', version: '1' },
            spans: [
              {
                traceId: '0123456789abcdef0123456789abcdef',
                spanId: ID_A,
                name: 'root',
                kind: 2,
                startTimeUnixNano: T0,
                endTimeUnixNano: '1700000000000005000',
              },
              {
                traceId: '0123456789abcdef0123456789abcdef',
                spanId: ID_B,
                parentSpanId: ID_A,
                name: 'child',
                kind: 'SPAN_KIND_CLIENT',
                startTimeUnixNano: '1700000000000001000',
                endTimeUnixNano: '1700000000000002000',
                attributes: [
                  { key: 's', value: { stringValue: 'x' } },
                  { key: 'i', value: { intValue: '7' } },
                  { key: 'd', value: { doubleValue: 0.5 } },
                  { key: 'b', value: { boolValue: true } },
                  { key: 'y', value: { bytesValue: 'AQI=' } },
                  { key: 'a', value: { arrayValue: { values: [{ intValue: '1' }, { stringValue: 'z' }] } } },
                  { key: 'k', value: { kvlistValue: { values: [{ key: 'q', value: { boolValue: false } }] } } },
                ],
                events: [{ timeUnixNano: '1700000000000001500', name: 'e' }],
                links: [{ traceId: '0123456789abcdef0123456789abcdef', spanId: ID_A }],
                status: { code: 2, message: 'boom' },
                droppedAttributesCount: 1,
              },
            ],
          },
        ],
      },
    ],
  };
  const snakeKey = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  /** Go's protojson with UseProtoNames: every member name in snake_case, times as JSON numbers. */
  const snakeText = JSON.stringify(camel, function (this: unknown, k, v) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).map(([key, x]) => [snakeKey(key), x]));
    }
    return v;
  }).replace(/"(\d{19})"/g, '$1');

  it('reads the same trace as the camelCase document', () => {
    expect(snakeText).toContain('"scope_spans"');
    expect(snakeText).toContain('"start_time_unix_nano":1700000000000001000');
    const a = parseOtlpTrace(JSON.stringify(camel));
    const b = parseOtlpTrace(snakeText);
    expect(b.spanCount).toBe(2);
    for (const column of [
      'start',
      'end',
      'idHi',
      'idLo',
      'parentHi',
      'parentLo',
      'hasParent',
      'kind',
      'status',
      'name',
    ] as const) {
      expect(Array.from(b[column])).toEqual(Array.from(a[column]));
    }
    // child: 1000 ns to 2000 ns after the root's start; its event at 1500 ns
    expect([b.start[1], b.end[1], b.events.time[0]]).toEqual([1000, 2000, 1500]);
    const attrs = (t: ParsedTrace) =>
      Array.from({ length: t.spanAttrs.offsets[2] - t.spanAttrs.offsets[1] }, (_, k) => {
        const at = t.spanAttrs.offsets[1] + k;
        return [t.strings[t.spanAttrs.keys[at]], t.spanAttrs.types[at], t.strings[t.spanAttrs.values[at]]];
      });
    expect(attrs(b)).toEqual(attrs(a));
    expect(b.strings[b.resourceService[0]]).toBe('api');
    expect(b.links.spanId[0]).toBe(ID_A);
    expect(b.strings[b.statusMessage[1]]).toBe('boom');
  });

  it('reads the legacy instrumentation_library_spans spelling', () => {
    const legacy = snakeText
      .replace('"scope_spans"', '"instrumentation_library_spans"')
      .replace('"scope"', '"instrumentation_library"');
    expect(parseOtlpTrace(legacy).spanCount).toBe(2);
  });

  it('never reads an unrecognised document as zero spans in silence', () => {
    expect(parseError('{"resource_spanz":[]}')).toMatch(/resource_spanz/);
    const misspelt = JSON.stringify({ resourceSpans: [{ scopeSpanz: [{ spans: [span()] }] }] });
    let outcome = '';
    try {
      const t = parseOtlpTrace(misspelt);
      outcome = t.spanCount === 0 ? t.warnings.map((w) => w.message).join('\n') : 'read spans';
    } catch (e) {
      outcome = (e as Error).message;
    }
    expect(outcome).toMatch(/scopeSpanz/);
  });
});
