import { readFileSync } from 'fs';
import { join } from 'path';

import fc from 'fast-check';

import { generateBatch } from '../../tests/generator/batch';
import { SynthTrace } from '../../tests/synthetic/generate';
import { toJaegerJson } from '../../tests/synthetic/jaeger';
import { toOtlpJson } from '../../tests/synthetic/otlp';
import { recorded, wireText } from '../../tests/support/recorded';
import { analyzeTrace, criticalPathSections, spanIdOf, TraceAnalysis } from './analyze';
import { breakdown } from './breakdown';
import { TraceParseError } from './errors';
import { parseJaegerTrace, parseJaegerTraceObject, parseJaegerTraces } from './jaeger-json';
import { AttrTable, AttrType, ParsedTrace, serviceOf, SpanKind, StatusCode } from './model';
import { parseOtlpTrace } from './otlp';
import { toOtlpJson as writeOtlp } from './otlp-writer';
import { jsonPaths, replaceAt } from './testing/json-paths';

const TRACE = '0123456789abcdef0123456789abcdef';
const OTHER = 'ffffffffffffffffffffffffffffffff';
const T0 = 1700000000000000; // µs

const kv = (key: string, type: string, value: unknown) => ({ key, type, value });

/** Three spans: A (server) ← B (client, CHILD_OF A, error); C FOLLOWS_FROM A and a span of another trace. */
function handBody() {
  return {
    data: [
      {
        traceID: TRACE,
        spans: [
          {
            traceID: TRACE,
            spanID: '000000000000000a',
            operationName: 'GET /users',
            references: [],
            startTime: T0,
            duration: 5000,
            tags: [
              kv('otel.scope.name', 'string', 'http'),
              kv('otel.scope.version', 'string', '1.2'),
              kv('http.status_code', 'int64', 200),
              kv('span.kind', 'string', 'server'),
            ],
            logs: [],
            processID: 'p1',
            warnings: null,
          },
          {
            traceID: TRACE,
            spanID: '000000000000000b',
            operationName: 'SELECT',
            references: [{ refType: 'CHILD_OF', traceID: TRACE, spanID: '000000000000000a' }],
            startTime: T0 + 1000,
            duration: 2000,
            tags: [
              kv('db.rows', 'float64', 1.5),
              kv('retried', 'bool', false),
              kv('blob', 'binary', 'AQI='),
              kv('span.kind', 'string', 'client'),
              kv('otel.status_code', 'string', 'ERROR'),
              kv('error', 'bool', true),
              kv('otel.status_description', 'string', 'timeout'),
            ],
            logs: [{ timestamp: T0 + 1500, fields: [kv('event', 'string', 'retry'), kv('attempt', 'int64', 2)] }],
            processID: 'p2',
            warnings: null,
          },
          {
            traceID: TRACE,
            spanID: '000000000000000c',
            operationName: 'notify',
            references: [
              { refType: 'FOLLOWS_FROM', traceID: TRACE, spanID: '000000000000000a' },
              { refType: 'FOLLOWS_FROM', traceID: OTHER, spanID: '0000000000000001' },
            ],
            startTime: T0 + 4000,
            duration: 3000,
            tags: [kv('span.kind', 'string', 'consumer')],
            logs: [],
            processID: 'p2',
            warnings: null,
          },
        ],
        processes: {
          p1: { serviceName: 'users', tags: [kv('host.name', 'string', 'h1')] },
          p2: { serviceName: 'db', tags: [] },
        },
        warnings: null,
      },
    ],
    total: 0,
    limit: 0,
    offset: 0,
    errors: null,
  };
}

function attrs(t: ParsedTrace, table: AttrTable, owner: number): Record<string, [AttrType, string]> {
  const out: Record<string, [AttrType, string]> = {};
  for (let k = table.offsets[owner]; k < table.offsets[owner + 1]; k++) {
    out[t.strings[table.keys[k]]] = [table.types[k] as AttrType, t.strings[table.values[k]]];
  }
  return out;
}

function parseError(text: string): string {
  try {
    parseJaegerTrace(text);
  } catch (e) {
    expect(e).toBeInstanceOf(TraceParseError);
    return (e as Error).message;
  }
  throw new Error('expected a TraceParseError');
}

/** The hand body with span `s` changed by `patch` (fields set to undefined are removed). */
function withSpan(s: number, patch: Record<string, unknown>): string {
  const body = handBody();
  Object.assign(body.data[0].spans[s], patch);
  return JSON.stringify(body);
}

/** Self time per span id and the critical path: what must not depend on the input format. */
function timings(a: TraceAnalysis) {
  const self: Record<string, number> = {};
  for (let i = 0; i < a.trace.spanCount; i++) {
    self[spanIdOf(a.trace, i)] = a.selfTime[i];
  }
  return { self, path: criticalPathSections(a).map((s) => [s.spanId, s.start, s.end]), duration: a.duration };
}

describe('parseJaegerTrace', () => {
  it('reads a hand-made body: times, tree, kinds, status, scope, tags, logs, processes', () => {
    const t = parseJaegerTrace(JSON.stringify(handBody()));
    expect(t.traceId).toBe(TRACE);
    expect(t.startUnixNano).toBe('1700000000000000000'); // T0 µs × 1000
    // A [0, 5000 µs], B [1000, 3000 µs], C [4000, 7000 µs], in ns
    expect(Array.from(t.start)).toEqual([0, 1e6, 4e6]);
    expect(Array.from(t.end)).toEqual([5e6, 3e6, 7e6]);
    // B: CHILD_OF A; C: only FOLLOWS_FROM references, the first into its own trace (A) is the parent
    expect(Array.from(t.hasParent)).toEqual([0, 1, 1]);
    expect([t.parentLo[1], t.parentLo[2]]).toEqual([0xa, 0xa]);
    // links: B's CHILD_OF parent is not one; C keeps both references, each with its type
    expect(Array.from(t.links.offsets)).toEqual([0, 0, 0, 2]);
    expect([t.links.traceId, t.links.spanId]).toEqual([
      [TRACE, OTHER],
      ['000000000000000a', '0000000000000001'],
    ]);
    expect(attrs(t, t.links.attrs, 1)).toEqual({ 'opentracing.ref_type': [AttrType.String, 'follows_from'] });
    expect(Array.from(t.kind)).toEqual([SpanKind.Server, SpanKind.Client, SpanKind.Consumer]);
    expect(Array.from(t.status)).toEqual([StatusCode.Unset, StatusCode.Error, StatusCode.Unset]);
    expect(t.strings[t.statusMessage[1]]).toBe('timeout');
    // the tags the model now holds (kind, status, scope) are gone; the rest keep their types
    expect(attrs(t, t.spanAttrs, 0)).toEqual({ 'http.status_code': [AttrType.Int, '200'] });
    expect(attrs(t, t.spanAttrs, 1)).toEqual({
      'db.rows': [AttrType.Double, '1.5'],
      retried: [AttrType.Bool, 'false'],
      blob: [AttrType.Bytes, 'AQI='],
    });
    expect(attrs(t, t.spanAttrs, 2)).toEqual({});
    expect([t.strings[t.scopeName[t.scope[0]]], t.strings[t.scopeVersion[t.scope[0]]]]).toEqual(['http', '1.2']);
    expect([t.strings[t.scopeName[t.scope[1]]], t.scope[1] === t.scope[2]]).toEqual(['', true]);
    // B's log at T0 + 1500 µs = 1.5e6 ns, named by its "event" field
    expect(Array.from(t.events.offsets)).toEqual([0, 0, 1, 1]);
    expect([t.events.time[0], t.strings[t.events.name[0]]]).toEqual([1.5e6, 'retry']);
    expect(attrs(t, t.events.attrs, 0)).toEqual({ attempt: [AttrType.Int, '2'] });
    // processes come after the spans in the text: the spans still get them
    expect([0, 1, 2].map((i) => serviceOf(t, i))).toEqual(['users', 'db', 'db']);
    expect(attrs(t, t.resourceAttrs, t.resource[0])).toEqual({
      'service.name': [AttrType.String, 'users'],
      'host.name': [AttrType.String, 'h1'],
    });
    expect(t.warnings).toEqual([]);
  });

  it('analyses the hand-made body (worked by hand)', () => {
    const a = analyzeTrace(parseJaegerTrace(JSON.stringify(handBody())));
    // A [0,5] ms has B [1,3] and C [4,7] (clipped to [4,5]) under it: 5 − 2 − 1 = 2 ms self
    expect(Array.from(a.selfTime)).toEqual([2e6, 2e6, 3e6]);
    // the trace ends with C at 7 ms; C is async (CONSUMER, FOLLOWS_FROM A), so A does not wait for it:
    // A works [0,1], waits on B [1,3], works [3,5] to its end, then C's part after A's end [5,7]
    expect(timings(a).path).toEqual([
      ['000000000000000a', 0, 1e6],
      ['000000000000000b', 1e6, 3e6],
      ['000000000000000a', 3e6, 5e6],
      ['000000000000000c', 5e6, 7e6],
    ]);
    expect(a.duration).toBe(7e6);
    expect(a.warnings.map((w) => [w.kind, w.count])).toEqual([['childOutlivesParent', 1]]);
  });

  it('drops a synthetic tag only where the model holds the same fact', () => {
    const t = parseJaegerTrace(
      withSpan(0, {
        tags: [
          kv('span.kind', 'string', 'gateway'), // unknown kind: kept
          kv('otel.status_code', 'string', 'OK'), // overridden by error=true: kept
          kv('error', 'string', 'true'), // as Jaeger UI reads it: status ERROR
          kv('otel.status_description', 'string', 'boom'),
          kv('internal.span.format', 'string', 'otlp'), // nowhere else in the model: kept
          kv('otel.library.name', 'string', 'old-lib'), // older scope tag: the scope
        ],
      })
    );
    expect([t.kind[0], t.status[0], t.strings[t.statusMessage[0]]]).toEqual([
      SpanKind.Unspecified,
      StatusCode.Error,
      'boom',
    ]);
    expect(attrs(t, t.spanAttrs, 0)).toEqual({
      'span.kind': [AttrType.String, 'gateway'],
      'otel.status_code': [AttrType.String, 'OK'],
      'internal.span.format': [AttrType.String, 'otlp'],
    });
    expect(t.strings[t.scopeName[t.scope[0]]]).toBe('old-lib');

    const ok = parseJaegerTrace(
      withSpan(0, {
        tags: [
          kv('otel.status_code', 'string', 'OK'),
          kv('error', 'bool', false),
          kv('otel.status_description', 'string', 'x'),
        ],
      })
    );
    // OK is held; error=false is not a status; a description with a set status is the message
    expect([ok.status[0], ok.strings[ok.statusMessage[0]]]).toEqual([StatusCode.Ok, 'x']);
    expect(attrs(ok, ok.spanAttrs, 0)).toEqual({ error: [AttrType.Bool, 'false'] });

    const unset = parseJaegerTrace(withSpan(0, { tags: [kv('otel.status_description', 'string', 'orphan text')] }));
    expect([unset.status[0], unset.statusMessage[0]]).toEqual([StatusCode.Unset, 0]);
    expect(attrs(unset, unset.spanAttrs, 0)).toEqual({ 'otel.status_description': [AttrType.String, 'orphan text'] });
  });

  it('reads tags without a type by their JSON kind, int64 digits exactly, and pads a 64-bit trace id', () => {
    const short = '89abcdef01234567';
    const body = handBody();
    for (const span of body.data[0].spans) {
      span.traceID = short;
      for (const ref of span.references) {
        ref.traceID = ref.traceID === TRACE ? short : ref.traceID;
      }
    }
    body.data[0].traceID = short;
    body.data[0].spans[0].tags = [
      { key: 'n', value: 7 },
      { key: 'x', value: 0.25 },
      { key: 's', value: 'v' },
      { key: 'b', value: true },
    ] as never;
    const text = JSON.stringify(body).replace('"value":7', '"value":9223372036854775807');
    const t = parseJaegerTrace(text);
    expect(t.traceId).toBe(`0000000000000000${short}`);
    expect(Array.from(t.hasParent)).toEqual([0, 1, 1]);
    expect(attrs(t, t.spanAttrs, 0)).toEqual({
      n: [AttrType.Int, '9223372036854775807'],
      x: [AttrType.Double, '0.25'],
      s: [AttrType.String, 'v'],
      b: [AttrType.Bool, 'true'],
    });
  });

  it('keeps the deprecated parentSpanID when no reference names a parent, and ignores all-zero references', () => {
    const t = parseJaegerTrace(
      withSpan(1, {
        references: [{ refType: 'CHILD_OF', traceID: TRACE, spanID: '0000000000000000' }],
        parentSpanID: '000000000000000a',
      })
    );
    expect([t.hasParent[1], t.parentLo[1], t.links.offsets[2] - t.links.offsets[1]]).toEqual([1, 0xa, 0]);
  });

  it("turns Jaeger's warnings and errors into trace warnings", () => {
    const body = handBody() as any;
    body.data[0].warnings = ['clock skew adjustment disabled'];
    body.data[0].spans[2].warnings = ['invalid parent span IDs=x; skipping clock skew adjustment'];
    body.errors = [{ code: 500, msg: 'partial' }];
    expect(parseJaegerTrace(JSON.stringify(body)).warnings.map((w) => w.message)).toEqual([
      'Jaeger: clock skew adjustment disabled',
      'Jaeger flagged 1 span warning(s), e.g. data[0].spans[2]: invalid parent span IDs=x; skipping clock skew adjustment',
      'Jaeger reported errors: 500 partial',
    ]);
  });

  it('names what is wrong and where', () => {
    const two = handBody();
    two.data.push(two.data[0]);
    const noProcess = handBody() as any;
    delete noProcess.data[0].processes.p2;
    const cases: Array<[string, string]> = [
      ['not json', 'invalid JSON at line 1, column 1: expected \'{\', found "not json"'],
      ['{"data": {}}', 'data: expected an array, found an object'],
      ['{"data": []}', 'no trace: "data" is empty'],
      [
        '{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}',
        'no trace: "data" is empty (errors: 404 trace not found)',
      ],
      [JSON.stringify(two), '"data" holds 2 traces; expected one (the answer of /api/traces/{id})'],
      [
        '{"result":{"resourceSpans":[]}}',
        'not a Jaeger v1 trace: a top-level "result" is OTLP JSON (read it with parseOtlpTrace)',
      ],
      ['{"traces": []}', 'not a Jaeger v1 trace: expected a top-level "data" array'],
      ['{"data":[{"spans":"x"}]}', 'data[0].spans: expected an array, found "x"'],
      [withSpan(1, { spanID: undefined }), 'data[0].spans[1]: no spanID'],
      [withSpan(0, { spanID: 'zz' }), 'data[0].spans[0].spanID: "zz" is not a hex span id (1 to 16 digits)'],
      [
        withSpan(0, { spanID: '00000000000000001' }),
        'data[0].spans[0].spanID: "00000000000000001" is not a hex span id (1 to 16 digits)',
      ],
      [withSpan(0, { spanID: 42 }), 'data[0].spans[0].spanID: expected a hex span id, found 42'],
      [withSpan(0, { traceID: 'xyz' }), 'data[0].spans[0].traceID: "xyz" is not a hex trace id (1 to 32 digits)'],
      [
        withSpan(2, { traceID: OTHER }),
        `data[0].spans[2].traceID: ${OTHER} is not the trace's id ${TRACE} (a body holds one trace)`,
      ],
      [
        withSpan(0, { startTime: String(T0) }),
        'data[0].spans[0].startTime: expected a whole number of microseconds, found "1700000000000000"',
      ],
      [withSpan(0, { duration: -5 }), 'data[0].spans[0].duration: -5 is negative'],
      [withSpan(0, { startTime: 1e300 }), 'data[0].spans[0].startTime: 1e+300 is too large (more than 2^53 µs)'],
      [
        withSpan(1, { logs: [{ timestamp: 0 }] }),
        'data[0].spans[1].logs[0].timestamp: 0 is not a time (0 and null mean unset)',
      ],
      [withSpan(1, { spanID: null }), 'data[0].spans[1]: no spanID'],
      [withSpan(1, { spanID: '' }), 'data[0].spans[1]: no spanID'],
      [
        withSpan(0, { spanID: 'f'.repeat(500) }),
        'data[0].spans[0].spanID: an id of 500 characters is not a hex span id (1 to 16 digits)',
      ],
      [
        withSpan(0, { traceID: '\ufeff0123' }),
        'data[0].spans[0].traceID: "\\ufeff0123" is not a hex trace id (1 to 32 digits)',
      ],
      [
        JSON.stringify(handBody()).replace(String(T0 + 1000), '1'.repeat(400)),
        'data[0].spans[1].startTime: 11111111111111111111… (400 characters) is too large (more than 2^53 µs)',
      ],
      [
        withSpan(0, { tags: [kv('n', 'int64', 'x'.repeat(300))] }),
        `data[0].spans[0].tags[0].value: type int64 needs a number, found "${'x'.repeat(60)}…" (300 characters)`,
      ],
      [
        withSpan(0, { startTime: 9007199254740000, duration: 5000 }),
        'data[0].spans[0]: startTime + duration is too large (more than 2^53 µs)',
      ],
      [
        withSpan(1, { references: [{ refType: 'PARENT', traceID: TRACE, spanID: 'a' }] }),
        'data[0].spans[1].references[0].refType: unknown value "PARENT" (expected CHILD_OF or FOLLOWS_FROM)',
      ],
      [
        withSpan(1, { references: [{ refType: 'CHILD_OF', traceID: TRACE }] }),
        'data[0].spans[1].references[0]: no spanID',
      ],
      [
        withSpan(1, { references: [{ refType: 'CHILD_OF', spanID: 'a' }] }),
        'data[0].spans[1].references[0]: no traceID',
      ],
      [withSpan(1, { references: {} }), 'data[0].spans[1].references: expected an array, found an object'],
      [
        withSpan(0, { tags: [kv('n', 'int64', 'abc')] }),
        'data[0].spans[0].tags[0].value: type int64 needs a number, found "abc"',
      ],
      [
        withSpan(0, { tags: [kv('n', 'bool', 1)] }),
        'data[0].spans[0].tags[0].value: type bool needs true or false, found 1',
      ],
      [withSpan(0, { tags: [kv('n', 'int64', 1e30)] }), 'data[0].spans[0].tags[0].value: 1e+30 is not an int64'],
      [
        withSpan(0, { tags: [kv('n', 'uuid', 'x')] }),
        'data[0].spans[0].tags[0].type: unknown value "uuid" (expected string, bool, int64, float64 or binary)',
      ],
      [withSpan(0, { tags: [{ type: 'string', value: 'x' }] }), 'data[0].spans[0].tags[0]: no key'],
      [
        withSpan(0, { tags: [kv('k', 'string', null)] }),
        'data[0].spans[0].tags[0].value: expected a string, number or bool, found null',
      ],
      [withSpan(1, { logs: [{ fields: [] }] }), 'data[0].spans[1].logs[0]: no timestamp'],
      [
        withSpan(1, { logs: [{ timestamp: T0, fields: [kv('event', 'float64', 'x')] }] }),
        'data[0].spans[1].logs[0].fields[0].value: type float64 needs a number, found "x"',
      ],
      [withSpan(0, { processID: undefined }), 'data[0].spans[0]: no processID'],
      [JSON.stringify(noProcess), 'data[0].spans[1].processID: "p2" is not in data[0].processes'],
      [
        JSON.stringify(handBody()).replace('"p2":{"serviceName":"db","tags":[]}', '"p2":{"serviceName":"db"},"p2":{}'),
        'data[0].processes.p2: defined twice',
      ],
      [
        JSON.stringify(handBody()).replace('"tags":[]}', '"tags":[{"key":"k","type":"float64","value":1e999}]}'),
        'data[0].processes.p2.tags[0].value: 1e999 is out of the float64 range',
      ],
    ];
    // all at once, so that a failure shows every case that differs
    expect(cases.map(([text]) => [text.slice(0, 60), parseError(text)])).toEqual(
      cases.map(([text, message]) => [text.slice(0, 60), message])
    );
  });
});

/** Random small traces with µs times (Jaeger's resolution), orphans, errors, any span order. */
const traceArb = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.record({
      parents: fc.array(fc.integer({ min: -2, max: n - 1 }), { minLength: n, maxLength: n }),
      starts: fc.array(fc.nat(2000), { minLength: n, maxLength: n }),
      lengths: fc.array(fc.nat(800), { minLength: n, maxLength: n }),
      kinds: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
      status: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      services: fc.array(fc.nat(2), { minLength: n, maxLength: n }),
      order: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n }
      ),
    })
  )
  .map(({ parents, starts, lengths, kinds, status, services, order }) => {
    const n = parents.length;
    // parents point backwards (a tree); -2 is a parent id that no span has (index n: an orphan)
    const parent = Int32Array.from(parents, (p, i) => (p === -2 ? n : p < i ? p : -1));
    const trace: SynthTrace = {
      n,
      traceId: TRACE,
      baseSeconds: 1700000000,
      parent,
      start: Float64Array.from(starts, (s) => s * 1000),
      end: Float64Array.from(starts, (s, i) => (s + lengths[i]) * 1000),
      service: Uint16Array.from(services),
      name: Uint32Array.from(services, (s, i) => (s + i) % 3),
      kind: Uint8Array.from(kinds),
      status: Uint8Array.from(status),
      idHi: Uint32Array.from({ length: n + 1 }, (_, i) => (i * 40503) >>> 0),
      idLo: Uint32Array.from({ length: n + 1 }, (_, i) => i + 7),
      services: ['front', 'back', 'db'],
      names: ['get', 'put', 'scan'],
      attributes: new Map([[0, [['retries', 3] as [string, number]]]]),
    };
    return { trace, order };
  });

describe('Jaeger v1 JSON and OTLP JSON of the same trace', () => {
  it('give identical self times, critical paths, kinds, statuses and services', () => {
    fc.assert(
      fc.property(traceArb, ({ trace, order }) => {
        const fromOtlp = analyzeTrace(parseOtlpTrace(toOtlpJson(trace)));
        const fromJaeger = analyzeTrace(parseJaegerTrace(toJaegerJson(trace, { order })));
        expect(timings(fromJaeger)).toEqual(timings(fromOtlp));
        // the example span ids of a warning follow the input order, which differs here
        const kinds = (a: TraceAnalysis) => a.warnings.map((w) => [w.kind, w.count, w.message]);
        expect(kinds(fromJaeger)).toEqual(kinds(fromOtlp));
        const perSpan = (a: TraceAnalysis) => {
          const out: Record<string, unknown[]> = {};
          for (let i = 0; i < a.trace.spanCount; i++) {
            const t = a.trace;
            out[spanIdOf(t, i)] = [
              t.kind[i],
              t.status[i],
              serviceOf(t, i),
              attrs(t, t.spanAttrs, i),
              t.strings[t.scopeName[t.scope[i]]],
            ];
          }
          return out;
        };
        expect(perSpan(fromJaeger)).toEqual(perSpan(fromOtlp));
        expect(fromJaeger.trace.startUnixNano).toBe(fromOtlp.trace.startUnixNano);
      })
    );
  });
});

/** Per span id: kind, status, message, service, scope and attributes, events as [time, name] (sorted). */
function spanFacts(t: ParsedTrace) {
  const out: Record<string, unknown[]> = {};
  for (let i = 0; i < t.spanCount; i++) {
    const events: Array<[number, string]> = [];
    for (let e = t.events.offsets[i]; e < t.events.offsets[i + 1]; e++) {
      events.push([t.events.time[e], t.strings[t.events.name[e]]]);
    }
    const links: string[] = [];
    for (let l = t.links.offsets[i]; l < t.links.offsets[i + 1]; l++) {
      links.push(`${t.links.traceId[l]}/${t.links.spanId[l]} ${JSON.stringify(attrs(t, t.links.attrs, l))}`);
    }
    out[spanIdOf(t, i)] = [
      t.strings[t.name[i]],
      t.kind[i],
      t.status[i],
      t.strings[t.statusMessage[i]],
      serviceOf(t, i),
      attrs(t, t.resourceAttrs, t.resource[i]),
      t.strings[t.scopeName[t.scope[i]]],
      t.strings[t.scopeVersion[t.scope[i]]],
      attrs(t, t.spanAttrs, i),
      events.sort((a, b) => a[0] - b[0]),
      links,
    ];
  }
  return out;
}

const nonInput = (a: TraceAnalysis) => a.warnings.filter((w) => w.kind !== 'input').map((w) => [w.kind, w.count]);

describe('real Jaeger v2 bodies (tests/integration/fixtures/jaeger-trace-*.json)', () => {
  const v3 = recorded('jaeger-trace-v3');
  const v1 = recorded('jaeger-trace-v1');

  it('v3 and v1 of the same generated trace give identical analyses and the ground-truth self time per service', () => {
    const fromV3 = analyzeTrace(parseOtlpTrace(wireText(v3)));
    const fromV1 = analyzeTrace(parseJaegerTrace(wireText(v1)));
    expect(fromV1.trace.spanCount).toBe(8);
    expect(timings(fromV1)).toEqual(timings(fromV3));
    expect(spanFacts(fromV1.trace)).toEqual(spanFacts(fromV3.trace));
    expect([fromV1.trace.traceId, fromV1.trace.startUnixNano]).toEqual([
      fromV3.trace.traceId,
      fromV3.trace.startUnixNano,
    ]);
    expect(fromV1.warnings).toEqual(fromV3.warnings);
    // the generator's own numbers (µs), rebuilt from the settings saved with the recording
    const { seed, count, overrides, nowUs, traceIndex } = (v1 as any).generator;
    const truth = generateBatch({ seed, count, overrides, nowUs }).truth[traceIndex];
    expect(fromV1.trace.traceId).toBe(truth.traceId);
    for (const a of [fromV3, fromV1]) {
      const selfNs = Object.fromEntries(breakdown(a, { kind: 'service' }).map((r) => [r.parts[0], r.selfTotal]));
      const truthNs = Object.fromEntries(
        Object.entries(truth.selfTimeUsByService).map(([svc, us]) => [svc, us * 1000])
      );
      expect(selfNs).toEqual(truthNs);
      expect(a.duration).toBe(truth.durationUs * 1000);
    }
  });

  it('v3 and v1 of a trace with links, every status and kind, two scopes and events agree', () => {
    const fromV3 = analyzeTrace(parseOtlpTrace(wireText(recorded('jaeger-trace-features-v3'))));
    const fromV1 = analyzeTrace(parseJaegerTrace(wireText(recorded('jaeger-trace-features-v1'))));
    expect(timings(fromV1)).toEqual(timings(fromV3));
    const facts3 = spanFacts(fromV3.trace);
    const facts1 = spanFacts(fromV1.trace);
    // the trace state: OTLP's span field (which the model has no column for) is Jaeger v1's tag w3c.tracestate
    expect((facts1['0000000000000001'][8] as Record<string, unknown>)['w3c.tracestate']).toEqual([
      AttrType.String,
      'vendor=x',
    ]);
    delete (facts1['0000000000000001'][8] as Record<string, unknown>)['w3c.tracestate'];
    expect(facts1).toEqual(facts3);
    // what Jaeger made of the OTLP input: the root with only a link into its own trace got that
    // span as its parent (in v3 too), link attributes were replaced by opentracing.ref_type
    expect(facts1['0000000000000004'][10]).toEqual([
      `${'a1a2a3a4a5a6a7a8a9aaabacadaeaf01'}/0000000000000001 {"opentracing.ref_type":[0,"follows_from"]}`,
    ]);
    const t = fromV1.trace;
    const c = Array.from({ length: t.spanCount }, (_, i) => spanIdOf(t, i)).indexOf('0000000000000004');
    expect([t.hasParent[c], t.parentLo[c]]).toEqual([1, 1]);
    expect(facts1['0000000000000002'].slice(1, 4)).toEqual([SpanKind.Client, StatusCode.Error, 'deadlock']);
    expect(facts1['0000000000000006'][4]).toBe('missing-service-name'); // Jaeger's name for a resource without one
    expect(nonInput(fromV1)).toEqual(nonInput(fromV3));
    expect(fromV1.warnings.filter((w) => w.kind === 'input').map((w) => w.message)).toEqual([
      'Jaeger flagged 1 span warning(s), e.g. data[0].spans[5]: clock skew adjustment disabled; not applying calculated delta of -8.5ms',
    ]);
  });

  it('reads what Jaeger v1 writes for int64 beyond 2^53, a negative duration and sub-µs times', () => {
    const t = parseJaegerTrace(wireText(recorded('jaeger-trace-odd-v1')));
    expect(attrs(t, t.spanAttrs, 0)).toEqual({
      'above 2^53': [AttrType.Int, '9007199254740993'], // a JSON string in the body
      escapes: [AttrType.String, 'a"b\\c é\n'],
      max: [AttrType.Int, '9223372036854775807'],
      min: [AttrType.Int, '-9223372036854775808'],
      safe: [AttrType.Int, '9007199254740991'], // a JSON number in the body
      tiny: [AttrType.Double, '1e-300'],
    });
    // spans in body order: root, sub-µs [10.999, 20.001] µs → v1 floor(start) = 10 µs, floor(9.002 µs) = 9 µs;
    // "ends before it starts": Jaeger set end = start + 1 ns, v1 shows duration 0 and a warning
    expect(Array.from(t.start)).toEqual([0, 10_000, 500_000]);
    expect(Array.from(t.end)).toEqual([1_000_000, 19_000, 500_000]);
    expect(t.warnings.map((w) => w.message)).toEqual([
      'Jaeger flagged 1 span warning(s), e.g. data[0].spans[2]: Negative duration detected, sanitizing end timestamp. ' +
        'Original end timestamp: 2026-11-30 07:26:39.8654 +0000 UTC, adjusted to: 2026-11-30 07:26:39.865500001 +0000 UTC',
    ]);
    // v3 keeps the nanoseconds, and carries the warning as an attribute
    const o = parseOtlpTrace(wireText(recorded('jaeger-trace-odd-v3')));
    const byId = (tr: ParsedTrace, id: string) =>
      Array.from({ length: tr.spanCount }, (_, i) => spanIdOf(tr, i)).indexOf(id);
    const sub = byId(o, '0000000000000003');
    const neg = byId(o, '0000000000000002');
    expect([o.start[sub], o.end[sub], o.end[neg] - o.start[neg]]).toEqual([10_999, 20_001, 1]);
    expect(Object.keys(attrs(o, o.spanAttrs, neg))).toEqual(['@jaeger@warnings']);
  });

  it("fails on Jaeger's v3 search answer (several traces) and on not-found / malformed-id answers", () => {
    expect(() => parseOtlpTrace(wireText(recorded('jaeger-trace-v3-search')))).toThrow(
      /^spans of 3 traces in one body \(/
    );
    expect(() => parseOtlpTrace(wireText(recorded('jaeger-trace-v3-not-found')))).toThrow(
      'not an OTLP trace: the body is an error answer: {"httpCode":404,"message":"No traces found"}'
    );
    expect(() => parseOtlpTrace(wireText(recorded('jaeger-trace-v3-malformed-id')))).toThrow(
      /^not an OTLP trace: the body is an error answer: \{"httpCode":400,"message":"malformed parameter trace_id/
    );
    expect(parseError(wireText(recorded('jaeger-trace-v1-not-found')))).toBe(
      'no trace: "data" is empty (errors: 404 trace not found)'
    );
    expect(parseError(wireText(recorded('jaeger-trace-v1-malformed-id')))).toBe(
      'no trace: "data" is empty (errors: 400 strconv.ParseUint: parsing "not-a-trace-id": invalid syntax)'
    );
  });
});

describe('Jaeger JSON files', () => {
  const file = (name: string) => readFileSync(join(__dirname, '../../tests/fixtures/files', name), 'utf8');

  it('reads every trace of {"data":[…]} (written from Jaeger\'s API format)', () => {
    const { traces, errors } = parseJaegerTraces(file('jaeger-two-traces.json'));
    expect(errors).toEqual([]);
    expect(traces.map((t) => [t.traceId, t.spanCount])).toEqual([
      ['5b8efff798038103d269b633813fc60c', 2],
      // "abc" is padded to 32 digits as OTLP writes trace ids
      ['00000000000000000000000000000abc', 1],
    ]);
    const [orders, cron] = traces;
    expect([serviceOf(orders, 0), serviceOf(orders, 1), serviceOf(cron, 0)]).toEqual(['orders', 'orders-db', 'cron']);
    // SELECT [2, 17] ms inside GET /orders [0, 20] ms: GET's self time 20 − 15 = 5 ms
    expect(Array.from(analyzeTrace(orders).selfTime)).toEqual([5e6, 15e6]);
    expect([orders.status[1], orders.strings[orders.events.name[0]], orders.events.time[0]]).toEqual([
      StatusCode.Error,
      'timeout',
      16e6,
    ]);
    // each trace starts at its own first span: cron's tick is at T0 + 60 s
    expect(cron.startUnixNano).toBe('1700000060000000000');
  });

  it('names the trace of a message by its place in data', () => {
    const body = JSON.parse(file('jaeger-two-traces.json'));
    body.data[1].spans[0].duration = 'long';
    expect(() => parseJaegerTraces(JSON.stringify(body))).toThrow(
      'data[1].spans[0].duration: expected a whole number of microseconds, found "long"'
    );
    expect(parseJaegerTraces('{"data":[],"errors":[{"code":404,"msg":"trace not found"}]}')).toEqual({
      traces: [],
      errors: ['404 trace not found'],
    });
    expect(() => parseJaegerTraces('{"traces":[]}')).toThrow(
      'not a Jaeger JSON file: expected a top-level "data" array'
    );
  });

  it('reads a bare trace object as the same trace, paths from the top', () => {
    const bare = parseJaegerTraceObject(file('jaeger-bare-trace.json'));
    const [first] = parseJaegerTraces(file('jaeger-two-traces.json')).traces;
    // the OTLP text of a trace is a compact way to compare every column
    expect(writeOtlp(bare)).toBe(writeOtlp(first));
    const body = JSON.parse(file('jaeger-bare-trace.json'));
    body.spans[1].spanID = null;
    expect(() => parseJaegerTraceObject(JSON.stringify(body))).toThrow(new TraceParseError('spans[1]: no spanID'));
  });

  it("reads Grafana's trace download (Inspect → Download traces, Jaeger format): ms × 1000 floats to the ns", () => {
    // written by tests' copy of Grafana's transformToJaeger from a Tempo frame: startTime/duration are its
    // float ms × 1000, tags have no type, the log keeps the OTLP event's name
    const { traces } = parseJaegerTraces(file('grafana-jaeger-download.json'));
    const [t] = traces;
    // GET starts at 1700000000123456.8 µs = …123456800 ns (time 0) and lasts 2500.3 µs;
    // SELECT starts at 1700000000123857 µs: 400.2 µs later, lasts 1200.05 µs → ends at 1600.25 µs
    expect(t.startUnixNano).toBe('1700000000123456800');
    expect(Array.from(t.start)).toEqual([0, 400200]);
    expect(Array.from(t.end)).toEqual([2500300, 1600250]);
    // the log at 1700000000124456.8 µs: 1000 µs after time 0
    expect([t.events.time[0], t.strings[t.events.name[0]]]).toEqual([1e6, 'exception']);
    expect([t.kind[0], t.kind[1], t.status[1]]).toEqual([SpanKind.Server, SpanKind.Client, StatusCode.Error]);
    expect(attrs(t, t.spanAttrs, 0)).toEqual({ 'http.status_code': [AttrType.Int, '200'] });
    // GET's self time: 2500.3 − 1200.05 = 1300.25 µs
    expect(analyzeTrace(t).selfTime[0]).toBe(1300250);
  });

  it('rounds a fraction of a µs to the nearest ns from its digits', () => {
    const body = JSON.parse(file('jaeger-bare-trace.json'));
    // 1700000000002000.0004 µs: 0.4 ns rounds down; duration 0.0015 µs = 1.5 ns rounds up to 2 ns
    body.spans[1].startTime = 1.7e15 + 2000;
    const text = JSON.stringify(body)
      .replace('"startTime":1700000000002000', '"startTime":1700000000002000.0004')
      .replace('"duration":15000', '"duration":0.0015');
    const t = parseJaegerTraceObject(text);
    expect([t.start[1], t.end[1]]).toEqual([2e6, 2e6 + 2]);
  });

  it('keeps spans with a missing, null or 0 start or duration in the trace (unset, repaired by the builder)', () => {
    const body = JSON.parse(file('jaeger-bare-trace.json'));
    const child = body.spans[1];
    const spans = [
      { ...child, spanID: '0000000000000001', startTime: 0 },
      { ...child, spanID: '0000000000000002', startTime: null },
      { ...child, spanID: '0000000000000003', startTime: undefined },
      { ...child, spanID: '0000000000000004', duration: undefined },
    ];
    body.spans.push(...spans);
    const t = parseJaegerTraceObject(JSON.stringify(body));
    expect(t.spanCount).toBe(6);
    // the trace starts at GET /orders (T0), not at 1970
    expect(t.startUnixNano).toBe('1700000000000000000');
  });
});

describe('hostile Jaeger JSON (property)', () => {
  const allPaths = jsonPaths(handBody());

  it('any value anywhere in a body gives a trace or a TraceParseError, never another error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: allPaths.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (p, value) => {
        const body = replaceAt(handBody(), allPaths[p], value);
        for (const parse of [
          (text: string) => [parseJaegerTrace(text)],
          (text: string) => parseJaegerTraces(text).traces,
        ]) {
          try {
            // whatever was read: times are finite and no span ends before it starts
            for (const t of parse(JSON.stringify(body))) {
              expect(t.start.every((v, i) => Number.isFinite(v) && t.end[i] >= v)).toBe(true);
            }
          } catch (e) {
            expect(e).toBeInstanceOf(TraceParseError);
            // a message quotes at most ~60 characters of input
            expect((e as Error).message.length).toBeLessThan(400);
          }
        }
      }),
      { numRuns: 400 }
    );
  });

  it('a body cut anywhere is a TraceParseError that says the document ends early', () => {
    const text = JSON.stringify(handBody());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        expect(() => parseJaegerTrace(text.slice(0, cut))).toThrow(TraceParseError);
        expect(() => parseJaegerTrace(text.slice(0, cut))).toThrow(/ends early|the file is empty|end of the input/);
      }),
      { numRuns: 200 }
    );
  });
});
