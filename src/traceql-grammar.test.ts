/*
 * Every TraceQL string the app builds parses with Grafana's TraceQL grammar (npm
 * @grafana/lezer-traceql, the parser Grafana's TraceQL editor uses) without an error node, and
 * every string literal and quoted attribute name in it reads back, by Tempo's rules, as exactly the
 * value it was built from. No Tempo runs here (REFERENCE §5): this and the recorded answers
 * (src/data/tempo/*.test.ts) are what check our TraceQL.
 *
 * Tempo's rules, as its lexer (pkg/traceql/lexer.go) applies them: a string literal is read by Go's
 * text/scanner (a raw newline inside "…" ends it with an error, a NUL anywhere is an error) and
 * unquoted by strconv.Unquote (Go escapes; `…` raw strings lose their CRs); a quoted attribute name
 * (`span."a b"`) knows only the escapes \" and \\. Where no literal suits both readers — values
 * holding a NUL, or a newline together with a backtick or a CR — the builders match the exact RE2
 * regex `=~ "^…$"`, which both take; it is read back here by undoing its escapes and checked with a
 * JavaScript RegExp (the same meaning for this subset: escaped metacharacters, `\x00`, `\n`, `\r`).
 * Lone surrogates are written as U+FFFD (Go, and so Tempo, holds no other), so they read back so.
 *
 * Builders covered: traceqlEquals/traceqlAttribute/traceqlDuration/traceqlFilter (data layer), the
 * search page (builderToTraceql, also after its URL round trip), the services page's "Show slow
 * traces" state, the compare page's root filter, the breakdown panel's group links (groupQuery), the
 * "Analyze in TraceLens" extension (passes a query through unchanged), the diagnostics' queries
 * (collected from the requests runDiagnostics sends) and the queries of the recorded Tempo answers.
 * It sits at the top of src/ (with module.tsx and App.tsx) because it reads writers of every layer.
 */
import { parser } from '@grafana/lezer-traceql';
import fc from 'fast-check';
import { analyzeLinkPath } from './extensions/analyzeLink';
import { BuilderState, builderFromParams, builderToParams, builderToTraceql } from './app/searchQuery';
import { groupQuery } from './panels/breakdown/links';
import { runDiagnostics } from './config/diagnostics';
import { slowTracesSearch } from './pages/services/servicesModel';
import { installFakeDatasources } from '../tests/support/datasources';
import { recorded } from '../tests/support/recorded';
import { fetchResponse, installFakeBackend } from '../tests/support/backendSrv';
import { recordedAnswer, upstreamDown } from '../tests/support/recordedBackend';
import { wellFormed } from './data/queries/quote';
import { goUnquote as tempoReads } from './data/queries/testing/go-strings';
import {
  AttributeScope,
  traceqlAttribute,
  traceqlDuration,
  traceqlEquals,
  traceqlFilter,
} from './data/queries/traceql';

// ---- reading a query the way the grammar and Tempo do ----

interface Parsed {
  errors: number[];
  /** String nodes' text, in order */
  strings: string[];
  /** each String's comparison operator (`=`, `=~`…), in order */
  ops: string[];
  /** quoted attribute names' text (`"a b"` of `span."a b"`), in order */
  quotedNames: string[];
  /** bare attribute names (`service.name` of `resource.service.name`), in order */
  bareNames: string[];
  durations: string[];
}

function parse(query: string): Parsed {
  const out: Parsed = { errors: [], strings: [], ops: [], quotedNames: [], bareNames: [], durations: [] };
  parser.parse(query).iterate({
    enter: (node) => {
      const text = query.slice(node.from, node.to);
      if (node.type.isError) {
        out.errors.push(node.from);
      } else if (node.name === 'String') {
        out.strings.push(text);
        // String < Static < FieldExpression, whose previous sibling is the comparison's FieldOp
        const op = node.node.parent?.parent?.prevSibling;
        out.ops.push(op?.name === 'FieldOp' ? query.slice(op.from, op.to) : '');
      } else if (node.name === 'Duration') {
        out.durations.push(text);
      } else if (node.name === 'Identifier' && node.node.parent?.name === 'AttributeField') {
        (text.startsWith('"') ? out.quotedNames : out.bareNames).push(text);
      }
    },
  });
  return out;
}

/** The query parses with no error node (the message names the query and where it broke). */
function expectParses(query: string): Parsed {
  const p = parse(query);
  expect({ query, errorsAt: p.errors }).toEqual({ query, errorsAt: [] });
  return p;
}

/** A quoted attribute name as Tempo reads it (parseQuotedAtrribute: only \" and \\). */
function tempoReadsName(quoted: string): string {
  let out = '';
  const body = quoted.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\u0000') {
      throw new Error('invalid character NUL');
    }
    if (body[i] !== '\\') {
      out += body[i];
      continue;
    }
    const e = body[++i];
    if (e !== '"' && e !== '\\') {
      throw new Error('invalid escape sequence');
    }
    out += e;
  }
  return out;
}

/**
 * The one string an exact regex `^…$` of traceqlEquals matches: its escapes undone (throws on any
 * unescaped metacharacter, which would make it match more than one string).
 */
function exactRegexValue(re: string): string {
  if (!re.startsWith('^') || !re.endsWith('$')) {
    throw new Error(`not anchored: ${re}`);
  }
  const body = re.slice(1, -1);
  const controls: Record<string, string> = { n: '\n', r: '\r' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      if ('.+*?()|[]{}^$'.includes(c)) {
        throw new Error(`unescaped ${c} in ${re}`);
      }
      out += c;
    } else if (body.startsWith('x00', i + 1)) {
      out += '\u0000';
      i += 3;
    } else {
      const e = body[++i];
      out += controls[e] ?? e;
    }
  }
  return out;
}

/** The value each condition `field = "…"` / `field =~ "^…$"` matches, as Tempo reads it, in order. */
function readValues(p: Parsed): string[] {
  return p.strings.map((literal, i) => {
    const text = tempoReads(literal);
    if (p.ops[i] === '=') {
      return text;
    }
    expect(p.ops[i]).toBe('=~');
    const value = exactRegexValue(text);
    const re = new RegExp(text);
    expect([re.test(value), re.test(`${value}x`), re.test(`x${value}`)]).toEqual([true, false, false]);
    return value;
  });
}

const nameOf = (p: Parsed, i: number) => p.quotedNames.map(tempoReadsName).concat(p.bareNames)[i];

// ---- hostile values ----

const CONTROL = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c));
/** Values no literal carries for both readers (see quote.ts): matched with an exact regex. */
const neitherReader = (v: string) => v.includes('\u0000') || (v.includes('\n') && /[`\r]/.test(v));

const VALUES: string[] = [
  '',
  'plain',
  'say "hi"',
  'say \\"hi\\"',
  'back\\slash\\',
  '\\',
  '"',
  '""',
  '`backtick`',
  "it's",
  'line1\nline2',
  'line1\nline2 "quoted" \\ back',
  'tab\there',
  'cr\rhere',
  'all controls but NUL and LF: ' + CONTROL.filter((c) => c !== '\u0000' && c !== '\n').join(''),
  'all controls but NUL and CR: ' + CONTROL.filter((c) => c !== '\u0000' && c !== '\r').join(''),
  ...CONTROL.slice(1).map((c) => `before${c}after`),
  '中文服务 /订单',
  '日本語 😀 👩‍👩‍👧 🇩🇪',
  'שלום עולם', // RTL
  'مرحبا \u200f\u202e reversed',
  '\u2028\u2029\u00a0\ufeff',
  'DEL \u007f, NEL \u0085, LS \u2028, PS \u2029',
  'regex (a|b).*[x]+?$ {} && || !=',
  '} | rate() {',
  '${template} $x',
  '// not a comment /* nor this */',
  'x'.repeat(5000),
];
const NEITHER: string[] = [
  'nul\u0000here',
  '\u0000',
  'line\nand `tick`',
  'line\r\nwindows',
  'all: ' + CONTROL.join(''),
  'regex (a|b).*[x]+?$ {} ^ \\ " \u0000 \\x00 \\n',
  '\r\n\u0000`\u2028 😀',
];
/** Lone surrogates: Go holds U+FFFD in their place, so they are written and read back as that. */
const LONE_SURROGATES: string[] = ['\ud800', 'a\udfffb', '\udc00\ud800', 'pair 😀 and lone \ud83d', 'nul\u0000\ud800'];

const NAMES: string[] = [
  'x_request_id',
  'service.name',
  'http.status_code',
  'http request id',
  'with space',
  'dots.in.the.name',
  'dash-ed',
  'a/b:c',
  'span',
  'span.name',
  'spanId',
  'resource',
  'resource.service.name',
  'parent',
  'event.name',
  'link',
  'instrumentation.name',
  'with',
  'name',
  'status',
  'duration',
  '1digit',
  '42',
  '-leading-dash',
  '.leading.dot',
  'trailing.',
  '',
  ' ',
  'quote"in',
  'back\\slash',
  'tab\tin',
  'new\nline',
  '中文.属性',
  'emoji😀',
  '= && }',
  'kind',
  'statusMessage',
  'rootName',
  'traceDuration',
  'nil',
  'true',
  'ok',
  'trace:id',
  'span:id',
  'event:name',
  'event',
  'instrumentation',
  'über.straße',
  '$var',
  'del\u007f',
  'ls\u2028ps\u2029',
  'x-y.z/w:v',
];

// 2^53 ns = 9_007_199_254.740992 ms; Tempo's longest is 2^63−1 ns = 9_223_372_036_854.775807 ms
const DURATIONS_MS = [
  0,
  0.0000004,
  0.000001,
  0.001,
  0.5,
  1,
  1.5,
  250,
  1234.567891,
  60_000,
  1e9,
  9_007_199_254.740992,
  9_007_199_254.740993,
  1e12,
  9.2e12,
  9_223_372_036_854.5,
  1e15,
  1e21,
  1e300,
  Number.MAX_VALUE,
  Infinity,
];

// ---- the data layer's builders ----

describe('traceqlEquals and traceqlFilter with hostile values', () => {
  it.each(VALUES.map((v) => [JSON.stringify(v).slice(0, 80), v]))(
    'service, span name and attributes = %s parse, and read back exactly',
    (_label, value) => {
      const query = traceqlFilter({
        service: value,
        spanName: value,
        resourceAttributes: { 'deployment.environment': value },
        spanAttributes: { x_request_id: value },
      });
      const p = expectParses(query);
      expect(p.ops).toEqual(['=', '=', '=', '=']);
      expect(readValues(p)).toEqual([value, value, value, value]);
    }
  );

  it.each(NEITHER.map((v) => [JSON.stringify(v), v]))(
    '%s: no literal suits both readers — matched by the exact regex, which parses and matches only it',
    (_label, value) => {
      const p = expectParses(traceqlFilter({ service: value, spanName: value, spanAttributes: { k: value } }));
      expect(p.ops).toEqual(['=~', '=~', '=~']);
      expect(readValues(p)).toEqual([value, value, value]);
    }
  );

  it('writes the exact regex with RE2 escapes, e.g. for "a.b<NUL>c"', () => {
    // `.` escaped as `\.` and NUL as `\x00`; each backslash doubled inside the TraceQL literal
    expect(traceqlEquals('name', 'a.b\u0000c')).toBe('name =~ "^a\\\\.b\\\\x00c$"');
    expect(traceqlEquals('name', 'a\nb`')).toBe('name =~ "^a\\\\nb`$"');
  });

  it.each(LONE_SURROGATES.map((v) => [JSON.stringify(v), v]))(
    '%s is written with U+FFFD and parses',
    (_label, value) => {
      const p = expectParses(
        traceqlFilter({ service: value, spanAttributes: { [value.replace('\u0000', '')]: value } })
      );
      expect(readValues(p)).toEqual([wellFormed(value), wellFormed(value)]);
    }
  );

  it.each(NAMES.map((n) => [JSON.stringify(n), n]))('attribute name %s in every scope', (_label, name) => {
    for (const scope of ['span', 'resource', 'event', 'link', 'instrumentation', ''] as AttributeScope[]) {
      const query = `{ ${traceqlAttribute(scope, name)} = "v" }`;
      const p = expectParses(query);
      expect([query, nameOf(p, 0)]).toEqual([query, name]);
    }
  });

  it('an attribute name holding a NUL has no TraceQL: rejected with where the NUL is', () => {
    expect(() => traceqlAttribute('span', 'a\u0000b')).toThrow(
      new RangeError('TraceQL cannot name an attribute holding a NUL character (at position 1 of "a\\u0000b")')
    );
    expect(() => traceqlFilter({ resourceAttributes: { ['x'.repeat(100) + '\u0000']: 'v' } })).toThrow(
      `(at position 100 of "${'x'.repeat(60)}…" (101 characters))`
    );
  });

  it('attribute names and values together, through traceqlFilter', () => {
    const attrs = Object.fromEntries(NAMES.map((n, i) => [n, VALUES[i % VALUES.length]]));
    const p = expectParses(traceqlFilter({ spanAttributes: attrs, resourceAttributes: attrs }));
    expect(readValues(p)).toEqual([...Object.values(attrs), ...Object.values(attrs)]);
    expect(p.quotedNames.map(tempoReadsName).concat(p.bareNames).sort()).toEqual([...NAMES, ...NAMES].sort());
  });

  it.each(DURATIONS_MS)('duration %p ms parses as a Duration literal, to the nanosecond', (ms) => {
    const p = expectParses(traceqlFilter({ minDurationMs: ms }));
    expect(p.durations).toHaveLength(1);
    expect(p.durations[0]).toBe(traceqlDuration(ms));
    const written = Number(p.durations[0].replace(/ms$/, ''));
    // Tempo's time.Duration ends at 2^63−1 ns (~9.2e12 ms): longer is written as that.
    expect(written).toBeCloseTo(Math.min(ms, 9_223_372_036_854), 6);
    expect(p.durations[0]).toMatch(/^\d+(\.\d{1,6})?ms$/);
  });

  it('durations by hand: 1 ns, sub-ns, fractional ms, 2^53 ns, past Tempo’s longest, and nonsense', () => {
    expect(traceqlDuration(0.000001)).toBe('0.000001ms'); // 1 ns
    expect(traceqlDuration(0.0000004)).toBe('0ms'); // 0.4 ns rounds to 0 ns
    expect(traceqlDuration(0.0000006)).toBe('0.000001ms'); // 0.6 ns rounds to 1 ns
    expect(traceqlDuration(1234.5678914)).toBe('1234.567891ms');
    expect(traceqlDuration(9_007_199_254.740992)).toBe('9007199254.740992ms'); // 2^53 ns
    expect(traceqlDuration(1e15)).toBe('9223372036854ms'); // > 2^63−1 ns: Tempo's longest, whole ms
    expect(traceqlDuration(Infinity)).toBe('9223372036854ms');
    expect(() => traceqlDuration(NaN)).toThrow(new RangeError('a duration must be a number of ms ≥ 0, got NaN'));
    expect(() => traceqlDuration(-0.001)).toThrow(RangeError);
    expect(traceqlDuration(-0)).toBe('0ms');
  });

  it('status and the empty filter', () => {
    for (const status of ['error', 'ok', 'unset'] as const) {
      expectParses(traceqlFilter({ status }));
    }
    expect(expectParses(traceqlFilter({})).strings).toEqual([]);
  });
});

describe('properties (fast-check)', () => {
  // Any code point (lone surrogates included), with the characters that matter to quoting drawn often:
  // every C0 control, DEL, NEL, U+2028/2029, BOM, lone surrogates, quotes, backslashes, braces.
  const char = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.constantFrom(...CONTROL, '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff') },
    { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '😀') },
    { weight: 2, arbitrary: fc.constantFrom('"', '\\', '`', '{', '}', '.', ' ', '$', '^', '(', '|', '*', '-', ':') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('span', 'resource', 'parent', 'event', 'link', 'instrumentation', 'with'),
    },
    { weight: 1, arbitrary: fc.constantFrom('name', 'status', 'duration', 'kind', 'trace:', 'nil', '1') }
  );
  const text = fc.array(char, { maxLength: 24 }).map((parts) => parts.join(''));
  const name = text.filter((n) => !n.includes('\u0000'));
  const filter = fc.record({
    service: text,
    spanName: text,
    resourceKey: name,
    resourceValue: text,
    spanKey: name,
    spanValue: text,
    minMs: fc.option(fc.double({ min: 0, noNaN: true }), { nil: undefined }),
    maxMs: fc.option(fc.oneof(fc.double({ min: 0, noNaN: true }), fc.constantFrom(0.000001, 2 ** 53 / 1e6)), {
      nil: undefined,
    }),
  });

  it('every filter parses with no error node; every condition and name reads back as its (well-formed) text', () => {
    fc.assert(
      fc.property(filter, (f) => {
        const query = traceqlFilter({
          service: f.service,
          spanName: f.spanName,
          minDurationMs: f.minMs,
          maxDurationMs: f.maxMs,
          resourceAttributes: { [f.resourceKey]: f.resourceValue },
          spanAttributes: { [f.spanKey]: f.spanValue },
        });
        const p = parse(query);
        expect({ query, errorsAt: p.errors }).toEqual({ query, errorsAt: [] });
        expect(readValues(p)).toEqual([f.service, f.spanName, f.resourceValue, f.spanValue].map(wellFormed));
        // attribute names in order: service.name, the resource key, the span key (quoted or bare)
        const read: string[] = [];
        parser.parse(query).iterate({
          enter: (n) => {
            if (n.name === 'Identifier' && n.node.parent?.name === 'AttributeField') {
              const t = query.slice(n.from, n.to);
              read.push(t.startsWith('"') ? tempoReadsName(t) : t);
            }
          },
        });
        expect(read).toEqual(['service.name', wellFormed(f.resourceKey), wellFormed(f.spanKey)]);
        // durations: plain decimals of ms, never NaN, Infinity or an exponent
        expect(p.durations.every((d) => /^\d+(\.\d{1,6})?ms$/.test(d))).toBe(true);
        expect(p.durations).toHaveLength((f.minMs === undefined ? 0 : 1) + (f.maxMs === undefined ? 0 : 1));
      }),
      { numRuns: 2000 }
    );
  });

  it('traceqlEquals: a literal exactly when one suits both readers, else the exact regex; both read back', () => {
    fc.assert(
      fc.property(text, (value) => {
        const p = expectParses(`{ ${traceqlEquals('name', value)} }`);
        expect(p.ops).toEqual([neitherReader(wellFormed(value)) ? '=~' : '=']);
        expect(readValues(p)).toEqual([wellFormed(value)]);
      }),
      { numRuns: 3000 }
    );
  });

  it('any attribute name without a NUL, in every scope, parses and reads back; with a NUL it is rejected', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom<AttributeScope>('span', 'resource', 'event', 'link', 'instrumentation', ''),
        (n, scope) => {
          if (n.includes('\u0000')) {
            expect(() => traceqlAttribute(scope, n)).toThrow(RangeError);
            return;
          }
          const p = expectParses(`{ ${traceqlAttribute(scope, n)} = "v" }`);
          expect(nameOf(p, 0)).toBe(wellFormed(n));
        }
      ),
      { numRuns: 3000 }
    );
  });
});

// ---- the app's other builders ----

describe('search page', () => {
  const hostile: BuilderState = {
    service: 'svc "quoted" \\ 中文',
    spanName: 'GET /a\nb',
    status: 'error',
    minMs: 0.001,
    maxMs: 1e12,
    attrs: [
      { scope: 'span', key: 'http request id', value: 'a=b"c' },
      { scope: 'span', key: 'spanKind', value: '😀\t' },
      { scope: 'resource', key: '1st.attr', value: '' },
      { scope: 'resource', key: 'deployment.environment', value: 'שלום' },
    ],
  };

  it('builderToTraceql parses, and survives the URL round trip unchanged', () => {
    const query = builderToTraceql(hostile);
    const p = expectParses(query);
    expect(readValues(p)).toEqual(['svc "quoted" \\ 中文', 'GET /a\nb', '', 'שלום', 'a=b"c', '😀\t']);
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(builderToParams(hostile))) {
      [v ?? []].flat().forEach((x) => params.append(k, x));
    }
    expect(builderToTraceql(builderFromParams(new URLSearchParams(params.toString())))).toBe(query);
  });

  it('a URL attribute whose key holds a NUL (which TraceQL cannot name) is no condition', () => {
    const state = builderFromParams(new URLSearchParams('attr=span.a%00b%3Dv&attr=span.ok%3D%00'));
    expect(state.attrs).toEqual([{ scope: 'span', key: 'ok', value: '\u0000' }]);
    expect(readValues(expectParses(builderToTraceql(state)))).toEqual(['\u0000']);
  });

  it('every single condition alone, and the empty builder', () => {
    expectParses(builderToTraceql({ attrs: [] }));
    expectParses(builderToTraceql({ attrs: [], maxMs: 0 }));
    expectParses(builderToTraceql({ attrs: [], minMs: 1e21, maxMs: 1e21 }));
    for (const attr of hostile.attrs) {
      expectParses(builderToTraceql({ attrs: [attr] }));
    }
  });
});

describe('services page: "Show slow traces"', () => {
  // the services page's slowTracesHref: service and operation of the row, min = its p95 (seconds) in ms to the µs.
  const slowTraces = (service: string, operation: string | undefined, p95: number) =>
    builderToTraceql(slowTracesSearch({ service, operation, rate: 1, errorRatio: 0, p50: NaN, p95, p99: NaN }));

  it.each([
    ['user-service', 'SELECT users', 0.0123456789],
    ['svc "x"', 'GET /users/{id}', 0],
    ['中文', undefined, Infinity],
    ['a\\b', 'op\nname', 1e6],
  ])('%s / %s at p95 %p s', (service, operation, p95) => {
    const p = expectParses(slowTraces(service, operation, p95));
    expect(readValues(p)).toEqual(operation === undefined ? [service] : [service, operation]);
  });
});

describe('compare page: root service and operation', () => {
  // The compare page searches with the filter {service, spanName}, which the Tempo source writes with traceqlFilter.
  it.each([
    ['', ''],
    ['frontend', ''],
    ['', 'GET /checkout'],
    ['front"end', 'GET /a\\b'],
    ['日本', 'line\nbreak'],
    ['tab\t', '`tick`'],
  ])('%j / %j', (service, operation) => {
    const p = expectParses(traceqlFilter({ service: service || undefined, spanName: operation || undefined }));
    expect(readValues(p)).toEqual([service, operation].filter(Boolean));
  });
});

describe('breakdown panel: group links', () => {
  it('service, operation, span kind, model and attribute groups', () => {
    for (const v of [...VALUES, ...NEITHER, ...LONE_SURROGATES]) {
      const w = wellFormed(v);
      expect(readValues(expectParses(groupQuery({ kind: 'service' }, [v])!))).toEqual([w]);
      expect(readValues(expectParses(groupQuery({ kind: 'operation' }, [v, v])!))).toEqual([w, w]);
      expect(readValues(expectParses(groupQuery({ kind: 'attribute', key: 'http.route' }, [v])!))).toEqual([w]);
      expect(readValues(expectParses(groupQuery({ kind: 'model' }, [v])!))).toEqual([w, w]);
    }
    for (const kind of ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer']) {
      expectParses(groupQuery({ kind: 'spanKind' }, [kind])!);
    }
    // an attribute named with a NUL has no TraceQL: no link rather than a broken query or a throw
    expect(groupQuery({ kind: 'attribute', key: 'a\u0000b' }, ['v'])).toBeUndefined();
    for (const key of NAMES) {
      const p = expectParses(groupQuery({ kind: 'attribute', key }, ['v"\\'])!);
      expect([key, nameOf(p, 0), readValues(p)]).toEqual([key, key, ['v"\\']]);
    }
  });
});

describe('"Analyze in TraceLens" (Explore toolbar)', () => {
  it('passes a built query to the search page unchanged', () => {
    const query = traceqlFilter({ service: 'a "b" \\ 中文', spanAttributes: { 'odd key': 'x\ny' } });
    expectParses(query);
    const path = analyzeLinkPath({ targets: [{ refId: 'A', query, datasource: { uid: 'tempo', type: 'tempo' } }] });
    expect(new URL(path!, 'http://grafana').searchParams.get('q')).toBe(query);
  });
});

describe('diagnostics', () => {
  beforeEach(() => installFakeDatasources());

  it('every TraceQL query runDiagnostics sends to Tempo parses', async () => {
    const sent: string[] = [];
    installFakeBackend((request) => {
      const { url, params } = request;
      if (url.includes('/uid/tempo/') && typeof params?.q === 'string') {
        sent.push(params.q);
      }
      if (url.endsWith('/api/echo')) {
        // Tempo's readiness answer, the text "echo" (not recorded)
        return fetchResponse(request, 'echo', 200, 'text/plain');
      }
      if (url.endsWith('/api/search')) {
        return recordedAnswer(request, 'tempo-search');
      }
      if (url.endsWith('/api/metrics/query_range')) {
        return recordedAnswer(request, 'tempo-metrics-query-range');
      }
      return upstreamDown(request);
    });
    // the Tempo datasource under both names the diagnostics have used for it
    const target = { tempoUid: 'tempo', traceUid: 'tempo', promUid: 'prometheus', scheme: 'auto' };
    await runDiagnostics(target as unknown as Parameters<typeof runDiagnostics>[0], new AbortController().signal);
    expect(sent).toEqual(expect.arrayContaining(['{}', '{} | rate()']));
    sent.forEach(expectParses);
  });
});

describe('the queries of the recorded Tempo answers', () => {
  const q = (name: string) => new URL(recorded(name).request, 'http://tempo/').searchParams.get('q')!;

  it('those Tempo answered parse; the one Tempo rejected is marked by the grammar too', () => {
    expectParses(q('tempo-search'));
    expectParses(q('tempo-metrics-query-range'));
    expectParses(q('tempo-metrics-no-local-blocks'));
    expect(q('tempo-search-syntax-error')).toBe('{ resource.service.name = }');
    expect(parse(q('tempo-search-syntax-error')).errors).not.toEqual([]);
  });
});
