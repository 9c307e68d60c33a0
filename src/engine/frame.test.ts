import type { DataFrame } from '@grafana/data';

import { TraceParseError } from './errors';
import { traceFromDataFrame } from './frame';
import { AttrType, SpanKind, StatusCode } from './model';

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
    [{ key: 'service.name', value: 'cart' }, { key: 'k8s.pod', value: 'cart-1' }],
    [{ key: 'service.name', value: 'cart' }, { key: 'k8s.pod', value: 'cart-1' }],
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
    const tags = Array.from({ length: a.offsets[1] }, (_, k) => [t.strings[a.keys[k]], a.types[k], t.strings[a.values[k]]]);
    expect(tags).toEqual([
      ['http.status_code', AttrType.Int, '200'],
      ['ratio', AttrType.Double, '0.5'],
      ['cached', AttrType.Bool, 'false'],
    ]);
    expect([t.events.time[0], t.strings[t.events.name[0]], t.strings[t.events.attrs.values[0]]]).toEqual([1_000_000, 'retry', '2']);
    expect([t.links.offsets[1], t.links.offsets[2], t.links.spanId[0]]).toEqual([0, 1, '00000000000000c3']);
  });

  it('accepts Jaeger-style short ids, missing optional fields and upper-case kinds', () => {
    const t = traceFromDataFrame(
      frame({ spanID: ['abc', 'def'], parentSpanID: [undefined, 'abc'], startTime: [10, 10.5], duration: [1, 0.001], kind: ['SERVER', undefined] })
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

  it('reports what is missing or malformed', () => {
    const attempt = (columns: Record<string, unknown[]>) => () => traceFromDataFrame(frame(columns));
    expect(attempt({ spanID: ['a'], duration: [1] })).toThrow(
      new TraceParseError('the trace frame has no startTime field (it has: spanID, duration)')
    );
    expect(attempt({ spanID: ['a', 'zz'], startTime: [1, 1], duration: [1, 1] })).toThrow(
      'spanID of row 1 of the trace frame is "zz", not a hex span id of at most 16 digits'
    );
    expect(attempt({ spanID: ['a'], startTime: ['soon'], duration: [1] })).toThrow(
      'row 0 of the trace frame has no valid startTime (ms since the epoch): "soon"'
    );
    expect(attempt({ spanID: ['a'], startTime: [1], duration: [null] })).toThrow(
      'row 0 of the trace frame has no valid duration (ms): null'
    );
    expect(() => traceFromDataFrame({} as DataFrame)).toThrow('not a data frame: it has no fields array');
  });
});
