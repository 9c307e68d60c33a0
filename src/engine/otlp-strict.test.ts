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

// ---------- a JSON writer with random escapes and whitespace ----------

/** Random choices for one document: `pick(n)` is an integer in [0, n). */
type Pick = (n: number) => number;

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const WHITESPACE = ['', '', ' ', '\n', '\t', '\r\n  '];

function u4(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

/** A JSON string literal for `s`: required escapes (short or \u), other chars escaped at random. */
function writeString(s: string, pick: Pick): string {
  let out = '"';
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    const c = s.charCodeAt(k);
    const must = ch === '"' || ch === '\\' || c < 0x20;
    const how = pick(must ? 2 : 8);
    if (must) {
      out += how === 0 && SHORT_ESCAPES[ch] ? SHORT_ESCAPES[ch] : u4(c);
    } else if (how === 0) {
      out += pick(2) === 0 ? u4(c) : u4(c).toUpperCase().replace('\\U', '\\u');
    } else if (how === 1 && ch === '/') {
      out += '\\/';
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

/** A JSON number token written verbatim (the writer's way to put exact digits in the text). */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of `v` with random whitespace around every token and random escapes in every string. */
function writeJson(v: unknown, pick: Pick): string {
  const ws = () => WHITESPACE[pick(WHITESPACE.length)];
  if (v instanceof Raw) {
    return v.text;
  }
  if (typeof v === 'string') {
    return writeString(v, pick);
  }
  if (Array.isArray(v)) {
    return `[${ws()}${v.map((x) => `${writeJson(x, pick)}${ws()}`).join(`,${ws()}`)}]`;
  }
  if (v !== null && typeof v === 'object') {
    const members = Object.entries(v).map(
      ([k, x]) => `${writeString(k, pick)}${ws()}:${ws()}${writeJson(x, pick)}${ws()}`
    );
    return `{${ws()}${members.join(`,${ws()}`)}}`;
  }
  return JSON.stringify(v);
}

// ---------- random valid OTLP documents ----------

/** Strings with every kind of character: escapes, controls, quotes, non-BMP, lone surrogates. */
const textArb = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '"',
      '\\',
      '/',
      '\b',
      '\f',
      '\n',
      '\r',
      '\t',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u2028',
      '\ufeff',
      '\u00a0',
      'é',
      '\ud83d\ude00',
      '\ud800',
      '\udc00'
    ),
    fc.constantFrom('a', 'b', 'Z', ' ', '0', '_', '.')
  ),
  maxLength: 12,
});

interface Value {
  json: object;
  type: AttrType;
  display: string;
}

const DEPTH_LIMIT = 2;

/** Random AnyValue with its expected attribute type and display string. */
function valueArb(depth: number): fc.Arbitrary<Value> {
  const scalars: Array<fc.Arbitrary<Value>> = [
    textArb.map((s) => ({ json: { stringValue: s }, type: AttrType.String, display: s })),
    fc
      .bigInt({ min: BigInt('-9223372036854775808'), max: BigInt('9223372036854775807') })
      .map((i) => ({ json: { intValue: String(i) }, type: AttrType.Int, display: String(i) })),
    fc
      .integer({ min: -1e6, max: 1e6 })
      .map((i) => ({ json: { intValue: new Raw(String(i)) }, type: AttrType.Int, display: String(i) })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => ({
      json: { doubleValue: new Raw(JSON.stringify(d)) },
      type: AttrType.Double,
      display: String(Object.is(d, -0) ? 0 : d),
    })),
    fc.boolean().map((b) => ({ json: { boolValue: b }, type: AttrType.Bool, display: String(b) })),
    fc.base64String({ maxLength: 12 }).map((s) => ({ json: { bytesValue: s }, type: AttrType.Bytes, display: s })),
    fc.constant({ json: {}, type: AttrType.Empty, display: '' }),
  ];
  if (depth >= DEPTH_LIMIT) {
    return fc.oneof(...scalars);
  }
  const inner = fc.array(valueArb(depth + 1), { maxLength: 3 });
  return fc.oneof(
    ...scalars,
    inner.map((vs) => ({
      json: { arrayValue: { values: vs.map((v) => v.json) } },
      type: AttrType.Array,
      display: JSON.stringify(vs.map(plain)),
    })),
    fc.array(fc.tuple(textArb, valueArb(depth + 1)), { maxLength: 3 }).map((kvs) => ({
      json: { kvlistValue: { values: kvs.map(([key, v]) => ({ key, value: v.json })) } },
      type: AttrType.KvList,
      display: JSON.stringify(Object.fromEntries(kvs.map(([key, v]) => [key, plain(v)]))),
    }))
  );
}

/** The plain JSON value a nested AnyValue is displayed as (compared after JSON.parse). */
function plain(v: Value): unknown {
  switch (v.type) {
    case AttrType.Int:
    case AttrType.Double:
      return Number(v.display);
    case AttrType.Bool:
      return v.display === 'true';
    case AttrType.Array:
    case AttrType.KvList:
      return JSON.parse(v.display);
    case AttrType.Empty:
      return null;
    default:
      return v.display;
  }
}

const attrsArb = fc.array(fc.tuple(textArb, valueArb(0)), { maxLength: 4 });

interface SpanModel {
  id: string;
  parent: string;
  name: string;
  kind: number;
  start: bigint;
  end: bigint;
  attrs: Array<[string, Value]>;
  events: Array<{ name: string; time: bigint; attrs: Array<[string, Value]> }>;
}

const BASE = BigInt('1700000000000000000');
const KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
];

const spanArb = fc.record({
  name: textArb,
  kind: fc.integer({ min: 0, max: 5 }),
  start: fc.bigInt({ min: BigInt(1), max: BigInt(1000000000) }),
  length: fc.bigInt({ min: BigInt(0), max: BigInt(1000000) }),
  attrs: attrsArb,
  events: fc.array(
    fc.record({ name: textArb, at: fc.bigInt({ min: BigInt(0), max: BigInt(1000) }), attrs: attrsArb }),
    { maxLength: 2 }
  ),
});

interface DocModel {
  spans: SpanModel[];
  service: string;
  /** per span: field order, id spelling, time spelling, kind spelling */
  text: string;
}

/** Hex of span i's id (never 0). */
function hexId(i: number): string {
  return (0x1000 + i * 7919).toString(16).padStart(16, '0');
}

function base64Of(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

/** Random valid OTLP documents, their model, written with random escapes/whitespace/order/spelling. */
const docArb: fc.Arbitrary<DocModel> = fc
  .record({
    spans: fc.array(spanArb, { minLength: 1, maxLength: 4 }),
    service: textArb,
    seed: fc.integer(),
    snake: fc.boolean(),
    wrapper: fc.constantFrom('plain', 'batches', 'trace', 'result'),
  })
  .map(({ spans, service, seed, snake, wrapper }) => {
    let state = seed >>> 0 || 1;
    const pick: Pick = (n) => {
      // xorshift32: deterministic per document
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % n;
    };
    const key = (camel: string) => (snake ? camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : camel);
    const models: SpanModel[] = spans.map((s, i) => ({
      id: hexId(i),
      parent: i === 0 ? '' : hexId(pick(i)),
      name: s.name,
      kind: s.kind,
      start: BASE + s.start,
      end: BASE + s.start + s.length,
      attrs: s.attrs,
      events: s.events.map((e) => ({ name: e.name, time: BASE + s.start + e.at, attrs: e.attrs })),
    }));
    const attrJson = (attrs: Array<[string, Value]>) =>
      attrs.map(([k, v]) => ({ key: k, value: snakeValue(v.json, key) }));
    const time = (t: bigint) => (pick(3) === 0 ? new Raw(String(t)) : String(t));
    const spanJson = models.map((m) => {
      const fields: Array<[string, unknown]> = [
        [key('traceId'), pick(2) ? '0123456789abcdef0123456789abcdef' : 'ASNFZ4mrze8BI0VniavN7w=='],
        [key('spanId'), pick(2) ? m.id : base64Of(m.id)],
        [key('name'), m.name],
        [key('kind'), pick(2) ? KIND_NAMES[m.kind] : new Raw(String(m.kind))],
        [key('startTimeUnixNano'), time(m.start)],
        [key('endTimeUnixNano'), time(m.end)],
        ['attributes', attrJson(m.attrs)],
        [
          'events',
          m.events.map((e) => ({ [key('timeUnixNano')]: time(e.time), name: e.name, attributes: attrJson(e.attrs) })),
        ],
        ['status', { code: 'STATUS_CODE_OK' }],
        ['unknownField', { nested: [1, 'two', [true, null, { x: -0.5e-3 }]] }],
      ];
      if (m.parent !== '') {
        fields.push([key('parentSpanId'), pick(2) ? m.parent : base64Of(m.parent)]);
      }
      // shuffle the member order (Fisher–Yates with the document's choices)
      for (let k = fields.length - 1; k > 0; k--) {
        const j = pick(k + 1);
        [fields[k], fields[j]] = [fields[j], fields[k]];
      }
      return Object.fromEntries(fields);
    });
    const resourceSpans = [
      {
        resource: { attributes: [{ key: 'service.name', value: { [key('stringValue')]: service } }] },
        [key('scopeSpans')]: [{ scope: { name: 'lib', version: '1' }, spans: spanJson }],
      },
    ];
    const list = key('resourceSpans');
    const doc =
      wrapper === 'batches'
        ? { batches: resourceSpans }
        : wrapper === 'plain'
          ? { [list]: resourceSpans }
          : { [wrapper]: { [list]: resourceSpans } };
    return {
      spans: models,
      service,
      text: `${WHITESPACE[pick(WHITESPACE.length)]}${writeJson(doc, pick)}${WHITESPACE[pick(WHITESPACE.length)]}`,
    };
  });

/** An AnyValue's JSON with its member names spelt by `key` (snake_case or camelCase). */
function snakeValue(json: object, key: (camel: string) => string): object {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    if (k === 'arrayValue' || k === 'kvlistValue') {
      const values = (v as { values: unknown[] }).values.map((x) =>
        k === 'arrayValue'
          ? snakeValue(x as object, key)
          : { ...(x as object), value: snakeValue((x as { value: object }).value, key) }
      );
      out[key(k)] = { values };
    } else {
      out[key(k)] = v;
    }
  }
  return out;
}

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

// ---------- invalid documents ----------

/** A mutation of a valid document's text (positions as fractions of its length). */
const mutationArb = fc.record({
  kind: fc.constantFrom(
    'truncate',
    'control',
    'badEscape',
    'bareWord',
    'trailingComma',
    'bracket',
    'loneSurrogate',
    'delete',
    'duplicateComma',
    'leadingZero'
  ),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  control: fc.integer({ min: 0, max: 0x1f }),
  word: fc.constantFrom(
    'x',
    'True',
    'nul',
    'NaN',
    'Infinity',
    "'a'",
    'SPAN_KIND_SERVER',
    'undefined',
    '.5',
    '+1',
    '0x10',
    '1.',
    '-',
    '1e'
  ),
});

function mutate(text: string, m: { kind: string; at: number; control: number; word: string }): string {
  const p = Math.min(text.length - 1, Math.floor(m.at * text.length));
  const nextOf = (chars: string) => {
    for (let k = p; k < text.length; k++) {
      if (chars.includes(text[k])) {
        return k;
      }
    }
    return -1;
  };
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, p);
    case 'control':
      return text.slice(0, p) + String.fromCharCode(m.control) + text.slice(p);
    case 'badEscape': {
      const q = nextOf('"');
      return q < 0 ? text : `${text.slice(0, q + 1)}\\${"xa0v'U"[m.control % 6]}${text.slice(q + 1)}`;
    }
    case 'bareWord': {
      const q = nextOf(':,[');
      return q < 0 ? text : `${text.slice(0, q + 1)}${m.word}${text.slice(q + 1)}`;
    }
    case 'trailingComma': {
      const q = nextOf(']}');
      return q < 0 ? text : `${text.slice(0, q)},${text.slice(q)}`;
    }
    case 'bracket': {
      const q = nextOf('[]{}');
      const swap: Record<string, string> = { '[': '{', ']': '}', '{': '[', '}': ']' };
      return q < 0 ? text : text.slice(0, q) + swap[text[q]] + text.slice(q + 1);
    }
    case 'loneSurrogate': {
      const q = nextOf('"');
      return q < 0 ? text : `${text.slice(0, q + 1)}\ud800${m.control % 2 ? '\\udc00x' : ''}${text.slice(q + 1)}`;
    }
    case 'delete':
      return text.slice(0, p) + text.slice(p + 1);
    case 'duplicateComma': {
      const q = nextOf(',');
      return q < 0 ? text : `${text.slice(0, q)},${text.slice(q)}`;
    }
    default: {
      const q = nextOf('123456789');
      return q < 0 ? text : `${text.slice(0, q)}0${text.slice(q)}`;
    }
  }
}

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
