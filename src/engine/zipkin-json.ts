/**
 * Reads Zipkin v2 JSON (`POST /api/v2/spans` bodies, `GET /api/v2/trace/{id}` answers, the
 * Zipkin UI's download): an array of span objects, or an array of such arrays (the answer of
 * `GET /api/v2/traces`). Spans are grouped by trace id (file order); each trace is built with a
 * {@link TraceBuilder}.
 *
 * Definitions (Zipkin span → the trace model):
 * - Ids: `traceId` 16 or 32 hex digits (16 are padded to 32, as OTLP writes them); `id` and
 *   `parentId` 1–16 hex digits. A missing, null or empty `id` is rejected naming the span (the
 *   rule of ids.ts); a missing, empty or all-zero `parentId` means a root.
 * - `kind` CLIENT/SERVER/PRODUCER/CONSUMER → the OTLP kind; no kind (a local span) → INTERNAL.
 * - Times are µs since the epoch: `timestamp` → start, `timestamp + duration` → end,
 *   annotations `{timestamp, value}` → events named `value`. Zipkin allows a span without
 *   `timestamp` or `duration` (and writes 0 for "unknown"): such a span gets the builder's
 *   `UNSET_START`/`UNSET_END` bits (a missing start makes the end unknown too) and is repaired
 *   there. Zipkin writes whole µs; a fraction (Grafana's trace download writes its ms × 1000) is
 *   read to the nearest ns of its float64 value. A time that is not a number ≥ 0 below 2^53 is
 *   an error.
 * - `localEndpoint.serviceName` → the resource's `service.name` (a span with only a remote
 *   endpoint takes its service from it, as Zipkin's UI and Grafana do); one resource per
 *   distinct local endpoint (service, ipv4, ipv6, port), whose address becomes
 *   `net.host.ip`/`net.host.port`. `remoteEndpoint` → span attributes `peer.service` (unless it
 *   names the span's own service), `net.peer.ip`, `net.peer.port`.
 * - `tags` → string attributes (numbers and booleans, which Grafana's trace download may write,
 *   keep their type), except: `error` → status ERROR with the tag's value as its
 *   message (Zipkin's convention); `otel.status_code` OK/ERROR (and `otel.status_description`)
 *   → the status, as OpenTelemetry's Zipkin exporter writes it; `otel.scope.name`/`.version`
 *   (older `otel.library.*`) → the scope. `debug: true` → attribute `zipkin.debug`.
 * - Shared spans (Zipkin's RPC model): a client and a server that report the same `id`, the
 *   server half with `shared: true` (or, from instrumentation that omits the flag, kind SERVER
 *   beside a CLIENT of that id). Zipkin means one RPC seen from both sides, so the server half
 *   becomes a span of its own nested under the client half: the client keeps the id and its
 *   parent; the server half gets a derived id and the client as its parent. The derived id is
 *   the shared id XOR 0x5a17ed5a17ed5a17 (`+1` until free), checked against every span id and
 *   parent id of the trace, so it never equals an id the trace uses. A span whose `parentId`
 *   is the shared id hangs under the server half when its service (as above: the local
 *   endpoint's) is the server half's, else under the client (a client-side child, e.g. the
 *   client's own retry logic). With several server halves, a child goes to the first one of
 *   its service.
 *   Without this, the halves would be duplicate ids and the RPC's time would land on one side.
 * Malformed input throws a {@link TraceParseError} naming the span by its place in the file
 * (`[3].timestamp: …`, `[1][0].id: …`).
 *
 * Complexity: `JSON.parse` of the text (a Zipkin span is a small object; files are read once),
 * then O(spans + tags + annotations) plus an O(n log n) sort of each trace's ids for the
 * shared-span pass (equal ids found by sorting, ids looked up by binary search, so crafted ids
 * cannot make it slow). Spans are grouped by trace id with a Map keyed by the trace id text,
 * whose string hash V8 seeds at random per process.
 */
import { fail, TraceBuilder, UNSET_END, UNSET_START } from './builder';
import { quoteInput } from './errors';
import { inputWarning } from './input-warnings';
import { decodeHexId, IdHalves, idToHex, quotedId } from './ids';
import { AttrType, ParsedTrace, SpanKind, StatusCode } from './model';

const KINDS: Record<string, SpanKind> = {
  CLIENT: SpanKind.Client,
  SERVER: SpanKind.Server,
  PRODUCER: SpanKind.Producer,
  CONSUMER: SpanKind.Consumer,
};

/** XOR mask of the derived id of a shared span's server half (see the header). */
const SHARED_MASK_HI = 0x5a17ed5a;
const SHARED_MASK_LO = 0x17ed5a17;

/** A span checked and decoded, before it is built. */
interface ZipkinSpan {
  path: string;
  raw: Record<string, unknown>;
  hi: number;
  lo: number;
  parentHi: number;
  parentLo: number;
  hasParent: boolean;
  kind: SpanKind;
  shared: boolean;
  service: string;
  /** the service came from the remote endpoint (no local one named) */
  remoteOnly: boolean;
  /** µs, -1 when unknown */
  startUs: number;
  durationUs: number;
}

/** Describes a JSON value for a message: its kind, or a short quote of a string. */
function describe(v: unknown): string {
  if (v === null) {
    return 'null';
  }
  if (Array.isArray(v)) {
    return 'an array';
  }
  switch (typeof v) {
    case 'string':
      return `the string ${quoteInput(v, 40)}`;
    case 'number':
    case 'boolean':
      return String(v);
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A number of µs ≥ 0 below 2^53, or -1 when absent/null/0 ("unknown" in Zipkin). */
function micros(v: unknown, path: string): number {
  if (v === undefined || v === null || v === 0) {
    return -1;
  }
  if (typeof v !== 'number' || !(v >= 0 && v <= Number.MAX_SAFE_INTEGER)) {
    fail(`${path}: expected a number of microseconds (≥ 0, below 2^53), found ${describe(v)}`);
  }
  return v;
}

function optionalString(v: unknown, path: string): string {
  if (v === undefined || v === null) {
    return '';
  }
  if (typeof v !== 'string') {
    fail(`${path}: expected a string, found ${describe(v)}`);
  }
  return v;
}

/** Decodes a hex span id (1–16 digits) into `out`; false when absent, null or ''. */
function spanId(v: unknown, path: string, out: IdHalves): boolean {
  const text = optionalString(v, path);
  if (text === '') {
    out.hi = 0;
    out.lo = 0;
    return false;
  }
  decodeHexId(text, 0, text.length, out);
  if (!out.ok) {
    const quoted = quotedId(text);
    const shown = quoted ? `${quoted} ` : '';
    fail(`${path}: ${shown}is not a hex span id of 1 to 16 digits (${text.length} characters)`);
  }
  return true;
}

function traceIdOf(v: unknown, path: string): string {
  const text = optionalString(v, path);
  if (!/^[0-9a-fA-F]{16}$|^[0-9a-fA-F]{32}$/.test(text)) {
    const quoted = quotedId(text);
    const shown = quoted ? `${quoted} ` : '';
    fail(
      text === ''
        ? `${path}: no traceId`
        : `${path}: ${shown}is not a hex trace id of 16 or 32 digits (${text.length} characters)`
    );
  }
  return text.toLowerCase().padStart(32, '0');
}

/** Checks and decodes the fields that decide a span's place in the trace. */
function readSpan(raw: unknown, path: string, id: IdHalves): ZipkinSpan {
  if (!isObject(raw)) {
    fail(`${path}: expected a span object, found ${describe(raw)}`);
  }
  if (!spanId(raw.id, `${path}.id`, id)) {
    fail(`${path}: no id`);
  }
  const hi = id.hi;
  const lo = id.lo;
  const hasParent = spanId(raw.parentId, `${path}.parentId`, id) && (id.hi !== 0 || id.lo !== 0);
  const kindText = optionalString(raw.kind, `${path}.kind`);
  const kind = kindText === '' ? SpanKind.Internal : KINDS[kindText.toUpperCase()];
  if (kind === undefined) {
    fail(`${path}.kind: unknown value ${quoteInput(kindText)} (expected CLIENT, SERVER, PRODUCER or CONSUMER)`);
  }
  const local = raw.localEndpoint;
  if (local !== undefined && local !== null && !isObject(local)) {
    fail(`${path}.localEndpoint: expected an object, found ${describe(local)}`);
  }
  const localService = optionalString(local?.serviceName, `${path}.localEndpoint.serviceName`);
  const remote = isObject(raw.remoteEndpoint) ? raw.remoteEndpoint : undefined;
  const startUs = micros(raw.timestamp, `${path}.timestamp`);
  const durationUs = micros(raw.duration, `${path}.duration`);
  if (startUs >= 0 && durationUs >= 0 && startUs + durationUs > Number.MAX_SAFE_INTEGER) {
    fail(`${path}: timestamp + duration is too large (more than 2^53 µs)`);
  }
  return {
    path,
    raw,
    hi,
    lo,
    parentHi: id.hi,
    parentLo: id.lo,
    hasParent,
    kind,
    shared: raw.shared === true || raw.shared === 'true',
    // a span with only a remote endpoint is named by it, as Zipkin's UI and Grafana do
    service: localService || optionalString(remote?.serviceName, `${path}.remoteEndpoint.serviceName`),
    remoteOnly: localService === '',
    startUs,
    durationUs,
  };
}

/** Order of two ids (as unsigned 64-bit numbers). */
function compareIds(a: { hi: number; lo: number }, b: { hi: number; lo: number }): number {
  return a.hi - b.hi || a.lo - b.lo;
}

/** Index of the id (hi, lo) in `sorted` (ascending by id), or -1. O(log n). */
function findId(sorted: ReadonlyArray<{ hi: number; lo: number }>, hi: number, lo: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const c = sorted[mid].hi - hi || sorted[mid].lo - lo;
    if (c === 0) {
      return mid;
    }
    if (c < 0) {
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return -1;
}

/** The span and parent ids of a trace (sorted, binary-searched) plus the ids derived so far. */
class IdSet {
  private readonly sorted: Array<{ hi: number; lo: number }>;
  private readonly derived = new Set<string>();

  constructor(spans: readonly ZipkinSpan[]) {
    this.sorted = spans.map((s) => ({ hi: s.hi, lo: s.lo }));
    for (const s of spans) {
      if (s.hasParent) {
        this.sorted.push({ hi: s.parentHi, lo: s.parentLo });
      }
    }
    this.sorted.sort(compareIds);
  }

  private has(hi: number, lo: number): boolean {
    return findId(this.sorted, hi, lo) >= 0 || this.derived.has(idToHex(hi, lo));
  }

  /** Gives a server half its derived id: the shared id XOR the mask, +1 until unused. */
  derive(server: ZipkinSpan): void {
    let hi = (server.hi ^ SHARED_MASK_HI) >>> 0;
    let lo = (server.lo ^ SHARED_MASK_LO) >>> 0;
    while (this.has(hi, lo)) {
      lo = (lo + 1) >>> 0;
      hi = lo === 0 ? (hi + 1) >>> 0 : hi;
    }
    this.derived.add(idToHex(hi, lo));
    server.hi = hi;
    server.lo = lo;
  }
}

/** Builds one trace from its checked spans (file order). */
class ZipkinTraceBuilder {
  private readonly b: TraceBuilder;
  private readonly resources = new Map<string, number>();
  private readonly scopes = new Map<string, number>();
  private readonly time = { sec: 0, ns: 0, ok: true };

  constructor(
    private readonly traceId: string,
    private readonly spans: ZipkinSpan[]
  ) {
    this.b = new TraceBuilder(spans.length);
  }

  build(): ParsedTrace {
    const b = this.b;
    b.noteTraceId(this.traceId);
    const shared = this.splitSharedSpans();
    for (const s of this.spans) {
      this.span(s);
    }
    if (shared > 0) {
      b.warn(inputWarning('zipkin-shared-ids', { count: shared }));
    }
    return b.finish();
  }

  /**
   * Gives the server halves of shared ids their derived ids and parents, and re-parents the
   * children of shared ids (see the header). Returns how many ids were shared. Equal ids are
   * found by sorting (O(n log n), whatever the ids), the shared ids and the ids in use are
   * looked up by binary search: no hash of an id the input chose.
   */
  private splitSharedSpans(): number {
    const spans = this.spans;
    const byId = spans.map((_, k) => k).sort((x, y) => compareIds(spans[x], spans[y]) || x - y);
    const sharedIds: Array<{ hi: number; lo: number }> = [];
    const servers: ZipkinSpan[][] = [];
    let used: IdSet | undefined;
    for (let from = 0, to = 1; from < byId.length; from = to, to = from + 1) {
      while (to < byId.length && compareIds(spans[byId[from]], spans[byId[to]]) === 0) {
        to++;
      }
      if (to - from < 2) {
        continue;
      }
      const list = byId.slice(from, to).map((k) => spans[k]);
      const hasClient = list.some((h) => h.kind === SpanKind.Client && !h.shared);
      const halves = list.filter((h) => h.shared || (hasClient && h.kind === SpanKind.Server));
      const client = list.find((h) => !halves.includes(h));
      if (halves.length === 0 || !client) {
        continue;
      }
      used ??= new IdSet(spans);
      sharedIds.push({ hi: client.hi, lo: client.lo });
      servers.push(halves);
      for (const server of halves) {
        used.derive(server);
        server.parentHi = client.hi;
        server.parentLo = client.lo;
        server.hasParent = true;
      }
    }
    if (servers.length === 0) {
      return 0;
    }
    for (const s of spans) {
      const g = s.hasParent ? findId(sharedIds, s.parentHi, s.parentLo) : -1;
      const server = g >= 0 && !servers[g].includes(s) ? servers[g].find((h) => h.service === s.service) : undefined;
      if (server) {
        s.parentHi = server.hi;
        s.parentLo = server.lo;
      }
    }
    return servers.length;
  }

  private span(s: ZipkinSpan): void {
    const b = this.b;
    const raw = s.raw;
    const i = b.beginSpan(this.resourceOf(s), 0);
    b.idHi[i] = s.hi;
    b.idLo[i] = s.lo;
    if (s.hasParent) {
      b.parentHi[i] = s.parentHi;
      b.parentLo[i] = s.parentLo;
      b.hasParent[i] = 1;
    }
    b.kind[i] = s.kind;
    b.name[i] = b.intern(optionalString(raw.name, `${s.path}.name`));
    this.times(i, s);
    this.remote(i, raw.remoteEndpoint, `${s.path}.remoteEndpoint`, s.remoteOnly);
    this.tags(i, raw.tags, s.path);
    if (raw.debug === true) {
      b.spanAttrs.add(i, b.intern('zipkin.debug'), AttrType.Bool, b.intern('true'));
    }
    this.annotations(i, raw.annotations, `${s.path}.annotations`);
  }

  private times(i: number, s: ZipkinSpan): void {
    const b = this.b;
    this.setMicros(s.startUs >= 0 ? s.startUs : 0);
    b.startSec[i] = this.time.sec;
    b.startNs[i] = this.time.ns;
    // the end from the start's ns plus the duration's: no float sum of two µs counts
    const ns = this.time.ns + (s.startUs >= 0 && s.durationUs >= 0 ? Math.round(s.durationUs * 1000) : 0);
    b.endSec[i] = this.time.sec + Math.floor(ns / 1e9);
    b.endNs[i] = ns % 1e9;
    b.timeUnset[i] = s.startUs < 0 ? UNSET_START | UNSET_END : s.durationUs < 0 ? UNSET_END : 0;
  }

  /** Sets `time` to `us` µs since the epoch, to the nearest ns (a fraction of a µs included). */
  private setMicros(us: number): void {
    let sec = Math.floor(us / 1e6);
    // exact: both terms are within a second of each other
    let ns = Math.round((us - sec * 1e6) * 1000);
    if (ns >= 1e9) {
      sec += 1;
      ns -= 1e9;
    }
    this.time.sec = sec;
    this.time.ns = ns;
  }

  /** Resource of the span's local endpoint (one per distinct endpoint). */
  private resourceOf(s: ZipkinSpan): number {
    const b = this.b;
    const local = isObject(s.raw.localEndpoint) ? s.raw.localEndpoint : {};
    const path = `${s.path}.localEndpoint`;
    const ip = optionalString(local.ipv4, `${path}.ipv4`) || optionalString(local.ipv6, `${path}.ipv6`);
    const port = this.port(local.port, `${path}.port`);
    const key = JSON.stringify([s.service, ip, port]);
    let r = this.resources.get(key);
    if (r === undefined) {
      r = b.beginResource();
      if (s.service !== '') {
        b.resourceAttrs.add(r, b.intern('service.name'), AttrType.String, b.intern(s.service));
      }
      if (ip !== '') {
        b.resourceAttrs.add(r, b.intern('net.host.ip'), AttrType.String, b.intern(ip));
      }
      if (port !== '') {
        b.resourceAttrs.add(r, b.intern('net.host.port'), AttrType.Int, b.intern(port));
      }
      this.resources.set(key, r);
    }
    return r;
  }

  /** A port number as decimal text ('' when absent). */
  private port(v: unknown, path: string): string {
    if (v === undefined || v === null) {
      return '';
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 65535) {
      fail(`${path}: expected a port number, found ${describe(v)}`);
    }
    return String(v);
  }

  /** The remote endpoint as peer attributes (its service not when it already names the span's). */
  private remote(i: number, v: unknown, path: string, namesSpan: boolean): void {
    if (v === undefined || v === null) {
      return;
    }
    if (!isObject(v)) {
      fail(`${path}: expected an object, found ${describe(v)}`);
    }
    const b = this.b;
    const service = optionalString(v.serviceName, `${path}.serviceName`);
    const ip = optionalString(v.ipv4, `${path}.ipv4`) || optionalString(v.ipv6, `${path}.ipv6`);
    const port = this.port(v.port, `${path}.port`);
    if (service !== '' && !namesSpan) {
      b.spanAttrs.add(i, b.intern('peer.service'), AttrType.String, b.intern(service));
    }
    if (ip !== '') {
      b.spanAttrs.add(i, b.intern('net.peer.ip'), AttrType.String, b.intern(ip));
    }
    if (port !== '') {
      b.spanAttrs.add(i, b.intern('net.peer.port'), AttrType.Int, b.intern(port));
    }
  }

  /** Tags → attributes; `error`, `otel.status_*` and `otel.scope.*`/`otel.library.*` → status and scope. */
  private tags(i: number, v: unknown, path: string): void {
    if (v === undefined || v === null) {
      return;
    }
    if (!isObject(v)) {
      fail(`${path}.tags: expected an object of strings, found ${describe(v)}`);
    }
    const b = this.b;
    let scopeName = '';
    let scopeVersion = '';
    let error: string | undefined;
    let code = '';
    let description = '';
    for (const key of Object.keys(v)) {
      const raw = v[key];
      if (typeof raw === 'number' || typeof raw === 'boolean') {
        // Zipkin's tags are strings; Grafana's download may write numbers and booleans
        const type = typeof raw === 'boolean' ? AttrType.Bool : Number.isInteger(raw) ? AttrType.Int : AttrType.Double;
        b.spanAttrs.add(i, b.intern(key), type, b.intern(String(raw)));
        continue;
      }
      if (typeof raw !== 'string') {
        fail(`${path}.tags[${quoteInput(key)}]: expected a string, found ${describe(raw)}`);
      }
      const value = raw;
      if (key === 'error') {
        error = value;
      } else if (key === 'otel.status_code' && /^(ok|error)$/i.test(value)) {
        code = value.toUpperCase();
      } else if (key === 'otel.status_description') {
        description = value;
      } else if (key === 'otel.scope.name' || (key === 'otel.library.name' && scopeName === '')) {
        scopeName = value;
      } else if (key === 'otel.scope.version' || (key === 'otel.library.version' && scopeVersion === '')) {
        scopeVersion = value;
      } else {
        b.spanAttrs.add(i, b.intern(key), AttrType.String, b.intern(value));
      }
    }
    if (error !== undefined) {
      b.status[i] = StatusCode.Error;
      b.statusMessage[i] = b.intern(error === '' || error === 'true' ? description : error);
    } else if (code !== '') {
      b.status[i] = code === 'OK' ? StatusCode.Ok : StatusCode.Error;
      b.statusMessage[i] = b.intern(description);
    } else if (description !== '') {
      b.spanAttrs.add(i, b.intern('otel.status_description'), AttrType.String, b.intern(description));
    }
    b.scope[i] = this.scopeOf(scopeName, scopeVersion);
  }

  private scopeOf(name: string, version: string): number {
    const key = JSON.stringify([name, version]);
    let scope = this.scopes.get(key);
    if (scope === undefined) {
      scope = this.b.beginScope(this.b.intern(name), this.b.intern(version));
      this.scopes.set(key, scope);
    }
    return scope;
  }

  private annotations(i: number, v: unknown, path: string): void {
    if (v === undefined || v === null) {
      return;
    }
    if (!Array.isArray(v)) {
      fail(`${path}: expected an array, found ${describe(v)}`);
    }
    const b = this.b;
    for (let k = 0; k < v.length; k++) {
      const a = v[k];
      if (!isObject(a)) {
        fail(`${path}[${k}]: expected an object, found ${describe(a)}`);
      }
      const us = micros(a.timestamp, `${path}[${k}].timestamp`);
      if (us < 0) {
        fail(`${path}[${k}]: no timestamp`);
      }
      const event = b.beginEvent(i);
      this.setMicros(us);
      b.setEvent(event, this.time, b.intern(optionalString(a.value, `${path}[${k}].value`)));
    }
  }
}

/**
 * Reads Zipkin v2 JSON already parsed by `JSON.parse` (see the file header): one ParsedTrace per
 * trace id, in the order the ids first appear.
 *
 * @throws {@link TraceParseError} naming the span and field, e.g. `[3].timestamp: expected a
 *   number of microseconds (≥ 0, below 2^53), found the string "abc"`.
 */
export function zipkinTraces(spans: unknown[]): ParsedTrace[] {
  const byTrace = new Map<string, ZipkinSpan[]>();
  const id: IdHalves = { hi: 0, lo: 0, ok: false };
  const add = (raw: unknown, path: string) => {
    const span = readSpan(raw, path, id);
    const traceId = traceIdOf(span.raw.traceId, `${path}.traceId`);
    const list = byTrace.get(traceId);
    if (list) {
      list.push(span);
    } else {
      byTrace.set(traceId, [span]);
    }
  };
  for (let k = 0; k < spans.length; k++) {
    const item = spans[k];
    if (Array.isArray(item)) {
      for (let j = 0; j < item.length; j++) {
        add(item[j], `[${k}][${j}]`);
      }
    } else {
      add(item, `[${k}]`);
    }
  }
  return [...byTrace].map(([traceId, list]) => new ZipkinTraceBuilder(traceId, list).build());
}
