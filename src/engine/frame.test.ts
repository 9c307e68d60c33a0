import type { DataFrame } from '@grafana/data';

import { analyzeTrace, criticalPathSections } from './analyze';
import { TraceParseError } from './errors';
import { traceFromDataFrame } from './frame';
import { AttrType, SpanKind, StatusCode } from './model';
import { FLAG_ASYNC } from './tree';

/** A frame shaped like Grafana's Tempo datasource output (plain arrays as field values). */
function frame(columns: Record<string, unknown[]>): DataFrame {
  const fields = Object.entries(columns).map(([name, values]) => ({ name, type: 'other', config: {}, values }));
  return { name: 'Trace', length: fields[0]?.values.length ?? 0, fields } as unknown as DataFrame;
}

const TEMPO_FRAME = {
  traceID: ['0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef'],
  spanID: ['00000000000000a1', '00000000000000b2'],
  parentSpanID: ['', '00000000000000a1'],
  operationName: ['GET /cart', 'SELECT'],
  serviceName: ['cart', 'cart'],
  serviceTags: [
    [
      { key: 'service.name', value: 'cart' },
      { key: 'k8s.pod', value: 'cart-1' },
    ],
    [
      { key: 'service.name', value: 'cart' },
      { key: 'k8s.pod', value: 'cart-1' },
    ],
  ],
  // 1700000000123456789 ns → 1700000000123.4568 ms (float); 2.5 ms long; child 1 ms later for 0.25 ms
  startTime: [1700000000123456789 / 1e6, 1700000000124456789 / 1e6],
  duration: [2.5, 0.25],
  kind: ['server', 'client'],
  statusCode: [0, 2],
  statusMessage: ['', 'deadline'],
  instrumentationLibraryName: ['otel-go', 'otel-go'],
  tags: [
    [
      { key: 'otel.library.name', value: 'otel-go' },
      { key: 'http.status_code', value: 200 },
      { key: 'ratio', value: 0.5 },
      { key: 'cached', value: false },
    ],
    [{ key: 'db.system', value: 'postgresql' }],
  ],
  logs: [[{ timestamp: 1700000000124456789 / 1e6, name: 'retry', fields: [{ key: 'attempt', value: 2 }] }], []],
  references: [[], [{ traceID: 'ffffffffffffffffffffffffffffffff', spanID: '00000000000000c3', tags: [] }]],
};

describe('traceFromDataFrame', () => {
  it('reads a Tempo trace frame, rounding ms times to whole µs', () => {
    const t = traceFromDataFrame(frame(TEMPO_FRAME));
    expect(t.spanCount).toBe(2);
    expect(t.traceId).toBe('0123456789abcdef0123456789abcdef');
    // 1700000000123.4568 ms → 1700000000123457 µs (the ns part 789 is below frame precision)
    expect(t.startUnixNano).toBe('1700000000123457000');
    // child 1 ms later; 2.5 ms and 0.25 ms long
    expect(Array.from(t.start)).toEqual([0, 1_000_000]);
    expect(Array.from(t.end)).toEqual([2_500_000, 1_250_000]);
    expect([t.idLo[0], t.idLo[1], t.hasParent[0], t.hasParent[1], t.parentLo[1]]).toEqual([0xa1, 0xb2, 0, 1, 0xa1]);
    expect([t.kind[0], t.kind[1], t.status[1]]).toEqual([SpanKind.Server, SpanKind.Client, StatusCode.Error]);
    expect(t.strings[t.statusMessage[1]]).toBe('deadline');
    // one resource for both rows, with its tags
    expect(Array.from(t.resource)).toEqual([0, 0]);
    expect(t.strings[t.resourceService[0]]).toBe('cart');
    expect(t.strings[t.resourceAttrs.values[1]]).toBe('cart-1');
    expect(t.strings[t.scopeName[t.scope[0]]]).toBe('otel-go');
    // span tags without the scope copy, typed by JS type
    const a = t.spanAttrs;
    const tags = Array.from({ length: a.offsets[1] }, (_, k) => [
      t.strings[a.keys[k]],
      a.types[k],
      t.strings[a.values[k]],
    ]);
    expect(tags).toEqual([
      ['http.status_code', AttrType.Int, '200'],
      ['ratio', AttrType.Double, '0.5'],
      ['cached', AttrType.Bool, 'false'],
    ]);
    expect([t.events.time[0], t.strings[t.events.name[0]], t.strings[t.events.attrs.values[0]]]).toEqual([
      1_000_000,
      'retry',
      '2',
    ]);
    expect([t.links.offsets[1], t.links.offsets[2], t.links.spanId[0]]).toEqual([0, 1, '00000000000000c3']);
  });

  it('accepts Jaeger-style short ids, missing optional fields and upper-case kinds', () => {
    const t = traceFromDataFrame(
      frame({
        spanID: ['abc', 'def'],
        parentSpanID: [undefined, 'abc'],
        startTime: [10, 10.5],
        duration: [1, 0.001],
        kind: ['SERVER', undefined],
      })
    );
    expect([t.idLo[0], t.parentLo[1], t.hasParent[0]]).toEqual([0xabc, 0xabc, 0]);
    expect(Array.from(t.end)).toEqual([1_000_000, 501_000]);
    expect([t.kind[0], t.kind[1]]).toEqual([SpanKind.Server, SpanKind.Unspecified]);
    expect(t.strings[t.resourceService[0]]).toBe('OTLPResourceNoServiceName');
  });

  it('takes the span kind from the span.kind tag (Jaeger) or the kind tag (Zipkin) when there is no kind column', () => {
    const columns: Record<string, unknown[]> = {
      ...TEMPO_FRAME,
      tags: [[{ key: 'span.kind', value: 'server' }], [{ key: 'kind', value: 'CLIENT' }]],
    };
    delete columns.kind;
    const t = traceFromDataFrame(frame(columns));
    expect([t.kind[0], t.kind[1]]).toEqual([SpanKind.Server, SpanKind.Client]);
  });

  it('reports what is missing or malformed, naming the row and quoting at most 32 characters of an id', () => {
    const attempt = (columns: Record<string, unknown[]>) => () => traceFromDataFrame(frame(columns));
    expect(attempt({ spanID: ['a'], duration: [1] })).toThrow(
      new TraceParseError('the trace frame has no startTime field (it has: spanID, duration)')
    );
    expect(attempt({ spanID: ['a', 'zz'], startTime: [1, 1], duration: [1, 1] })).toThrow(
      'spanID of row 1 of the trace frame is "zz", not a hex span id of 1 to 16 digits'
    );
    // invisible characters escaped; an oversized id named by its length only
    expect(attempt({ spanID: ['\u00a0a'], startTime: [1], duration: [1] })).toThrow(
      'spanID of row 0 of the trace frame is "\\u00a0a", not a hex span id of 1 to 16 digits'
    );
    expect(attempt({ spanID: ['a'.repeat(5000)], startTime: [1], duration: [1] })).toThrow(
      new TraceParseError(
        'spanID of row 0 of the trace frame is a string of 5000 characters, not a hex span id of 1 to 16 digits'
      )
    );
    expect(
      attempt({ spanID: ['a', 'b'], parentSpanID: [null, 'f'.repeat(17)], startTime: [1, 1], duration: [1, 1] })
    ).toThrow('parentSpanID of row 1 of the trace frame is "fffffffffffffffff", not a hex span id of 1 to 16 digits');
    expect(attempt({ spanID: ['a'], startTime: ['soon'], duration: [1] })).toThrow(
      'row 0 of the trace frame has no valid startTime (ms): "soon"'
    );
    expect(attempt({ spanID: ['a'], startTime: [1], duration: [[2]] })).toThrow(
      'row 0 of the trace frame has no valid duration (ms): a list'
    );
    expect(() => traceFromDataFrame({} as DataFrame)).toThrow('not a data frame: it has no fields array');
  });

  it("rejects a row without a spanID instead of giving it another row's id", () => {
    for (const missing of [undefined, null, '']) {
      expect(() =>
        traceFromDataFrame(frame({ spanID: ['a', 'b', missing], startTime: [1, 1, 1], duration: [1, 1, 1] }))
      ).toThrow(new TraceParseError('row 2 of the trace frame has no spanID (it is absent, null or empty)'));
    }
  });

  it('repairs rows with a missing, null, 0 or NaN start or duration (Zipkin) with one warning naming the spans', () => {
    const t = traceFromDataFrame(
      frame({
        spanID: ['a', 'b', 'c', 'd', 'e'],
        parentSpanID: [null, 'a', 'a', 'a', 'a'],
        // a [10, 20] ms; b no start; c null start; d NaN duration; e start 0 (1970: unset)
        startTime: [10, undefined, null, 12, 0],
        duration: [10, 5, 1, NaN, 3],
      })
    );
    // time 0 = 10 ms (the only known starts are 10 and 12), not 1970
    expect(t.startUnixNano).toBe('10000000');
    // b, c, e: no start → their parent's start (0), no end → zero duration; d: [2 ms, 2 ms]
    expect(Array.from(t.start)).toEqual([0, 0, 0, 2_000_000, 0]);
    expect(Array.from(t.end)).toEqual([10_000_000, 0, 0, 2_000_000, 0]);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '4 span(s) (000000000000000b, 000000000000000c, 000000000000000d, 000000000000000e) have no start or end time; ' +
        'taken from their children and parent (else zero duration)',
    ]);
  });

  it('takes 1e308 ms, negative and infinite times as unknown, with a warning naming the rows', () => {
    const t = traceFromDataFrame(
      frame({
        spanID: ['a', 'b', 'c', 'd', 'e'],
        parentSpanID: [null, 'a', 'a', 'a', 'a'],
        // a [1000, 1100] ms; b 1e308 start; c −5 start; d infinite duration; e 1e308 duration
        startTime: [1000, 1e308, -5, 1010, 1020],
        duration: [100, 1, 1, Infinity, 1e308],
        logs: [[{ timestamp: 1e308, name: 'late' }], [], [], [], []],
      })
    );
    expect(t.startUnixNano).toBe('1000000000');
    // b, c: parent's start, zero duration; d, e: zero duration at their own starts 10 and 20 ms
    expect(Array.from(t.start)).toEqual([0, 0, 0, 10_000_000, 20_000_000]);
    expect(Array.from(t.end)).toEqual([100_000_000, 0, 0, 10_000_000, 20_000_000]);
    // the log's unusable timestamp puts it at its span's start
    expect(Array.from(t.events.time)).toEqual([0]);
    expect(t.warnings.map((w) => w.message)[0]).toBe(
      '4 row(s) of the trace frame (rows 1, 2, 3, 4) have a startTime or duration that is negative, infinite or beyond the year 2255; taken as unknown'
    );
    expect(t.warnings.map((w) => w.message)[1]).toMatch(
      /^4 span\(s\) \(000000000000000b, .*\) have no start or end time/
    );
    expect([...t.start, ...t.end].every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
  });

  it('clamps a negative duration to 0 with a warning naming the span', () => {
    const t = traceFromDataFrame(
      frame({ spanID: ['a', 'b'], parentSpanID: [null, 'a'], startTime: [1, 1.5], duration: [2, -0.25] })
    );
    // b starts 0.5 ms in and would end 0.25 ms earlier: duration 0
    expect(Array.from(t.end)).toEqual([2_000_000, 500_000]);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '1 span(s) (000000000000000b) have an end before their start; their duration is taken as 0',
    ]);
  });

  it("takes a Jaeger frame's first FOLLOWS_FROM reference as the parent when there is no CHILD_OF parent", () => {
    const trace = '0123456789abcdef0123456789abcdef';
    const t = traceFromDataFrame(
      frame({
        traceID: [trace, trace],
        spanID: ['a', 'b'],
        parentSpanID: [null, null],
        startTime: [1000, 1001],
        duration: [2, 5],
        references: [[], [{ refType: 'FOLLOWS_FROM', traceID: trace, spanID: 'a' }]],
      })
    );
    expect([t.hasParent[1], t.parentLo[1]]).toEqual([1, 0xa]);
    // the reference stays a link, with its type
    expect([t.links.spanId[0], t.strings[t.links.attrs.values[0]]]).toEqual(['000000000000000a', 'follows_from']);
    // so b is async: a [0,2] ms does not wait for it; b owns only its time after a's end, [2,6]
    const a = analyzeTrace(t);
    expect(a.tree.flags[1] & FLAG_ASYNC).toBe(FLAG_ASYNC);
    expect(criticalPathSections(a).map((x) => [x.spanId, x.start / 1e6, x.end / 1e6])).toEqual([
      ['000000000000000a', 0, 2],
      ['000000000000000b', 2, 6],
    ]);
  });

  it('makes a child that links to its parent (a Tempo frame reference) async', () => {
    const t = traceFromDataFrame(
      frame({
        spanID: ['a', 'b', 'c'],
        parentSpanID: [null, 'a', 'a'],
        startTime: [1000, 1001, 1001],
        duration: [10, 2, 2],
        references: [[], [{ spanID: '000000000000000a', tags: [] }], [{ spanID: '00000000000000ff', tags: [] }]],
      })
    );
    const a = analyzeTrace(t);
    // b links to its parent a: async; c links elsewhere: sync
    expect([a.tree.flags[1], a.tree.flags[2]]).toEqual([FLAG_ASYNC, 0]);
  });
});
