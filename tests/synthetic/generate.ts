/**
 * Deterministic synthetic traces for tests and benchmarks.
 *
 * Shapes (n = span count):
 * - `wide`:   one root with n−1 sequential children.
 * - `deep`:   an n-long parent→child chain, each span nested inside its parent.
 * - `fanout`: a tree where every span has up to 8 children running in parallel.
 * - `random`: a realistic multi-service request tree — SERVER spans calling other services
 *   through CLIENT→SERVER pairs with network gaps, database and cache CLIENT leaves, INTERNAL
 *   work, sequential and parallel child groups, a few PRODUCER→CONSUMER hand-offs whose
 *   consumer outlives its producer, and HTTP/DB attributes.
 * Same (shape, n, seed) → same trace, bit for bit. Times are whole microseconds (in ns), so
 * Grafana's float-ms frames round-trip exactly. O(n).
 *
 * Why apart from tests/generator: this makes one trace of a chosen shape and any size, in columns
 * (typed arrays), so the bench and the browser's big-trace test build 100k+ spans in linear time
 * and write them in every wire shape the readers take; tests/generator makes batches of whole
 * requests through the demo system, with the ground truth the live tests compare against. Both
 * draw from the same seeded PRNG (tests/support/random.ts).
 */
import type { AttributeScalar } from '../support/otlp';
import { seededRandom } from '../support/random';

export type Shape = 'wide' | 'deep' | 'fanout' | 'random';

/** Span kinds with OTLP numbers (kept local: the generator does not depend on the engine). */
export const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

export interface SynthTrace {
  readonly n: number;
  /** 32 lowercase hex digits */
  readonly traceId: string;
  /** absolute time of ns offset 0: seconds since the epoch */
  readonly baseSeconds: number;
  readonly parent: Int32Array;
  /** ns since baseSeconds; whole microseconds */
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly service: Uint16Array;
  readonly name: Uint32Array;
  readonly kind: Uint8Array;
  /** 0 unset, 1 ok, 2 error */
  readonly status: Uint8Array;
  readonly idHi: Uint32Array;
  readonly idLo: Uint32Array;
  readonly services: string[];
  readonly names: string[];
  /** sparse span attributes */
  readonly attributes: Map<number, Array<[string, AttributeScalar]>>;
}

const SERVICES = [
  'frontend',
  'api-gateway',
  'auth',
  'users',
  'orders',
  'inventory',
  'payments',
  'search',
  'postgres',
  'redis',
];
const ROUTES = ['/api/users/{id}', '/api/orders', '/api/cart', '/api/search', '/api/checkout', '/login'];

/** Mutable columns while generating. */
class Draft {
  parent: Int32Array;
  start: Float64Array;
  end: Float64Array;
  service: Uint16Array;
  name: Uint32Array;
  kind: Uint8Array;
  status: Uint8Array;
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  readonly attributes = new Map<number, Array<[string, AttributeScalar]>>();
  count = 0;

  constructor(readonly n: number) {
    this.parent = new Int32Array(n);
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    this.service = new Uint16Array(n);
    this.name = new Uint32Array(n);
    this.kind = new Uint8Array(n);
    this.status = new Uint8Array(n);
  }

  add(parent: number, start: number, end: number, service: number, name: string, kind: number): number {
    const i = this.count++;
    this.parent[i] = parent;
    this.start[i] = Math.round(start / 1000) * 1000;
    this.end[i] = Math.max(this.start[i], Math.round(end / 1000) * 1000);
    this.service[i] = service;
    let k = this.nameIndex.get(name);
    if (k === undefined) {
      k = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, k);
    }
    this.name[i] = k;
    this.kind[i] = kind;
    return i;
  }

  attr(i: number, key: string, value: AttributeScalar): void {
    const list = this.attributes.get(i) ?? [];
    list.push([key, value]);
    this.attributes.set(i, list);
  }

  full(): boolean {
    return this.count >= this.n;
  }
}

function wide(d: Draft): void {
  const root = d.add(-1, 0, d.n * 1000, 0, 'GET /batch', KIND.server);
  for (let k = 1; k < d.n; k++) {
    d.add(root, (k - 1) * 1000 + 100, k * 1000, 1, `step ${k % 10}`, KIND.internal);
  }
}

function deep(d: Draft): void {
  const total = d.n * 2000;
  for (let k = 0; k < d.n; k++) {
    d.add(k - 1, k * 1000, total - k * 1000, k % 3, `level ${k % 7}`, k === 0 ? KIND.server : KIND.internal);
  }
}

function fanout(d: Draft, random: () => number): void {
  d.add(-1, 0, 1e10, 0, 'GET /fanout', KIND.server);
  for (let p = 0; !d.full(); p++) {
    const width = d.end[p] - d.start[p];
    for (let c = 0; c < 8 && !d.full(); c++) {
      const s = d.start[p] + width * 0.05 * random();
      d.add(p, s, s + (d.end[p] - s) * (0.5 + 0.5 * random()), (p + c) % 4, `part ${c}`, KIND.internal);
    }
  }
}

/** Breadth-first growth of a multi-service request tree (see the file header). */
function realistic(d: Draft, random: () => number): void {
  const root = d.add(-1, 0, 5e9 + 5e9 * random(), 0, 'GET /checkout', KIND.server);
  d.attr(root, 'http.route', '/checkout');
  d.attr(root, 'x_request_id', `req-${Math.floor(random() * 1e9)}`);
  for (let p = 0; !d.full(); p++) {
    if (p >= d.count) {
      // every span so far is a leaf: give the last one more work
      p = d.count - 1;
    }
    const kind = d.kind[p];
    if (kind === KIND.client && targetOf(d, p) < 8) {
      serverFor(d, p, random);
      continue;
    }
    if (kind !== KIND.server && kind !== KIND.internal && kind !== KIND.consumer && p < d.count - 1) {
      continue;
    }
    const count = 1 + Math.floor(random() * 5);
    const parallel = random() < 0.3;
    const s0 = d.start[p];
    const width = d.end[p] - s0;
    for (let c = 0; c < count && !d.full(); c++) {
      let s: number;
      let e: number;
      if (parallel) {
        s = s0 + width * 0.1 * random();
        e = s + (s0 + width * 0.95 - s) * (0.3 + 0.7 * random());
      } else {
        s = s0 + (width * (c + 0.1)) / count;
        e = s + (width * (0.5 + 0.4 * random())) / count;
      }
      child(d, p, s, e, random);
    }
  }
}

function child(d: Draft, p: number, s: number, e: number, random: () => number): void {
  const svc = d.service[p];
  const r = random();
  if (r < 0.35) {
    const target = 1 + Math.floor(random() * 7);
    const i = d.add(p, s, e, svc, `call ${SERVICES[target]}`, KIND.client);
    d.attr(i, 'peer.service', SERVICES[target]);
    d.attr(i, 'rpc.target', target);
  } else if (r < 0.55) {
    const db = random() < 0.7 ? 8 : 9;
    const i = d.add(p, s, e, svc, db === 8 ? 'SELECT orders' : 'GET cart', KIND.client);
    d.attr(i, 'db.system', db === 8 ? 'postgresql' : 'redis');
    d.attr(i, 'rpc.target', db);
  } else if (r < 0.6 && !d.full()) {
    const i = d.add(p, s, s + (e - s) * 0.2, svc, 'publish order', KIND.producer);
    d.attr(i, 'messaging.system', 'kafka');
    if (!d.full()) {
      const qs = d.end[i] + (e - s) * 0.1;
      const c = d.add(i, qs, qs + (e - s) * (0.5 + random()), 4, 'consume order', KIND.consumer);
      d.attr(c, 'messaging.system', 'kafka');
    }
  } else {
    const i = d.add(p, s, e, svc, `work ${Math.floor(random() * 6)}`, KIND.internal);
    if (random() < 0.05) {
      d.status[i] = 2;
    }
  }
}

/** Service index a CLIENT span calls (its `rpc.target` attribute). */
function targetOf(d: Draft, p: number): number {
  return Number(d.attributes.get(p)?.find(([k]) => k === 'rpc.target')?.[1] ?? 9);
}

/** The SERVER span answering CLIENT span p, inside it with network gaps at both ends. */
function serverFor(d: Draft, p: number, random: () => number): void {
  const target = targetOf(d, p);
  const width = d.end[p] - d.start[p];
  const s = d.start[p] + width * 0.05 * random();
  const e = d.end[p] - width * 0.05 * random();
  const route = ROUTES[Math.floor(random() * ROUTES.length)];
  const i = d.add(p, s, e, target, `GET ${route}`, KIND.server);
  d.attr(i, 'http.route', route);
  d.attr(i, 'http.status_code', random() < 0.02 ? 500 : 200);
  if (d.attributes.get(i)![1][1] === 500) {
    d.status[i] = 2;
  }
}

/** A deterministic trace of `n` spans with the given shape. */
export function generateTrace(shape: Shape, n: number, seed = 1): SynthTrace {
  const random = seededRandom(seed).next;
  const d = new Draft(n);
  if (shape === 'wide') {
    wide(d);
  } else if (shape === 'deep') {
    deep(d);
  } else if (shape === 'fanout') {
    fanout(d, random);
  } else {
    realistic(d, random);
  }
  const idHi = new Uint32Array(n);
  const idLo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    idHi[i] = (Math.floor(random() * 0xffffffff) | 1) >>> 0;
    idLo[i] = i + 1;
  }
  const traceId = Array.from({ length: 4 }, () =>
    Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')
  ).join('');
  return {
    n,
    traceId,
    baseSeconds: 1700000000 + (seed % 100000),
    parent: d.parent,
    start: d.start,
    end: d.end,
    service: d.service,
    name: d.name,
    kind: d.kind,
    status: d.status,
    idHi,
    idLo,
    services: SERVICES,
    names: d.names,
    attributes: d.attributes,
  };
}
