import { tinyId, tinyOtlp } from '../../tests/synthetic/tiny';
import { TraceParseError } from './errors';
import { AttrType, ParsedTrace, SpanKind, StatusCode } from './model';
import { parseOtlpTrace } from './otlp';

const SPAN_A = {
  traceId: 'ASNFZ4mrze8BI0VniavN7w==', // base64 of 0123456789abcdef0123456789abcdef
  spanId: 'AAAAAAAAAAE=', // base64 of 0000000000000001
  name: 'GET /users',
  kind: 'SPAN_KIND_SERVER',
  startTimeUnixNano: '1700000000123456789',
  endTimeUnixNano: '1700000000123459789',
};
const SPAN_B = {
  traceId: 'ASNFZ4mrze8BI0VniavN7w==',
  spanId: 'AAAAAAAAAAI=',
  parentSpanId: 'AAAAAAAAAAE=',
  name: 'SELECT',
  kind: 3,
  startTimeUnixNano: '1700000000123457000',
  endTimeUnixNano: '1700000000123458000',
  status: { code: 'STATUS_CODE_ERROR', message: 'timeout' },
};
const RESOURCE = { attributes: [{ key: 'service.name', value: { stringValue: 'users' } }] };

function attrsOf(t: ParsedTrace, span: number): Record<string, [AttrType, string]> {
  const out: Record<string, [AttrType, string]> = {};
  const a = t.spanAttrs;
  for (let k = a.offsets[span]; k < a.offsets[span + 1]; k++) {
    out[t.strings[a.keys[k]]] = [a.types[k] as AttrType, t.strings[a.values[k]]];
  }
  return out;
}

function parseError(input: unknown): string {
  try {
    parseOtlpTrace(input);
  } catch (e) {
    expect(e).toBeInstanceOf(TraceParseError);
    return (e as Error).message;
  }
  throw new Error('expected a TraceParseError');
}

describe('parseOtlpTrace', () => {
  const v2 = {
    trace: {
      resourceSpans: [
        { resource: RESOURCE, scopeSpans: [{ scope: { name: 'db', version: '2' }, spans: [SPAN_A, SPAN_B] }] },
      ],
    },
  };

  it('reads a Tempo v2 response with base64 ids exactly', () => {
    const t = parseOtlpTrace(JSON.stringify(v2));
    expect(t.spanCount).toBe(2);
    expect(t.traceId).toBe('0123456789abcdef0123456789abcdef');
    expect(t.startUnixNano).toBe('1700000000123456789');
    // A: 123459789 − 123456789 = 3000 ns; B starts 123457000 − 123456789 = 211 ns, ends 1211 ns
    expect(Array.from(t.start)).toEqual([0, 211]);
    expect(Array.from(t.end)).toEqual([3000, 1211]);
    expect([t.idHi[1], t.idLo[1], t.parentLo[1], t.hasParent[1], t.hasParent[0]]).toEqual([0, 2, 1, 1, 0]);
    expect([t.kind[0], t.kind[1]]).toEqual([SpanKind.Server, SpanKind.Client]);
    expect([t.status[0], t.status[1]]).toEqual([StatusCode.Unset, StatusCode.Error]);
    expect(t.strings[t.statusMessage[1]]).toBe('timeout');
    expect(t.strings[t.resourceService[t.resource[0]]]).toBe('users');
    expect([t.strings[t.scopeName[t.scope[0]]], t.strings[t.scopeVersion[t.scope[0]]]]).toEqual(['db', '2']);
  });

  it('gives the same trace for v1 batches, plain resourceSpans, hex ids, numeric times and legacy names', () => {
    const reference = parseOtlpTrace(JSON.stringify(v2));
    const hexSpans = [SPAN_A, SPAN_B].map((s) => ({
      ...s,
      traceId: '0123456789abcdef0123456789abcdef',
      spanId: s === SPAN_A ? '0000000000000001' : '0000000000000002',
      ...(s === SPAN_B ? { parentSpanId: '0000000000000001', kind: 'SPAN_KIND_CLIENT' } : {}),
    }));
    const legacy = {
      resource: RESOURCE,
      instrumentationLibrarySpans: [{ instrumentationLibrary: { name: 'db', version: '2' }, spans: hexSpans }],
    };
    const numericTimes = JSON.stringify({ batches: [legacy] }).replace(/"(\d{19})"/g, '$1');
    expect(numericTimes).toContain('"startTimeUnixNano":1700000000123456789');
    for (const text of [numericTimes, JSON.stringify({ resourceSpans: [legacy] })]) {
      const t = parseOtlpTrace(text);
      for (const column of ['start', 'end', 'idHi', 'idLo', 'parentLo', 'hasParent', 'kind', 'status'] as const) {
        expect(Array.from(t[column])).toEqual(Array.from(reference[column]));
      }
      expect(t.traceId).toBe(reference.traceId);
      expect(t.startUnixNano).toBe(reference.startUnixNano);
      expect(t.strings[t.scopeName[t.scope[1]]]).toBe('db');
    }
  });

  it('accepts an already parsed object', () => {
    expect(Array.from(parseOtlpTrace(v2).end)).toEqual([3000, 1211]);
  });

  it('reads every attribute value kind, events and links', () => {
    const span = {
      ...SPAN_A,
      attributes: [
        { key: 's', value: { stringValue: 'x "quoted" \u00e9' } },
        { key: 'i', value: { intValue: '9007199254740993' } },
        { key: 'i2', value: { intValue: 42 } },
        { key: 'd', value: { doubleValue: 1.5 } },
        { key: 'b', value: { boolValue: true } },
        { key: 'y', value: { bytesValue: 'AQI=' } },
        {
          key: 'arr',
          value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '2' }, { arrayValue: {} }] } },
        },
        { key: 'kv', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: false } }] } } },
        { key: 'e', value: {} },
      ],
      events: [
        { timeUnixNano: '1700000000123457789', name: 'retry', attributes: [{ key: 'n', value: { intValue: '2' } }] },
      ],
      links: [
        {
          traceId: 'ASNFZ4mrze8BI0VniavN7w==',
          spanId: 'AAAAAAAAAAk=',
          attributes: [{ key: 'why', value: { stringValue: 'batch' } }],
        },
      ],
    };
    const t = parseOtlpTrace({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
    expect(attrsOf(t, 0)).toEqual({
      s: [AttrType.String, 'x "quoted" é'],
      i: [AttrType.Int, '9007199254740993'],
      i2: [AttrType.Int, '42'],
      d: [AttrType.Double, '1.5'],
      b: [AttrType.Bool, 'true'],
      y: [AttrType.Bytes, 'AQI='],
      arr: [AttrType.Array, '["a",2,[]]'],
      kv: [AttrType.KvList, '{"k":false}'],
      e: [AttrType.Empty, ''],
    });
    // event at 123457789 − 123456789 = 1000 ns
    expect(Array.from(t.events.offsets)).toEqual([0, 1]);
    expect([t.events.time[0], t.strings[t.events.name[0]]]).toEqual([1000, 'retry']);
    expect(t.strings[t.events.attrs.values[0]]).toBe('2');
    expect([t.links.traceId[0], t.links.spanId[0]]).toEqual(['0123456789abcdef0123456789abcdef', '0000000000000009']);
    expect(t.strings[t.links.attrs.keys[0]]).toBe('why');
    // no resource attributes → Grafana's placeholder service name
    expect(t.strings[t.resourceService[0]]).toBe('OTLPResourceNoServiceName');
  });

  it('takes the resource even when it follows the spans, and handles escapes and whitespace', () => {
    const text = `{ "resourceSpans" : [ { "scopeSpans": [ { "spans": [ {
        "spanId": "AAAAAAAAAAE\\u003d", "name": "a\\/b\\n", "startTimeUnixNano": "5", "endTimeUnixNano": "7" } ] } ],
      "resource": { "attributes": [ { "key": "service.name", "value": { "stringValue": "late" } } ] } } ] }`;
    const t = parseOtlpTrace(text);
    expect(t.idLo[0]).toBe(1);
    expect(t.strings[t.name[0]]).toBe('a/b\n');
    expect(t.strings[t.resourceService[t.resource[0]]]).toBe('late');
    expect(t.startUnixNano).toBe('5');
    expect(t.end[0]).toBe(2);
  });

  it('treats an empty or all-zero parentSpanId as a root and clamps an end before the start', () => {
    const t = parseOtlpTrace(
      tinyOtlp([{ id: 'a', start: 10, end: 5 }]).replace('"name"', '"parentSpanId":"AAAAAAAAAAA=","name"')
    );
    expect(t.hasParent[0]).toBe(0);
    expect(t.end[0]).toBe(t.start[0]);
    expect(t.warnings.map((w) => w.message)[0]).toMatch(/^1 span\(s\) \(0+61\) have an end before their start/);
  });

  it('reports malformed input with what and where', () => {
    const tiny = JSON.parse(
      tinyOtlp([
        { id: 'a', start: 0, end: 1 },
        { id: 'b', start: 0, end: 1 },
      ])
    );
    delete tiny.resourceSpans[0].scopeSpans[0].spans[1].startTimeUnixNano;
    // a span without a start is kept (OTLP omits zero fields; see otlp-classes.test.ts)
    expect(parseOtlpTrace(tiny).spanCount).toBe(2);
    expect(
      parseError({
        batches: [{ scopeSpans: [{}, { spans: [{ spanId: 'xyz', startTimeUnixNano: '1', endTimeUnixNano: '2' }] }] }],
      })
    ).toBe(
      'span 0 in batches[0].scopeSpans[1] has an invalid spanId "xyz" (3 characters; expected 16 hex digits or 12 base64 characters)'
    );
    expect(
      parseError({ batches: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: '1', endTimeUnixNano: '2' }] }] }] })
    ).toBe('span 0 in batches[0].scopeSpans[0] has no spanId (it is absent, null or empty)');
    expect(
      parseError({
        trace: { resourceSpans: [{ scopeSpans: [{ spans: [{ spanId: tinyId('a'), startTimeUnixNano: 'soon' }] }] }] },
      })
    ).toBe(
      'startTimeUnixNano of span 0 in trace.resourceSpans[0].scopeSpans[0] is not a time in Unix nanoseconds (decimal digits, at most 2^64−1): "soon"'
    );
    expect(parseError({ resourceSpans: [{ scopeSpans: [{ spans: [{ ...SPAN_A, kind: 'SPAN_KIND_WEIRD' }] }] }] })).toBe(
      'kind of span 0 in resourceSpans[0].scopeSpans[0] has an unknown value "SPAN_KIND_WEIRD"'
    );
    expect(parseError('{"batches": [ {"scopeSpans": [}')).toBe(
      'invalid JSON at line 1, column 31: expected \'{\', found "}"' // 0-based offset 30
    );
    expect(parseError('{"batches": []}\n  x')).toBe(
      'invalid JSON at line 2, column 3: expected the end of the input, found "x"'
    );
    expect(parseError('{"spans": []}')).toBe(
      'not an OTLP trace: expected a top-level "resourceSpans" (or "resource_spans"), "batches", "trace": {"resourceSpans"} or ' +
        '"result": {"resourceSpans"} field; found "spans"'
    );
    expect(parseError(42)).toBe('not an OTLP trace: expected a JSON object or its text, got number');
    expect(parseError('')).toBe(
      "invalid JSON: the document ends early, at line 1, column 1 (character 0), while expecting '{'"
    );
    // 62 characters, so the input ends at offset 62 = column 63
    expect(parseError('{"batches": [{"scopeSpans": [{"spans": [{"name": "unterminated')).toBe(
      'invalid JSON: the document ends early, at line 1, column 63 (character 62), while expecting a closing quote'
    );
    expect(parseError('{"resourceSpans": 5}')).toBe('resourceSpans of the document: expected an array, found a number');
  });

  it('reads the Jaeger v3 wrapper {result:{resourceSpans}} (hex ids, numeric kind, empty status) like Tempo v2', () => {
    const reference = parseOtlpTrace(v2);
    const jaegerSpans = [SPAN_A, SPAN_B].map((s) => ({
      ...s,
      traceId: '0123456789abcdef0123456789abcdef',
      spanId: s === SPAN_A ? '0000000000000001' : '0000000000000002',
      ...(s === SPAN_B ? { parentSpanId: '0000000000000001' } : {}),
      kind: s === SPAN_A ? 2 : 3,
      status: s === SPAN_A ? {} : { code: 2, message: 'timeout' },
    }));
    const t = parseOtlpTrace(
      JSON.stringify({
        result: {
          resourceSpans: [
            { resource: RESOURCE, scopeSpans: [{ scope: { name: 'db', version: '2' }, spans: jaegerSpans }] },
          ],
        },
      })
    );
    for (const column of ['start', 'end', 'idHi', 'idLo', 'parentLo', 'hasParent', 'kind', 'status'] as const) {
      expect(Array.from(t[column])).toEqual(Array.from(reference[column]));
    }
    expect([t.traceId, t.startUnixNano, t.strings[t.statusMessage[1]]]).toEqual([
      reference.traceId,
      reference.startUnixNano,
      'timeout',
    ]);
    expect(parseError({ result: { resourceSpans: [{ scopeSpans: [{ spans: [{ spanId: 'x' }] }] }] } })).toBe(
      'span 0 in result.resourceSpans[0].scopeSpans[0] has an invalid spanId "x" (1 character; expected 16 hex digits or 12 base64 characters)'
    );
  });

  it('fails on spans of several traces (e.g. a Jaeger v3 search answer) instead of merging them', () => {
    const other = { ...SPAN_B, traceId: 'ffffffffffffffffffffffffffffffff' };
    const third = { ...SPAN_B, spanId: 'AAAAAAAAAAM=', traceId: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' };
    expect(
      parseError({
        result: { resourceSpans: [{ scopeSpans: [{ spans: [SPAN_A, other] }, { spans: [third, SPAN_B] }] }] },
      })
    ).toBe(
      'spans of 3 traces in one body (0123456789abcdef0123456789abcdef, then ffffffffffffffffffffffffffffffff ' +
        'at span 1 in result.resourceSpans[0].scopeSpans[0]); expected one trace (group a search answer by traceId first)'
    );
    // one trace whose id is spelt in base64 and in hex is still one trace
    const hexSpelt = { ...SPAN_B, traceId: '0123456789ABCDEF0123456789abcdef' };
    expect(parseOtlpTrace({ resourceSpans: [{ scopeSpans: [{ spans: [SPAN_A, hexSpelt] }] }] }).warnings).toEqual([]);
  });
});
