/**
 * Test support: random valid OTLP/JSON documents with their model (every string escape in values
 * and keys, whitespace between every token, every AnyValue kind, shuffled member order, both
 * spellings and id/time/kind encodings), and mutations of their text that break them. Shared by
 * the reader's strict tests and its pieces-against-whole-text tests.
 */
import fc from 'fast-check';

import { KIND_NAMES } from '../../../tests/synthetic/otlp';
import { AttrType } from '../model';

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

export interface Value {
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

export interface SpanModel {
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

export interface DocModel {
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
export const docArb: fc.Arbitrary<DocModel> = fc
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

// ---------- invalid documents ----------

/** A mutation of a valid document's text (positions as fractions of its length). */
export const mutationArb = fc.record({
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

export function mutate(text: string, m: { kind: string; at: number; control: number; word: string }): string {
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
