/**
 * The memo of attribute texts (text-memo.ts) and the comparison it rests on (text-at.ts): unit
 * cases by hand, and the OTLP reader on documents whose attributes repeat — written the same,
 * nearly the same (one character, same length; a `}` inside a value), the same in other words
 * (members swapped, whitespace, an escape) — against what `JSON.parse` of each attribute says,
 * whole and cut into random pieces; and both readers (OTLP attributes, Jaeger span tags) against
 * themselves on the same document with every attribute's text made unique by its spacing, where
 * the memo never finds one.
 */
import fc from 'fast-check';

import { parseJaegerTrace } from './jaeger-json';
import { AttrType, ParsedTrace } from './model';
import { otlpJsonPieces, parseOtlpJson } from './otlp-json';
import { ownCopy, textAt } from './text-at';
import { TextMemo } from './text-memo';

describe('textAt', () => {
  it('answers as startsWith does at any position from 0, for texts running past the end too (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '}', 'é', '\ud83d\ude00'), maxLength: 20 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 25 }), (s, part, at) => {
        expect(textAt(s, at, part)).toBe(s.startsWith(part, at));
      })
    );
  });

  it('copies a text with its characters', () => {
    const long = 'x'.repeat(50);
    expect(ownCopy(long.slice(10, 30))).toBe('x'.repeat(20));
    expect(ownCopy('short')).toBe('short');
  });
});

describe('TextMemo', () => {
  const attr = '{"key":"db.system","value":{"stringValue":"redis"}}';

  it('matches a remembered object only where the text continues with all of it', () => {
    const memo = new TextMemo();
    const s = `[${attr},${attr}]`;
    const slot = memo.slot(s, 1);
    expect(memo.match(slot, s, 1)).toBe(0);
    memo.remember(slot, s, 1, 1 + attr.length, 4, AttrType.String, 9);
    expect(memo.slot(s, 2 + attr.length)).toBe(slot);
    expect(memo.match(slot, s, 2 + attr.length)).toBe(attr.length);
    expect([memo.first[slot], memo.second[slot], memo.third[slot]]).toEqual([4, AttrType.String, 9]);
    // cut short, as a piece of chunked input ends
    const cut = s.slice(0, s.length - 3);
    expect(memo.match(slot, cut, 2 + attr.length)).toBe(0);
    // the same stretch up to its first '}' and another ending
    const other = `[${attr.replace('}}', '},"x":1}')}]`;
    expect(memo.slot(other, 1)).toBe(slot);
    expect(memo.match(slot, other, 1)).toBe(0);
    // the same slot, the same length, one character apart
    const near = `[${attr.replace('redis', 'rexis')}]`;
    expect(memo.slot(near, 1)).toBe(slot);
    expect(memo.match(slot, near, 1)).toBe(0);
  });

  it('has no slot where the text holds no closing brace yet', () => {
    expect(new TextMemo().slot('[{"key":"a","value":{"stringValue":"b"', 1)).toBe(-1);
  });

  it('does not remember objects longer than 400 characters', () => {
    const memo = new TextMemo();
    const long = `{"key":"sql","value":{"stringValue":"${'s'.repeat(400)}"}}`;
    const slot = memo.slot(long, 0);
    memo.remember(slot, long, 0, long.length, 1, AttrType.String, 2);
    expect(memo.match(slot, long, 0)).toBe(0);
  });
});

/** Attribute texts that repeat, differ slightly, or say the same differently. */
const POOL = [
  '{"key":"db.system","value":{"stringValue":"redis"}}',
  '{"key":"db.system","value":{"stringValue":"rediz"}}',
  '{"key":"db.system","value":{"stringValue":"mysql"}}',
  // the same slot as the first (same length to the first '}', same characters around it)
  '{"key":"db.systen","value":{"stringValue":"redis"}}',
  '{"key":"db.system","value":{"stringValue":"rexis"}}',
  '{"value":{"stringValue":"redis"},"key":"db.system"}',
  '{ "key" : "db.system", "value" : { "stringValue" : "redis" } }',
  '{"key":"db.system","value":{"stringValue":"r\\u0065dis"}}',
  '{"key":"http.route","value":{"stringValue":"/users/{id}"}}',
  '{"key":"http.route","value":{"stringValue":"/users/{ix}"}}',
  '{"key":"rpc.target","value":{"intValue":"5"}}',
  '{"key":"rpc.target","value":{"intValue":"6"}}',
  '{"key":"rpc.target","value":{"intValue":5}}',
  '{"key":"retry","value":{"boolValue":true}}',
  '{"key":"retry","value":{"boolValue":false}}',
  '{"key":"ratio","value":{"doubleValue":0.5}}',
  '{"key":"empty","value":{}}',
  '{"key":"tags","value":{"arrayValue":{"values":[{"stringValue":"a"}]}}}',
  '{"key":"db.system","value":{"stringValue":"redis"},"extra":{"x":1}}',
];

/** What an attribute text says, read with JSON.parse: key, type, display. */
function expected(text: string): [string, AttrType, string] {
  const { key, value } = JSON.parse(text);
  const [field, v] = Object.entries(value)[0] ?? ['', undefined];
  switch (field) {
    case 'stringValue':
      return [key, AttrType.String, v as string];
    case 'intValue':
      return [key, AttrType.Int, String(v)];
    case 'boolValue':
      return [key, AttrType.Bool, String(v)];
    case 'doubleValue':
      return [key, AttrType.Double, String(v)];
    case 'arrayValue':
      return [
        key,
        AttrType.Array,
        JSON.stringify((v as { values: Array<{ stringValue: string }> }).values.map((x) => x.stringValue)),
      ];
    default:
      return [key, AttrType.Empty, ''];
  }
}

function spanAttrs(t: ParsedTrace, span: number): Array<[string, AttrType, string]> {
  const table = t.spanAttrs;
  const out: Array<[string, AttrType, string]> = [];
  for (let k = table.offsets[span]; k < table.offsets[span + 1]; k++) {
    out.push([t.strings[table.keys[k]], table.types[k] as AttrType, t.strings[table.values[k]]]);
  }
  return out;
}

function documentOf(spans: number[][]): string {
  const list = spans.map(
    (picks, i) =>
      `{"traceId":"0123456789abcdef0123456789abcdef","spanId":"${(i + 1).toString(16).padStart(16, '0')}",` +
      `"name":"s","startTimeUnixNano":"1","endTimeUnixNano":"2","attributes":[${picks.map((p) => POOL[p]).join(',')}]}`
  );
  return `{"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[${list.join(',')}]}]}]}`;
}

describe('the OTLP reader with repeated attributes', () => {
  const spansArb = fc.array(fc.array(fc.integer({ min: 0, max: POOL.length - 1 }), { maxLength: 5 }), {
    minLength: 1,
    maxLength: 12,
  });

  it('reads each attribute as JSON.parse does, whole and in random pieces (property)', () => {
    fc.assert(
      fc.property(
        spansArb,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 50 }),
        (spans, sizes) => {
          const text = documentOf(spans);
          const pieces: string[] = [];
          for (let at = 0, k = 0; at < text.length; k++) {
            const size = sizes[k % sizes.length];
            pieces.push(text.slice(at, at + size));
            at += size;
          }
          const reader = otlpJsonPieces();
          pieces.forEach((piece) => reader.push(piece));
          for (const t of [parseOtlpJson(text), reader.end()]) {
            spans.forEach((picks, i) => {
              expect(spanAttrs(t, i)).toEqual(picks.map((p) => expected(POOL[p])));
            });
          }
        }
      )
    );
  });

  it('does not take an attribute that only starts like a remembered one', () => {
    // the second span's attribute is the first one's text up to its last '}', and goes on
    const text = documentOf([[0, 0], [POOL.length - 1]]);
    const t = parseOtlpJson(text);
    expect(spanAttrs(t, 1)).toEqual([['db.system', AttrType.String, 'redis']]);
  });
});

/** The trace as JSON text (typed arrays as arrays), or the error's message. */
function outcome(read: () => ParsedTrace): string {
  try {
    return JSON.stringify(read(), (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v));
  } catch (e) {
    return (e as Error).message;
  }
}

/** Each `{` of an attribute (`{"key"`) given its own count of spaces: no two attribute texts alike. */
function spacedApart(text: string): string {
  let n = 0;
  return text.replace(/\{"key"/g, () => `{${' '.repeat(++n)}"key"`);
}

/** Jaeger span tags that repeat, differ slightly, or are special (kind, error, status). */
const JAEGER_TAGS = [
  '{"key":"db.system","type":"string","value":"redis"}',
  '{"key":"db.system","type":"string","value":"rexis"}',
  '{"key":"db.systen","type":"string","value":"redis"}',
  '{"key":"rpc.target","type":"int64","value":5}',
  '{"key":"rpc.target","type":"int64","value":6}',
  '{"key":"ratio","type":"float64","value":0.5}',
  '{"key":"retry","type":"bool","value":true}',
  '{"key":"span.kind","type":"string","value":"client"}',
  '{"key":"span.kind","type":"string","value":"server"}',
  '{"key":"error","type":"bool","value":true}',
  '{"key":"otel.status_code","type":"string","value":"ERROR"}',
  '{"key":"otel.status_description","type":"string","value":"timeout"}',
  '{"key":"otel.scope.name","type":"string","value":"lib"}',
];

function jaegerDocument(spans: number[][]): string {
  const list = spans.map(
    (picks, i) =>
      `{"traceID":"0123456789abcdef0123456789abcdef","spanID":"${(i + 1).toString(16).padStart(16, '0')}",` +
      `"operationName":"s","references":[],"startTime":1700000000000000,"duration":${i + 1},` +
      `"tags":[${picks.map((p) => JAEGER_TAGS[p]).join(',')}],"processID":"p1"}`
  );
  return `{"data":[{"traceID":"0123456789abcdef0123456789abcdef","spans":[${list.join(',')}],"processes":{"p1":{"serviceName":"svc","tags":[]}}}]}`;
}

describe('the memo changes nothing a reader gives', () => {
  const picks = (max: number) =>
    fc.array(fc.array(fc.integer({ min: 0, max }), { maxLength: 6 }), { minLength: 1, maxLength: 10 });

  it('OTLP: a document reads as its copy whose attribute texts all differ (property)', () => {
    fc.assert(
      fc.property(picks(POOL.length - 1), (spans) => {
        const text = documentOf(spans);
        expect(outcome(() => parseOtlpJson(text))).toBe(outcome(() => parseOtlpJson(spacedApart(text))));
      })
    );
  });

  it('Jaeger: a document reads as its copy whose span tag texts all differ, special tags included (property)', () => {
    fc.assert(
      fc.property(picks(JAEGER_TAGS.length - 1), (spans) => {
        const text = jaegerDocument(spans);
        expect(outcome(() => parseJaegerTrace(text))).toBe(outcome(() => parseJaegerTrace(spacedApart(text))));
      })
    );
  });

  it('Jaeger: repeated tags give every span its kind, status and attributes', () => {
    const t = parseJaegerTrace(
      jaegerDocument([
        [0, 7, 9],
        [0, 7, 9],
        [0, 8],
      ])
    );
    expect(Array.from(t.kind)).toEqual([3, 3, 2]);
    expect(Array.from(t.status)).toEqual([2, 2, 0]);
    expect(spanAttrs(t, 1)).toEqual([['db.system', AttrType.String, 'redis']]);
  });
});
