import { readFileSync } from 'fs';

import fc from 'fast-check';
import { join } from 'path';

import { analyzeTrace } from './analyze';
import { breakdown } from './breakdown';
import { TraceParseError } from './errors';
import { idToHex } from './ids';
import { AttrType, nameOf, ParsedTrace, serviceOf, SpanKind, StatusCode } from './model';
import { zipkinTraces } from './zipkin-json';
import { jsonPaths, replaceAt } from './testing/json-paths';

const FIXTURES = join(__dirname, '../../tests/fixtures/files');

function fixture(name: string): unknown[] {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

/** Index of the span named `name` of service `service`. */
function spanNamed(t: ParsedTrace, name: string, service: string): number {
  for (let i = 0; i < t.spanCount; i++) {
    if (nameOf(t, i) === name && serviceOf(t, i) === service) {
      return i;
    }
  }
  throw new Error(`no span ${name} of ${service}`);
}

function attrsOf(t: ParsedTrace, i: number): Record<string, string> {
  const a = t.spanAttrs;
  const out: Record<string, string> = {};
  for (let e = a.offsets[i]; e < a.offsets[i + 1]; e++) {
    out[t.strings[a.keys[e]]] = t.strings[a.values[e]];
  }
  return out;
}

function errorOf(spans: unknown[]): string {
  try {
    zipkinTraces(spans);
  } catch (e) {
    expect(e).toBeInstanceOf(TraceParseError);
    return (e as Error).message;
  }
  throw new Error('expected a TraceParseError');
}

describe('zipkinTraces', () => {
  it('nests the server half of a shared span under its client half, so time lands on the right service', () => {
    const [t] = zipkinTraces(fixture('zipkin-shared.json'));
    expect(t.traceId).toBe('86154a4ba6e913854d1c2ac3d7b1bba8');
    expect(t.spanCount).toBe(5);
    const root = spanNamed(t, 'get /checkout', 'frontend');
    const client = spanNamed(t, 'get /api/cart', 'frontend');
    const server = spanNamed(t, 'get /api/cart', 'cart');
    const db = spanNamed(t, 'select cart', 'cart');
    const render = spanNamed(t, 'render cart', 'frontend');
    expect([t.kind[client], t.kind[server], t.kind[render]]).toEqual([
      SpanKind.Client,
      SpanKind.Server,
      SpanKind.Internal,
    ]);
    // the client keeps the shared id and its parent; the server half gets the derived id
    // 2000000000000002 XOR 5a17ed5a17ed5a17 = 7a17ed5a17ed5a15, its parent the client
    expect(idToHex(t.idHi[client], t.idLo[client])).toBe('2000000000000002');
    expect(idToHex(t.parentHi[client], t.parentLo[client])).toBe('1000000000000001');
    expect(idToHex(t.idHi[server], t.idLo[server])).toBe('7a17ed5a17ed5a15');
    expect(idToHex(t.parentHi[server], t.parentLo[server])).toBe('2000000000000002');
    // children of the shared id: the cart span under the server half, the frontend span under the client
    expect(idToHex(t.parentHi[db], t.parentLo[db])).toBe('7a17ed5a17ed5a15');
    expect(idToHex(t.parentHi[render], t.parentLo[render])).toBe('2000000000000002');

    const a = analyzeTrace(t);
    expect(a.tree.parent[server]).toBe(client);
    expect(a.tree.parent[db]).toBe(server);
    expect(a.tree.parent[render]).toBe(client);
    // times in ms after the root's start T: root 0–115, client 5–105, server 15–95, db 25–65, render 96–104
    // self: root 115 − 100 = 15; client 100 − 80 (server) − 8 (render) = 12; server 80 − 40 = 40; db 40; render 8
    const ms = 1e6;
    expect(Array.from(a.selfTime, (v) => v / ms)).toEqual(
      [root, client, server, db, render].reduce((out, i, k) => {
        out[i] = [15, 12, 40, 40, 8][k];
        return out;
      }, new Array<number>(5))
    );
    // per service: frontend 15 + 12 + 8 = 35 ms, cart 40 + 40 = 80 ms (sum 115 = the trace)
    const rows = breakdown(a, { kind: 'service' });
    expect(Object.fromEntries(rows.map((r) => [r.label, r.selfTotal / ms]))).toEqual({ frontend: 35, cart: 80 });
    expect(a.duration / ms).toBe(115);
  });

  it('reads endpoints, tags, annotations and debug', () => {
    const [t] = zipkinTraces(fixture('zipkin-shared.json'));
    const client = spanNamed(t, 'get /api/cart', 'frontend');
    const server = spanNamed(t, 'get /api/cart', 'cart');
    expect(attrsOf(t, client)).toEqual({ 'peer.service': 'cart', 'net.peer.ip': '10.0.0.2', 'net.peer.port': '9000' });
    expect(attrsOf(t, server)).toEqual({ 'net.peer.ip': '10.0.0.1', 'http.status_code': '200' });
    expect(attrsOf(t, spanNamed(t, 'render cart', 'frontend'))).toEqual({ 'zipkin.debug': 'true' });
    // annotations are µs: T+5010 µs and T+104990 µs after the trace start T → 5,010,000 and 104,990,000 ns
    const e = t.events.offsets[client];
    expect(t.events.offsets[client + 1] - e).toBe(2);
    expect([t.events.time[e], t.strings[t.events.name[e]]]).toEqual([5010000, 'wire send']);
    expect([t.events.time[e + 1], t.strings[t.events.name[e + 1]]]).toEqual([104990000, 'wire receive']);
    // one resource per local endpoint: frontend:8080, cart:9000, and frontend without an address
    expect(t.resourceService.length).toBe(3);
    const r = t.resource[client];
    const ra = t.resourceAttrs;
    expect(
      Array.from({ length: ra.offsets[r + 1] - ra.offsets[r] }, (_, k) => [
        t.strings[ra.keys[ra.offsets[r] + k]],
        t.strings[ra.values[ra.offsets[r] + k]],
      ])
    ).toEqual([
      ['service.name', 'frontend'],
      ['net.host.ip', '10.0.0.1'],
      ['net.host.port', '8080'],
    ]);
  });

  it('splits the spans of a file into traces by trace id, in file order', () => {
    const traces = zipkinTraces(fixture('zipkin-untimed.json'));
    expect(traces.map((t) => [t.traceId, t.spanCount])).toEqual([
      ['86154a4ba6e913854d1c2ac3d7b1bba8', 3],
      // a 64-bit trace id is padded to 32 digits
      ['0000000000000000463ac35c9f6413ad', 1],
    ]);
    const worker = traces[1];
    expect(worker.status[0]).toBe(StatusCode.Error);
    expect(worker.strings[worker.statusMessage[0]]).toBe('queue closed');
  });

  it('marks missing times unset, so the builder repairs them instead of reading 1970', () => {
    const [t] = zipkinTraces(fixture('zipkin-untimed.json'));
    // no span time before the root's start T = 1700000000 s, and the trace is not 56 years long
    expect(t.startUnixNano).toBe('1700000000000000000');
    expect(analyzeTrace(t).duration).toBeLessThan(1e9);
  });

  it('keeps a shared server span whose client half is not in the file as it is', () => {
    const base = { traceId: '0123456789abcdef', timestamp: 1700000000000000, duration: 10 };
    const [t] = zipkinTraces([
      { ...base, id: 'a', parentId: 'b', kind: 'SERVER', shared: true, localEndpoint: { serviceName: 's' } },
      { ...base, id: 'c', parentId: '000000000000000a', name: 'child', localEndpoint: { serviceName: 's' } },
    ]);
    // 'a' and '000000000000000a' are the same id 0xa; nothing to split, nothing re-parented
    expect([t.idLo[0], t.parentLo[0], t.idLo[1], t.parentLo[1]]).toEqual([10, 11, 12, 10]);
    expect(t.warnings).toEqual([]);
  });

  it('derives a free id when the masked id is taken', () => {
    const base = { traceId: '0123456789abcdef', timestamp: 1700000000000000, duration: 10 };
    const [t] = zipkinTraces([
      { ...base, id: '0000000000000001', kind: 'CLIENT' },
      { ...base, id: '0000000000000001', kind: 'SERVER' },
      { ...base, id: '5a17ed5a17ed5a16', parentId: '0000000000000001' },
    ]);
    // the mask is 5a17ed5a17ed5a17: 1 XOR mask = …5a16, taken by the third span, so the next value …5a17
    expect(idToHex(t.idHi[1], t.idLo[1])).toBe('5a17ed5a17ed5a17');
    expect(idToHex(t.parentHi[1], t.parentLo[1])).toBe('0000000000000001');
  });

  it("reads the fractional µs of Grafana's trace download to the ns", () => {
    // Grafana's Zipkin download writes its ms × 1000: start 1700000000000000.5 µs, duration 2.25 µs
    const [t] = zipkinTraces([
      { traceId: '0123456789abcdef', id: '1', timestamp: 1700000000000000, duration: 10 },
      { traceId: '0123456789abcdef', id: '2', parentId: '1', timestamp: 1700000000000000.5, duration: 2.25 },
    ]);
    // 0.5 µs = 500 ns after the root; ends 500 + 2250 = 2750 ns
    expect([t.start[1], t.end[1], t.end[0]]).toEqual([500, 2750, 10000]);
  });

  it("reads Grafana's Zipkin download: one endpoint per span, typed tags, shared as a tag value", () => {
    // the shape of Grafana's transformToZipkin: the span's service in localEndpoint or remoteEndpoint
    // (by its endpointType), ms × 1000 times, kind and shared taken from tags
    const spans = fixture('grafana-zipkin-download.json');
    const [t] = zipkinTraces(spans);
    const client = spanNamed(t, 'get /pay', 'shop');
    // the remote-only span is named by its remote endpoint, and gets no peer.service of itself
    const server = spanNamed(t, 'get /pay', 'payments');
    expect(attrsOf(t, server)).toEqual({ 'net.peer.port': '8443', 'http.status_code': '200', retried: 'false' });
    expect(t.spanAttrs.types[t.spanAttrs.offsets[server] + 1]).toBe(AttrType.Int);
    // "shared": "true" on the server half: nested under the client half
    expect(analyzeTrace(t).tree.parent[server]).toBe(client);
    // client 0–1000.5 µs, server 100.25–900.75 µs: client self 1000.5 − 800.5 = 200 µs
    expect(analyzeTrace(t).selfTime[client]).toBe(200000);
  });

  it('rejects malformed spans naming the span and field', () => {
    const ok = { traceId: '0123456789abcdef', id: '1', timestamp: 1700000000000000, duration: 5 };
    const expected = '[1].timestamp: expected a number of microseconds (≥ 0, below 2^53), found';
    expect(errorOf([ok, { ...ok, timestamp: 'soon' }])).toBe(`${expected} the string "soon"`);
    expect(errorOf([ok, { ...ok, timestamp: -3 }])).toBe(`${expected} -3`);
    expect(errorOf([ok, { ...ok, timestamp: 1e300 }])).toBe(`${expected} 1e+300`);
    expect(errorOf([ok, { ...ok, timestamp: true }])).toBe(`${expected} true`);
    expect(errorOf([[ok, { ...ok, id: null }]])).toBe('[0][1]: no id');
    expect(errorOf([{ ...ok, id: 'x'.repeat(500) }])).toBe(
      '[0].id: is not a hex span id of 1 to 16 digits (500 characters)'
    );
    expect(errorOf([{ ...ok, id: 'zz\u00a0' }])).toBe(
      '[0].id: "zz\\u00a0" is not a hex span id of 1 to 16 digits (3 characters)'
    );
    expect(errorOf([{ ...ok, traceId: undefined }])).toBe('[0].traceId: no traceId');
    expect(errorOf([{ ...ok, kind: 'SERVERLESS' }])).toBe(
      '[0].kind: unknown value "SERVERLESS" (expected CLIENT, SERVER, PRODUCER or CONSUMER)'
    );
    expect(errorOf([{ ...ok, tags: { 'http.status': { code: 200 } } }])).toBe(
      '[0].tags["http.status"]: expected a string, found an object'
    );
    expect(errorOf([{ ...ok, annotations: [{ value: 'x' }] }])).toBe('[0].annotations[0]: no timestamp');
    expect(errorOf([3])).toBe('[0]: expected a span object, found 3');
  });
});

describe('shared spans (property)', () => {
  it('every server half gets an id no other span has, under its client half', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(hex, { minLength: 1, maxLength: 30 }),
        fc.array(hex, { maxLength: 10 }),
        (ids, others) => {
          const base = { traceId: '0123456789abcdef', timestamp: 1700000000000000, duration: 10 };
          // each id a client/server pair; other spans take the ids the mask would derive (and their successors)
          const mask = (id: string) =>
            (BigInt(`0x${id}`) ^ BigInt('0x5a17ed5a17ed5a17')).toString(16).padStart(16, '0');
          const spans: Array<Record<string, unknown>> = [
            ...ids.flatMap((id) => [
              { ...base, id, kind: 'CLIENT' },
              { ...base, id, kind: 'SERVER', shared: true },
            ]),
            ...ids.map((id) => ({ ...base, id: mask(id), name: 'taken' })),
            ...others.map((id) => ({ ...base, id, name: 'other' })),
          ].filter((sp, k, all) => 'kind' in sp || all.findIndex((o) => o.id === sp.id) === k);
          const [t] = zipkinTraces(spans);
          const idOf = (i: number) => idToHex(t.idHi[i], t.idLo[i]);
          const servers = Array.from({ length: t.spanCount }, (_, i) => i).filter((i) => t.kind[i] === SpanKind.Server);
          const all = Array.from({ length: t.spanCount }, (_, i) => idOf(i));
          for (const i of servers) {
            // its parent is the client half with the shared id; no other span has its id
            expect(all.filter((id) => id === idOf(i)).length).toBe(1);
            expect(t.kind[all.indexOf(idToHex(t.parentHi[i], t.parentLo[i]))]).toBe(SpanKind.Client);
          }
          expect(servers.length).toBe(ids.length);
        }
      ),
      { numRuns: 100 }
    );
  });
});

describe('hostile Zipkin JSON (property)', () => {
  const allPaths = jsonPaths(fixture('zipkin-shared.json'));

  it('any value anywhere gives traces with finite ordered times or a TraceParseError, never another error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: allPaths.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (p, value) => {
        const spans = replaceAt(fixture('zipkin-shared.json'), allPaths[p], value);
        try {
          for (const t of zipkinTraces(spans)) {
            expect(t.start.every((v, i) => Number.isFinite(v) && t.end[i] >= v)).toBe(true);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(TraceParseError);
          expect((e as Error).message.length).toBeLessThan(300);
        }
      }),
      { numRuns: 400 }
    );
  });
});
