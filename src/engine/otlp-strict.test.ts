/**
 * The OTLP/JSON reader against `JSON.parse`: it must accept exactly the JSON that `JSON.parse`
 * accepts. Random valid documents are written with every string escape (in values and keys),
 * whitespace between every token, every AnyValue kind and shuffled member order; the reader must
 * give the span fields that reading the `JSON.parse` result gives. Mutations of them that
 * `JSON.parse` rejects must be rejected with a TraceParseError, and every proper prefix of a
 * valid document must be reported as a document that ends early.
 */
import fc from 'fast-check';

import { TraceParseError } from './errors';
import { idToHex } from './ids';
import { AttrType, ParsedTrace } from './model';
import { parseOtlpTrace } from './otlp';
import { docArb, DocModel, mutate, mutationArb, Value } from './testing/otlp-documents';

// ---------- reading back ----------

function attrsOf(t: ParsedTrace, table: ParsedTrace['spanAttrs'], owner: number): Array<[string, AttrType, string]> {
  const out: Array<[string, AttrType, string]> = [];
  for (let k = table.offsets[owner]; k < table.offsets[owner + 1]; k++) {
    out.push([t.strings[table.keys[k]], table.types[k] as AttrType, t.strings[table.values[k]]]);
  }
  return out;
}

/** Expected attributes; nested values compared as parsed JSON (display spacing is free). */
function expectAttrs(actual: Array<[string, AttrType, string]>, expected: Array<[string, Value]>): void {
  expect(actual.map(([k, type]) => [k, type])).toEqual(expected.map(([k, v]) => [k, v.type]));
  actual.forEach(([, type, display], n) => {
    const want = expected[n][1];
    if (type === AttrType.Array || type === AttrType.KvList) {
      expect(JSON.parse(display)).toEqual(JSON.parse(want.display));
    } else {
      expect(display).toBe(want.display);
    }
  });
}

function checkAgainstModel(doc: DocModel): void {
  // the reference: the document is valid JSON
  expect(() => JSON.parse(doc.text)).not.toThrow();
  const t = parseOtlpTrace(doc.text);
  expect(t.spanCount).toBe(doc.spans.length);
  const min = doc.spans.reduce((m, s) => (s.start < m ? s.start : m), doc.spans[0].start);
  expect(t.startUnixNano).toBe(String(min));
  expect(t.traceId).toBe('0123456789abcdef0123456789abcdef');
  // an empty service.name counts as none: Grafana's placeholder
  expect(t.strings[t.resourceService[0]]).toBe(doc.service === '' ? 'OTLPResourceNoServiceName' : doc.service);
  doc.spans.forEach((s, i) => {
    expect(t.strings[t.name[i]]).toBe(s.name);
    expect(idToHex(t.idHi[i], t.idLo[i])).toBe(s.id);
    expect(t.hasParent[i]).toBe(s.parent === '' ? 0 : 1);
    if (s.parent !== '') {
      expect(idToHex(t.parentHi[i], t.parentLo[i])).toBe(s.parent);
    }
    expect(t.kind[i]).toBe(s.kind);
    expect([t.start[i], t.end[i]]).toEqual([Number(s.start - min), Number(s.end - min)]);
    expectAttrs(attrsOf(t, t.spanAttrs, i), s.attrs);
    const first = t.events.offsets[i];
    expect(t.events.offsets[i + 1] - first).toBe(s.events.length);
    s.events.forEach((e, k) => {
      expect(t.strings[t.events.name[first + k]]).toBe(e.name);
      expect(t.events.time[first + k]).toBe(Number(e.time - min));
      expectAttrs(attrsOf(t, t.events.attrs, first + k), e.attrs);
    });
  });
}

function readerError(text: string): Error | undefined {
  try {
    parseOtlpTrace(text);
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

describe('the OTLP reader accepts exactly what JSON.parse accepts', () => {
  it('reads random valid documents (every escape, whitespace, value kind, order, spelling) as JSON.parse does', () => {
    fc.assert(fc.property(docArb, checkAgainstModel), { numRuns: 300 });
  });

  it('reads a hand-written document with escapes in keys, enum names and ids', () => {
    const text = `{"resource\\u0053pans":[{"scope\\u0053pans":[{"spans":[{"span\\u0049d":"\\u0030000000000000001",
      "name":"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\ud800","kind":"SPAN_KIND_\\u0053ERVER",
      "startTimeUnixNano":"1\\u0030","endTimeUnixNano":"2\\u0030",
      "status":{"code":"STATUS_CODE_\\u0045RROR"}}]}]}]}`;
    const t = parseOtlpTrace(text);
    expect(idToHex(t.idHi[0], t.idLo[0])).toBe('0000000000000001');
    expect(t.strings[t.name[0]]).toBe('a"b\\c/d\b\f\n\r\té\ud83d\ude00\ud800');
    // SPAN_KIND_SERVER = 2, STATUS_CODE_ERROR = 2; times "10" and "20": duration 20 − 10 = 10 ns
    expect([t.kind[0], t.status[0], t.end[0] - t.start[0], t.startUnixNano]).toEqual([2, 2, 10, '10']);
  });

  it('reads 10,000 nested arrayValues and skips 100,000 nested unknown arrays without overflowing the stack', () => {
    const depth = 10_000;
    const nested = '{"arrayValue":{"values":['.repeat(depth) + '{"intValue":"7"}' + ']}}'.repeat(depth);
    const span = (extra: string) =>
      `{"resourceSpans":[{"scopeSpans":[{"spans":[{"spanId":"0000000000000001","startTimeUnixNano":"1","endTimeUnixNano":"2",${extra}}]}]}]}`;
    const t = parseOtlpTrace(span(`"attributes":[{"key":"deep","value":${nested}}]`));
    // 10,000 arrayValues, the outermost being the attribute itself: 10,000 brackets around 7
    const display = t.strings[t.spanAttrs.values[0]];
    expect(display.length).toBe(2 * depth + 1);
    expect(display === '['.repeat(depth) + '7' + ']'.repeat(depth)).toBe(true);
    const deepUnknown = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseOtlpTrace(span(`"unknown":${deepUnknown}`)).spanCount).toBe(1);
  });
});

describe('the OTLP reader rejects what JSON.parse rejects', () => {
  it('throws a TraceParseError on every mutated document JSON.parse rejects, and never another error', () => {
    fc.assert(
      fc.property(docArb, mutationArb, (doc, m) => {
        const text = mutate(doc.text, m);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const error = readerError(text);
        if (error !== undefined) {
          expect(error).toBeInstanceOf(TraceParseError);
        }
        if (!valid) {
          expect(error).toBeInstanceOf(TraceParseError);
        }
      }),
      { numRuns: 1500 }
    );
  });

  it.each([
    ['a raw newline in a string', '{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"a\nb"}]}]}]}'],
    ['a raw control character in a skipped string', '{"resourceSpans":[],"x":"\u0001"}'],
    ['an invalid escape', '{"resourceSpans":[],"x":"\\x41"}'],
    ['a short \\u escape', '{"resourceSpans":[],"x":"\\u12"}'],
    ['a bare word in a skipped value', '{"resourceSpans":[],"x":[1,foo]}'],
    ['mismatched brackets in a skipped value', '{"resourceSpans":[],"x":[1,2}}'],
    [
      'an unquoted enum name',
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"spanId":"0000000000000001","kind":SPAN_KIND_SERVER}]}]}]}',
    ],
    ['a trailing comma', '{"resourceSpans":[],}'],
    ['a leading zero', '{"resourceSpans":[],"x":01}'],
    ['a byte-order mark before the document', '\ufeff{"resourceSpans":[]}'],
    ['single quotes', "{'resourceSpans':[]}"],
    ['a second document', '{"resourceSpans":[]}{}'],
  ])('rejects %s', (_, text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(readerError(text)).toBeInstanceOf(TraceParseError);
  });
});

// ---------- truncation ----------

describe('a document that ends early says so', () => {
  it('for every truncation point of a valid document', () => {
    const text = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'a\u00e9"' } }] },
          scopeSpans: [
            {
              scope: { name: 'lib' },
              spans: [
                {
                  traceId: '0123456789abcdef0123456789abcdef',
                  spanId: 'AAAAAAAAAAE=',
                  name: 'GET \\ /x',
                  kind: 'SPAN_KIND_SERVER',
                  startTimeUnixNano: 1700000000000000000,
                  endTimeUnixNano: '1700000000000001000',
                  attributes: [
                    { key: 'n', value: { intValue: 12 } },
                    { key: 'd', value: { doubleValue: -1.5e-3 } },
                    { key: 'b', value: { boolValue: false } },
                    { key: 'z', value: { stringValue: null } },
                    { key: 'a', value: { arrayValue: { values: [{ stringValue: 'x' }, { intValue: '3' }] } } },
                  ],
                  events: [{ timeUnixNano: '1700000000000000500', name: 'e' }],
                  status: { code: 2 },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(parseOtlpTrace(text).spanCount).toBe(1);
    const wrong: string[] = [];
    for (let k = 0; k < text.length; k++) {
      const error = readerError(text.slice(0, k));
      if (!(error instanceof TraceParseError) || !/ends early/.test(error.message)) {
        wrong.push(`${k}: ${error?.message ?? 'no error'}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('for every truncation point of random valid documents', () => {
    fc.assert(
      fc.property(docArb, fc.double({ min: 0, max: 1, noNaN: true }), (doc, at) => {
        const end = doc.text.trimEnd().length - 1;
        const k = Math.floor(at * end);
        const error = readerError(doc.text.slice(0, k));
        expect(error).toBeInstanceOf(TraceParseError);
        expect(error?.message).toMatch(/ends early/);
      }),
      { numRuns: 500 }
    );
  });
});
