import { readFileSync } from 'fs';
import { join } from 'path';

import fc from 'fast-check';

import { generateTrace } from '../../tests/synthetic/generate';
import { toOtlpJson as synthOtlp } from '../../tests/synthetic/otlp';
import { recorded, wireText } from '../../tests/support/recorded';
import { analyzeTrace } from './analyze';
import { TraceParseError } from './errors';
import { idToHex } from './ids';
import { parseJaegerTrace } from './jaeger-json';
import { nameOf, ParsedTrace, serviceOf } from './model';
import { parseOtlpTrace } from './otlp';
import { toOtlpJson } from './otlp-writer';
import { readTraceFile } from './trace-file';

const file = (name: string) => readFileSync(join(__dirname, '../../tests/fixtures/files', name), 'utf8');

/** Summary of a trace: id, and each span as "service/name". */
function summary(t: ParsedTrace): [string, string[]] {
  return [t.traceId, Array.from({ length: t.spanCount }, (_, i) => `${serviceOf(t, i)}/${nameOf(t, i)}`)];
}

function errorOf(text: string): string {
  try {
    readTraceFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(TraceParseError);
    return (e as Error).message;
  }
  throw new Error('expected a TraceParseError');
}

const SUPPORTED =
  'supported formats: OTLP/JSON ("resourceSpans", Tempo\'s "batches" or "trace", Jaeger v3\'s "result"), ' +
  'OTLP JSON Lines, OTLP protobuf-JSON ("resource_spans"), Jaeger JSON ({"data":[…]} or one trace object) ' +
  'and Zipkin v2 JSON (an array of spans)';

const A = '5b8efff798038103d269b633813fc60c';
const B = '0af7651916cd43dd8448eb211c80319c';

describe('readTraceFile: OTLP', () => {
  it('splits one export request holding two traces into two traces, in file order', () => {
    const f = readTraceFile(file('otlp-two-traces.json'));
    expect(f.format).toBe('otlp-json');
    expect(f.traces.map(summary)).toEqual([
      [A, ['checkout/POST /checkout', 'checkout/charge card', 'payments/Charge']],
      [B, ['checkout/GET /health']],
    ]);
    const [a, b] = f.traces;
    // POST [0, 30] ms ⊃ charge card [1, 25] ⊃ Charge [2, 24]: self 30 − 24 = 6, 24 − 22 = 2, 22 ms
    expect(Array.from(analyzeTrace(a).selfTime)).toEqual([6e6, 2e6, 22e6]);
    // the event keeps its ns time: T + 3 ms, 3 ms after the trace start
    expect(a.events.time[0]).toBe(3e6);
    // each trace has its own time 0: B starts 5 ms after A
    expect([a.startUnixNano, b.startUnixNano]).toEqual(['1700000000000000000', '1700000000005000000']);
    expect(b.end[0]).toBe(500);
    expect(a.strings[a.scopeName[a.scope[2]]]).toBe('io.opentelemetry.grpc');
  });

  it('regroups spans whose resource comes after them, escapes and base64 ids included', () => {
    const span = (trace: string, id: string, name: string) =>
      `{"name":${JSON.stringify(name)},"traceId":"${trace}","spanId":"${id}","startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000000001000"}`;
    // A in hex and in base64 (W47/95gDgQPSabYzgT/GDA== is A's bytes) is one trace
    const text =
      `{"resourceSpans":[{"scopeSpans":[{"spans":[${span(A, '0000000000000001', 'a\\"1')},${span(B, '0000000000000002', 'b')}],` +
      `"scope":{"name":"s\\u00e9"}}],"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"sv\\"c"}}]}},` +
      `{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"other"}}]},"scopeSpans":[{"spans":[${span('W47/95gDgQPSabYzgT/GDA==', 'AAAAAAAAAAM=', 'a3')}]}]}]}`;
    const f = readTraceFile(text);
    expect(f.traces.map(summary)).toEqual([
      [A, ['sv"c/a\\"1', 'other/a3']],
      [B, ['sv"c/b']],
    ]);
    expect(f.traces[0].strings[f.traces[0].scopeName[0]]).toBe('sé');
  });

  it('reads a real Jaeger v3 search answer (3 traces in one body) as its 3 traces', () => {
    const body = wireText(recorded('jaeger-trace-v3-search'));
    expect(() => parseOtlpTrace(body)).toThrow(/^spans of 3 traces in one body/);
    const f = readTraceFile(body);
    expect(f.format).toBe('otlp-json');
    expect(f.traces.length).toBe(3);
    expect(new Set(f.traces.map((t) => t.traceId)).size).toBe(3);
    // every span of the body lands in exactly one trace
    const spans = (JSON.parse(body).result.resourceSpans as Array<{ scopeSpans: Array<{ spans: unknown[] }> }>).flatMap(
      (r) => r.scopeSpans.flatMap((s) => s.spans)
    ).length;
    expect(f.traces.reduce((n, t) => n + t.spanCount, 0)).toBe(spans);
  });

  it('reads real single-trace answers (Tempo v1 and v2, Jaeger v3) exactly as parseOtlpTrace does', () => {
    for (const name of ['tempo-trace-v1', 'tempo-trace-v2', 'jaeger-trace-v3']) {
      const body = wireText(recorded(name));
      const f = readTraceFile(body);
      expect([name, f.format, f.traces.length]).toEqual([name, 'otlp-json', 1]);
      expect(toOtlpJson(f.traces[0])).toBe(toOtlpJson(parseOtlpTrace(body)));
    }
  });

  it('merges the spans of a trace spread over the lines of a JSON Lines file', () => {
    const f = readTraceFile(file('otlp-lines.jsonl'));
    expect(f.format).toBe('otlp-json-lines');
    expect(f.traces.map(summary)).toEqual([
      [A, ['checkout/POST /checkout', 'checkout/charge card']],
      [B, ['checkout/GET /health']],
    ]);
    // lines 1 and 3 repeat the same resource and scope: written once
    expect([f.traces[0].resourceService.length, f.traces[0].scopeName.length]).toEqual([1, 1]);
    const a = analyzeTrace(f.traces[0]);
    expect(a.tree.parent[1]).toBe(0);
  });

  it('names the lines a trace came from when its spans are malformed', () => {
    const lines = file('otlp-lines.jsonl').replace('"charge card", "kind": 3', '"charge card", "kind": "NOPE"');
    expect(errorOf(lines)).toMatch(
      new RegExp(`^trace ${A} \\(spans from line 1, 3; places counted within its spans\\): `)
    );
  });

  it('recognises snake_case protobuf-JSON and reads it', () => {
    const f = readTraceFile(file('otlp-snake.json'));
    expect(f.format).toBe('otlp-protojson');
    expect(f.traces.map(summary)).toEqual([[A, ['inventory/reserve', 'inventory/update stock']]]);
    const t = f.traces[0];
    // numeric 64-bit times read exactly: start …000001, end …004000001 → 4 ms; child [1.5, 3.5] ms
    expect([t.startUnixNano, t.end[0], t.start[1], t.end[1]]).toEqual(['1700000000000000001', 4e6, 1.5e6, 3.5e6]);
    expect(idToHex(t.parentHi[1], t.parentLo[1])).toBe('00f067aa0b9002b7');
    expect([t.links.traceId[0], t.links.spanId[0]]).toEqual([B, 'b7ad6b7169203331']);
  });

  it("reads the three formats of Grafana's trace download (Inspect → Download traces)", () => {
    // OTLP: {batches} with instrumentationLibrarySpans, times as JSON numbers (ms × 1e6), '' parent for the root
    const otlp = readTraceFile(file('grafana-otlp-download.json'));
    const jaeger = readTraceFile(file('grafana-jaeger-download.json'));
    const zipkin = readTraceFile(file('grafana-zipkin-download.json'));
    expect([otlp.format, jaeger.format, zipkin.format]).toEqual(['otlp-json', 'jaeger-json', 'zipkin-v2']);
    const [o] = otlp.traces;
    expect(summary(o)).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736', ['frontend/GET /api/cart', 'cart-db/SELECT cart']]);
    // the float ms × 1e6 times: GET 1700000000123456800 → …125957000, SELECT …123857000 → …125056800
    expect([o.startUnixNano, o.end[0], o.start[1], o.end[1]]).toEqual([
      '1700000000123456800',
      2500200,
      400200,
      1600000,
    ]);
    expect(analyzeTrace(o).tree.parent[1]).toBe(0);
  });

  it('downloads a Zipkin or Jaeger file trace as OTLP JSON that reads back with the same analysis', () => {
    for (const name of ['zipkin-shared.json', 'jaeger-two-traces.json', 'grafana-jaeger-download.json']) {
      for (const t of readTraceFile(file(name)).traces) {
        const [back] = readTraceFile(toOtlpJson(t)).traces;
        const a = analyzeTrace(t);
        const b = analyzeTrace(back);
        // spans come back grouped by resource: compare per span id
        const bySpan = (x: typeof a) =>
          Object.fromEntries(
            Array.from({ length: x.trace.spanCount }, (_, i) => [
              idToHex(x.trace.idHi[i], x.trace.idLo[i]),
              [x.selfTime[i], x.trace.start[i], x.trace.end[i], serviceOf(x.trace, i)],
            ])
          );
        expect([name, bySpan(b)]).toEqual([name, bySpan(a)]);
        expect(b.duration).toBe(a.duration);
      }
    }
  });

  it('reads the OTLP JSON it writes back to the same trace (Download as OTLP JSON, then open)', () => {
    const t = parseOtlpTrace(synthOtlp(generateTrace('random', 200, 5)));
    const f = readTraceFile(toOtlpJson(t));
    expect(f.traces.length).toBe(1);
    expect(toOtlpJson(f.traces[0])).toBe(toOtlpJson(t));
  });
});

describe('readTraceFile: traces mixed in one document (property)', () => {
  it('gives back each trace of a document that mixes several, as read on its own', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 4 }),
        fc.boolean(),
        (seeds, lines) => {
          // traces with distinct ids, each written on its own, then their resourceSpans interleaved in one document
          const own = seeds.map((seed, k) => {
            const synth = {
              ...generateTrace('random', 5 + (seed % 20), seed),
              traceId: (k + 1).toString(16).padStart(32, 'a'),
            };
            return parseOtlpTrace(synthOtlp(synth, { wrapper: 'plain', ids: k % 2 ? 'hex' : 'base64' }));
          });
          const lists = own.map((t) => JSON.parse(toOtlpJson(t)).resourceSpans as unknown[]);
          const mixed: unknown[] = [];
          for (let r = 0; lists.some((l) => r < l.length); r++) {
            lists.forEach((l) => r < l.length && mixed.push(l[r]));
          }
          const text = lines
            ? mixed.map((rs) => JSON.stringify({ resourceSpans: [rs] })).join('\n')
            : JSON.stringify({ resourceSpans: mixed });
          const f = readTraceFile(text);
          expect(f.format).toBe(lines ? 'otlp-json-lines' : 'otlp-json');
          expect(f.traces.map((t) => toOtlpJson(t))).toEqual(own.map((t) => toOtlpJson(t)));
        }
      ),
      { numRuns: 40 }
    );
  });
});

describe('readTraceFile: Jaeger and Zipkin', () => {
  it('reads every trace of a Jaeger {"data":[…]} file and a bare trace object', () => {
    const two = readTraceFile(file('jaeger-two-traces.json'));
    expect(two.format).toBe('jaeger-json');
    expect(two.traces.map(summary)).toEqual([
      [A, ['orders/GET /orders', 'orders-db/SELECT orders']],
      ['00000000000000000000000000000abc', ['cron/tick']],
    ]);
    const bare = readTraceFile(file('jaeger-bare-trace.json'));
    expect(bare.format).toBe('jaeger-json');
    expect(toOtlpJson(bare.traces[0])).toBe(toOtlpJson(two.traces[0]));
  });

  it('leaves out a Jaeger trace without spans, and says when a trace id repeats', () => {
    const body = JSON.parse(file('jaeger-two-traces.json'));
    body.data.push({ ...body.data[1], spans: [] }, body.data[1]);
    const f = readTraceFile(JSON.stringify(body));
    expect(f.traces.map((t) => t.spanCount)).toEqual([2, 1, 1]);
    expect(f.warnings.map((w) => w.message)).toEqual([
      '1 trace(s) without spans left out: data[2]',
      'trace 00000000000000000000000000000abc appears 2 times in "data"; each is shown as it is',
    ]);
  });

  it('reads a real Jaeger v1 answer as parseJaegerTrace does', () => {
    const body = wireText(recorded('jaeger-trace-v1'));
    const f = readTraceFile(body);
    expect([f.format, f.traces.length]).toEqual(['jaeger-json', 1]);
    expect(toOtlpJson(f.traces[0])).toBe(toOtlpJson(parseJaegerTrace(body)));
  });

  it('reads Zipkin v2 files: a span array, and an array of traces', () => {
    const spans = file('zipkin-shared.json');
    const f = readTraceFile(spans);
    expect(f.format).toBe('zipkin-v2');
    expect(f.traces.map((t) => [t.traceId, t.spanCount])).toEqual([['86154a4ba6e913854d1c2ac3d7b1bba8', 5]]);
    const nested = readTraceFile(`[${spans}, ${file('zipkin-untimed.json')}]`);
    // the untimed file's first trace has the shared file's id: its 3 spans join that trace
    expect(nested.traces.map((t) => t.spanCount)).toEqual([8, 1]);
  });
});

describe('readTraceFile: what is not a trace file', () => {
  it('names the supported formats and what the top level looked like', () => {
    expect(errorOf('')).toBe(`the file is empty; ${SUPPORTED}`);
    expect(errorOf(' \n\t')).toBe(`the file is empty; ${SUPPORTED}`);
    expect(errorOf('traceId,spanId\n1,2')).toBe(
      `not a trace file: it starts with "traceId,spanId\\n1,2", not with a JSON object or array; ${SUPPORTED}`
    );
    expect(errorOf('{"foo":1,"bar\\u00a0":[]}')).toBe(
      `not a trace file: the top level is an object with keys "foo", "bar\\u00a0"; ${SUPPORTED}`
    );
    expect(errorOf('{}')).toBe(`not a trace file: the top level is an empty object; ${SUPPORTED}`);
    expect(errorOf('{"resourceSpans":[]}\n{"data":[]}')).toBe(
      `not a trace file: line 2 is not an OTLP export request, its top level is an object with key "data"; ${SUPPORTED}`
    );
    expect(errorOf('[1, 2]')).toBe(`not a trace file: an array whose first element is 1; ${SUPPORTED}`);
    expect(errorOf('[{"resourceSpans":[]}]')).toBe(
      `not a trace file: an array whose first element is an object with key "resourceSpans"; ${SUPPORTED}`
    );
  });

  it('says "the file holds no traces" for an empty list of any format', () => {
    expect(errorOf('[]')).toBe('the file holds no traces: the array is empty');
    // with the OTLP reader's note on what it found
    expect(errorOf('{"resourceSpans":[]}')).toBe(
      'the file holds no traces: the document has no spans: 0 resource entries and 0 scope lists found'
    );
    expect(errorOf('{"batches":[{"scopeSpans":[{"Spans":[{}]}]}]}')).toBe(
      'the file holds no traces: the document has no spans: 1 resource entries and 1 scope lists found; fields not recognised in them: "Spans"'
    );
    expect(errorOf('{"data":[],"errors":[{"code":404,"msg":"trace not found"}]}')).toBe(
      'the file holds no traces: "data" is empty (Jaeger\'s errors: 404 trace not found)'
    );
    expect(errorOf('{"resourceSpans":[]}\n{"resourceSpans":[]}')).toBe(
      'the file holds no traces: no line of the JSON Lines file has spans'
    );
  });

  it('reports invalid JSON with its line and column, and reads a file with a byte-order mark', () => {
    expect(errorOf('[{"traceId":"1",}]')).toMatch(/^invalid JSON at line 1, column 17: /);
    expect(errorOf('{"resourceSpans":[\n{]}')).toMatch(/^invalid JSON at line 2, column 2: /);
    expect(readTraceFile(`\ufeff${file('zipkin-shared.json')}`).traces[0].spanCount).toBe(5);
  });

  it('never returns a trace of 0 spans, and fails only with a TraceParseError (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
          fc
            .record({
              resourceSpans: fc.array(
                fc.record({
                  scopeSpans: fc.array(
                    fc.record({ spans: fc.array(fc.object({ maxDepth: 1, maxKeys: 4 }), { maxLength: 3 }) }),
                    {
                      maxLength: 2,
                    }
                  ),
                }),
                { maxLength: 2 }
              ),
            })
            .map((v) => JSON.stringify(v))
        ),
        (text) => {
          try {
            const f = readTraceFile(text);
            expect(f.traces.length).toBeGreaterThan(0);
            expect(f.traces.every((t) => t.spanCount > 0)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(TraceParseError);
          }
        }
      ),
      { numRuns: 500 }
    );
  });
});
