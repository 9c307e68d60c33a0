/**
 * Accumulates spans into growable struct-of-arrays columns while an adapter reads its input,
 * interning strings, then `finish()` turns absolute (seconds, nanoseconds) times into exact
 * float64 nanoseconds relative to the earliest span start and packs attribute, event and link
 * lists into flat tables. Amortised O(1) per span/attribute; finish is O(spans + attributes).
 *
 * Unknown times (`timeUnset`: a start or end absent or 0, which OTLP means as "unset", or
 * unusable in a frame) never reject the trace and never stretch it back to 1970: time 0 is the
 * earliest *known* start, and `finish()` repairs the unknown ones from the span's children and
 * parent (see `repairUnset`), with one warning that counts and names the spans. An end before
 * its start becomes a zero duration, also with one naming warning. An event without a time
 * (0, or not finite) is placed at its span's start. A non-finite time from an adapter counts
 * as unknown, so every time of the result is finite, and every span time ≥ 0.
 * Definitions: src/engine/DEFINITIONS.md (shared with the Collector connector in collector/).
 */
import { TraceParseError } from './errors';
import { joinParents } from './id-join';
import { idTextToHex } from './ids';
import { AttrTable, AttrType, NO_SERVICE_NAME, ParsedTrace } from './model';
import { UnixNano } from './unix-nano';
import { InputWarning, inputWarning } from './input-warnings';
import { WarningTally } from './warnings';
import { ownCopy, textAt } from './text-at';

/** Columns of no entries: where every AttrColumns starts (many stay empty, and a small trace is read in microseconds). */
const NO_ENTRIES = new Uint32Array(0);
const NO_TYPES = new Uint8Array(0);

/** Growable key/value columns with an owner per entry; packed by owner at the end. */
class AttrColumns {
  owner = NO_ENTRIES;
  key = NO_ENTRIES;
  value = NO_ENTRIES;
  type = NO_TYPES;
  n = 0;

  add(owner: number, key: number, type: AttrType, value: number): void {
    if (this.n === this.owner.length) {
      const size = Math.max(16, this.n * 2);
      this.owner = grow(this.owner, size);
      this.key = grow(this.key, size);
      this.value = grow(this.value, size);
      this.type = grow(this.type, size);
    }
    this.owner[this.n] = owner;
    this.key[this.n] = key;
    this.value[this.n] = value;
    this.type[this.n] = type;
    this.n++;
  }

  /** Stable counting sort by owner: O(entries + owners). */
  pack(ownerCount: number): AttrTable {
    const offsets = ownerOffsets(this.owner, this.n, ownerCount);
    const fill = offsets.slice(0, ownerCount);
    const keys = new Uint32Array(this.n);
    const values = new Uint32Array(this.n);
    const types = new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const at = fill[this.owner[i]]++;
      keys[at] = this.key[i];
      values[at] = this.value[i];
      types[at] = this.type[i];
    }
    return { offsets, keys, values, types };
  }
}

/** CSR offsets (length owners+1) of `count` entries tagged with their owner. */
function ownerOffsets(owner: Uint32Array, count: number, ownerCount: number): Uint32Array {
  const offsets = new Uint32Array(ownerCount + 1);
  for (let i = 0; i < count; i++) {
    offsets[owner[i] + 1]++;
  }
  for (let o = 0; o < ownerCount; o++) {
    offsets[o + 1] += offsets[o];
  }
  return offsets;
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Bits of `TraceBuilder.seen` for the current span. */
export const SEEN_ID = 1;
export const SEEN_START = 2;
export const SEEN_END = 4;

/**
 * Bits of `TraceBuilder.timeUnset`: the span's start or end is unknown (absent, or 0, which
 * OTLP means as "unset"). `finish()` repairs such spans and warns about them.
 */
export const UNSET_START = 1;
export const UNSET_END = 2;
/** Set by `finish()` on spans whose end it moved up to their start. */
const END_BEFORE_START = 4;

/** Mutable columns an adapter writes span fields into; see the file header. */
export class TraceBuilder {
  n = 0;
  startSec: Float64Array;
  startNs: Float64Array;
  endSec: Float64Array;
  endNs: Float64Array;
  idHi: Uint32Array;
  idLo: Uint32Array;
  parentHi: Uint32Array;
  parentLo: Uint32Array;
  hasParent: Uint8Array;
  name: Uint32Array;
  statusMessage: Uint32Array;
  resource: Uint32Array;
  scope: Uint32Array;
  kind: Uint8Array;
  status: Uint8Array;
  /** UNSET_* bits per span */
  timeUnset: Uint8Array;
  /** SEEN_* bits of the span being read */
  seen = 0;

  readonly spanAttrs = new AttrColumns();
  readonly resourceAttrs = new AttrColumns();
  readonly eventAttrs = new AttrColumns();
  readonly linkAttrs = new AttrColumns();
  private readonly resourceServiceOverride: number[] = [];
  private readonly scopeNames: number[] = [];
  private readonly scopeVersions: number[] = [];
  private readonly eventOwner: number[] = [];
  private readonly eventSec: number[] = [];
  private readonly eventNs: number[] = [];
  private readonly eventName: number[] = [];
  private readonly linkOwner: number[] = [];
  private readonly linkTraceId: string[] = [];
  private readonly linkSpanId: string[] = [];
  private readonly strIndex = new Map<string, number>([['', 0]]);
  private readonly strings: string[] = [''];
  private readonly warnings: InputWarning[] = [];
  private traceIdText = '';
  private traceIdHex = '';
  private mixedTraceIds = 0;
  /** counts saved by `checkpoint()`: spans, span/event/link/resource attributes, events, links */
  private readonly saved = new Uint32Array(7);

  /** `expectedSpans` sizes the columns up front (they still grow if it is too small). */
  constructor(expectedSpans = 16) {
    const size = Math.max(16, Math.ceil(expectedSpans));
    this.startSec = new Float64Array(size);
    this.startNs = new Float64Array(size);
    this.endSec = new Float64Array(size);
    this.endNs = new Float64Array(size);
    this.idHi = new Uint32Array(size);
    this.idLo = new Uint32Array(size);
    this.parentHi = new Uint32Array(size);
    this.parentLo = new Uint32Array(size);
    this.hasParent = new Uint8Array(size);
    this.name = new Uint32Array(size);
    this.statusMessage = new Uint32Array(size);
    this.resource = new Uint32Array(size);
    this.scope = new Uint32Array(size);
    this.kind = new Uint8Array(size);
    this.status = new Uint8Array(size);
    this.timeUnset = new Uint8Array(size);
  }

  /**
   * Index of `s` in the string table, adding it if new. A new string is copied first so that a
   * slice of a large input text does not keep the whole text alive.
   */
  intern(s: string): number {
    let i = this.strIndex.get(s);
    if (i === undefined) {
      const own = ownCopy(s);
      i = this.strings.length;
      this.strings.push(own);
      this.strIndex.set(own, i);
    }
    return i;
  }

  /** How many strings are interned (the next new one gets this index). */
  get stringCount(): number {
    return this.strings.length;
  }

  /** The interned string with index `i`. */
  stringAt(i: number): string {
    return this.strings[i];
  }

  /** Starts a resource; `service` (a string index) overrides its `service.name` attribute. */
  beginResource(service = -1): number {
    this.resourceServiceOverride.push(service);
    return this.resourceServiceOverride.length - 1;
  }

  beginScope(name: number, version: number): number {
    this.scopeNames.push(name);
    this.scopeVersions.push(version);
    return this.scopeNames.length - 1;
  }

  /** Sets the scope name/version once they are known (they may follow the spans in the JSON). */
  setScope(scope: number, name: number, version: number): void {
    this.scopeNames[scope] = name;
    this.scopeVersions[scope] = version;
  }

  /** Appends a span with default fields and returns its index. */
  beginSpan(resource: number, scope: number): number {
    if (this.n === this.idHi.length) {
      const size = this.n * 2;
      this.startSec = grow(this.startSec, size);
      this.startNs = grow(this.startNs, size);
      this.endSec = grow(this.endSec, size);
      this.endNs = grow(this.endNs, size);
      this.idHi = grow(this.idHi, size);
      this.idLo = grow(this.idLo, size);
      this.parentHi = grow(this.parentHi, size);
      this.parentLo = grow(this.parentLo, size);
      this.hasParent = grow(this.hasParent, size);
      this.name = grow(this.name, size);
      this.statusMessage = grow(this.statusMessage, size);
      this.resource = grow(this.resource, size);
      this.scope = grow(this.scope, size);
      this.kind = grow(this.kind, size);
      this.status = grow(this.status, size);
      this.timeUnset = grow(this.timeUnset, size);
    }
    const i = this.n++;
    this.resource[i] = resource;
    this.scope[i] = scope;
    this.seen = 0;
    return i;
  }

  /** Records the trace id text of a span (hex or base64); the first one names the trace. */
  noteTraceId(text: string): void {
    if (this.traceIdText === '') {
      this.traceIdText = text;
      this.traceIdHex = idTextToHex(text);
    } else if (text !== this.traceIdText && idTextToHex(text) !== this.traceIdHex && this.mixedTraceIds++ === 0) {
      this.warnings.push(inputWarning('mixed-trace-ids', { first: this.traceIdHex, other: idTextToHex(text) }));
    }
  }

  /** Whether `s[from, to)` equals the first recorded trace id text (cheap check before `noteTraceId`). */
  isSameTraceIdText(s: string, from: number, to: number): boolean {
    return to - from === this.traceIdText.length && this.traceIdText !== '' && textAt(s, from, this.traceIdText);
  }

  /** Appends an event of `span`; fill it with `setEvent` once its fields are read. */
  beginEvent(span: number): number {
    this.eventOwner.push(span);
    this.eventSec.push(0);
    this.eventNs.push(0);
    this.eventName.push(0);
    return this.eventOwner.length - 1;
  }

  setEvent(event: number, time: UnixNano, name: number): void {
    this.eventSec[event] = time.sec;
    this.eventNs[event] = time.ns;
    this.eventName[event] = name;
  }

  /** Appends a link of `span`; fill it with `setLink` once its fields are read. */
  beginLink(span: number): number {
    this.linkOwner.push(span);
    this.linkTraceId.push('');
    this.linkSpanId.push('');
    return this.linkOwner.length - 1;
  }

  /** Sets a link's ids from their hex or base64 text. */
  setLink(link: number, traceIdText: string, spanIdText: string): void {
    this.linkTraceId[link] = idTextToHex(traceIdText);
    this.linkSpanId[link] = idTextToHex(spanIdText);
  }

  /**
   * Saves the counts of spans, events, links and of their and the resources' attributes, so that `rollback()` can drop
   * what was added since (a reader of chunked text that ran out of text mid-span). Interned
   * strings stay: reading the same text again interns them in the same order. O(1).
   */
  checkpoint(): void {
    const saved = this.saved;
    saved[0] = this.n;
    saved[1] = this.spanAttrs.n;
    saved[2] = this.eventAttrs.n;
    saved[3] = this.linkAttrs.n;
    saved[4] = this.eventOwner.length;
    saved[5] = this.linkOwner.length;
    saved[6] = this.resourceAttrs.n;
  }

  /** Drops the spans, events, links and attributes added since `checkpoint()`. O(1). */
  rollback(): void {
    const saved = this.saved;
    this.n = saved[0];
    this.spanAttrs.n = saved[1];
    this.eventAttrs.n = saved[2];
    this.linkAttrs.n = saved[3];
    this.resourceAttrs.n = saved[6];
    for (const list of [this.eventOwner, this.eventSec, this.eventNs, this.eventName]) {
      list.length = saved[4];
    }
    for (const list of [this.linkOwner, this.linkTraceId, this.linkSpanId]) {
      list.length = saved[5];
    }
  }

  /** Adds a reader's note on its input (input-warnings.ts). */
  warn(note: InputWarning): void {
    this.warnings.push(note);
  }

  /** Packs everything into a {@link ParsedTrace}. */
  finish(): ParsedTrace {
    const { n, startSec, startNs, endSec, endNs, timeUnset } = this;
    for (let i = 0; i < n; i++) {
      // an adapter's non-finite time is unknown too: NaN and infinity never reach the trace
      const startOk = Number.isFinite(startSec[i] + startNs[i]);
      const endOk = Number.isFinite(endSec[i] + endNs[i]);
      timeUnset[i] |= (startOk ? 0 : UNSET_START) | (endOk ? 0 : UNSET_END);
    }
    const [minSec, minNs] = this.timeZero();
    const start = new Float64Array(n);
    const end = new Float64Array(n);
    let unsetCount = 0;
    for (let i = 0; i < n; i++) {
      start[i] = (startSec[i] - minSec) * 1e9 + (startNs[i] - minNs);
      end[i] = (endSec[i] - minSec) * 1e9 + (endNs[i] - minNs);
      unsetCount += timeUnset[i] !== 0 ? 1 : 0;
    }
    if (unsetCount > 0) {
      this.repairUnset(start, end);
      this.warnings.push(
        inputWarning(
          'times-unset',
          this.spanList((i) => this.timeUnset[i] !== 0)
        )
      );
    }
    let negative = 0;
    for (let i = 0; i < n; i++) {
      if (end[i] < start[i]) {
        end[i] = start[i];
        negative++;
        timeUnset[i] |= END_BEFORE_START;
      }
    }
    if (negative > 0) {
      const list = this.spanList((i) => (this.timeUnset[i] & END_BEFORE_START) !== 0);
      this.warnings.push(inputWarning('end-before-start', list));
    }
    const eventCount = this.eventOwner.length;
    const eventTime = new Float64Array(eventCount);
    for (let e = 0; e < eventCount; e++) {
      const sum = this.eventSec[e] + this.eventNs[e];
      const unset = sum === 0 || !Number.isFinite(sum);
      eventTime[e] = unset ? start[this.eventOwner[e]] : (this.eventSec[e] - minSec) * 1e9 + (this.eventNs[e] - minNs);
    }
    const eventOwner = Uint32Array.from(this.eventOwner);
    const linkOwner = Uint32Array.from(this.linkOwner);
    const resourceCount = this.resourceServiceOverride.length;
    const resourceAttrs = this.resourceAttrs.pack(resourceCount);
    return {
      traceId: this.traceIdHex,
      spanCount: n,
      startUnixNano: minSec > 0 ? `${minSec}${String(minNs).padStart(9, '0')}` : String(minNs),
      start,
      end,
      idHi: this.idHi.slice(0, n),
      idLo: this.idLo.slice(0, n),
      parentHi: this.parentHi.slice(0, n),
      parentLo: this.parentLo.slice(0, n),
      hasParent: this.hasParent.slice(0, n),
      name: this.name.slice(0, n),
      kind: this.kind.slice(0, n),
      status: this.status.slice(0, n),
      statusMessage: this.statusMessage.slice(0, n),
      resource: this.resource.slice(0, n),
      scope: this.scope.slice(0, n),
      resourceService: this.resolveServices(resourceAttrs),
      resourceAttrs,
      scopeName: Uint32Array.from(this.scopeNames),
      scopeVersion: Uint32Array.from(this.scopeVersions),
      spanAttrs: this.spanAttrs.pack(n),
      events: {
        offsets: ownerOffsets(eventOwner, eventCount, n),
        time: eventTime,
        name: Uint32Array.from(this.eventName),
        attrs: this.eventAttrs.pack(eventCount),
      },
      links: {
        offsets: ownerOffsets(linkOwner, linkOwner.length, n),
        traceId: this.linkTraceId,
        spanId: this.linkSpanId,
        attrs: this.linkAttrs.pack(linkOwner.length),
      },
      strings: this.strings,
      warnings: this.warnings,
    };
  }

  /**
   * Time 0 as (seconds, ns): the earliest known start; when no start is known, the earliest
   * known end; when no time is known at all, the Unix epoch.
   */
  private timeZero(): [number, number] {
    const { n, timeUnset } = this;
    let minSec = Infinity;
    let minNs = Infinity;
    for (const [sec, ns, bit] of [
      [this.startSec, this.startNs, UNSET_START],
      [this.endSec, this.endNs, UNSET_END],
    ] as const) {
      for (let i = 0; i < n; i++) {
        if (!(timeUnset[i] & bit) && (sec[i] < minSec || (sec[i] === minSec && ns[i] < minNs))) {
          minSec = sec[i];
          minNs = ns[i];
        }
      }
      if (minSec !== Infinity) {
        break;
      }
    }
    return minSec === Infinity ? [0, 0] : [minSec, minNs];
  }

  /**
   * Repairs unknown starts and ends in place (times relative to time 0) from known times only,
   * so the result does not depend on the order of repairs: an unknown start is the earliest
   * known start of the span's children, else its parent's known start, never after its own
   * known end (with neither, its known end; with nothing known, time 0); an unknown end is the
   * latest known end of its children when after the start, else the start (zero duration).
   * Parents are found by a join on the span ids (id-join.ts; of spans sharing an id, the first).
   * O(n).
   */
  private repairUnset(start: Float64Array, end: Float64Array): void {
    const n = this.n;
    const unset = this.timeUnset;
    const parent = joinParents(this, n, (spans, from) => spans[from]);
    const childStart = new Float64Array(n).fill(Infinity);
    const childEnd = new Float64Array(n).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      const p = parent[i];
      if (p >= 0 && !(unset[i] & UNSET_START) && start[i] < childStart[p]) {
        childStart[p] = start[i];
      }
      if (p >= 0 && !(unset[i] & UNSET_END) && end[i] > childEnd[p]) {
        childEnd[p] = end[i];
      }
    }
    for (let i = 0; i < n; i++) {
      const p = parent[i];
      if (unset[i] & UNSET_START) {
        let s = childStart[i];
        if (s === Infinity && p >= 0 && !(unset[p] & UNSET_START)) {
          s = start[p];
        }
        if (!(unset[i] & UNSET_END)) {
          s = s < end[i] ? s : end[i];
        }
        start[i] = s === Infinity || s < 0 ? 0 : s;
      }
      if (unset[i] & UNSET_END) {
        end[i] = childEnd[i] > start[i] ? childEnd[i] : start[i];
      }
    }
  }

  /** How many spans pass `is`, and the ids of the first few. */
  private spanList(is: (i: number) => boolean): { count: number; spans: string[] } {
    const tally = new WarningTally(this);
    for (let i = 0; i < this.n; i++) {
      if (is(i)) {
        tally.add(i);
      }
    }
    return { count: tally.count, spans: tally.examples };
  }

  /** service.name of each resource: the override, else the attribute, else {@link NO_SERVICE_NAME}. */
  private resolveServices(attrs: AttrTable): Uint32Array {
    const count = this.resourceServiceOverride.length;
    const out = new Uint32Array(count);
    const key = this.strIndex.get('service.name');
    const fallback = this.intern(NO_SERVICE_NAME);
    for (let r = 0; r < count; r++) {
      out[r] = this.resourceServiceOverride[r] >= 0 ? this.resourceServiceOverride[r] : fallback;
      for (let a = attrs.offsets[r]; a < attrs.offsets[r + 1] && this.resourceServiceOverride[r] < 0; a++) {
        if (attrs.keys[a] === key && attrs.values[a] !== 0) {
          out[r] = attrs.values[a];
          break;
        }
      }
    }
    return out;
  }
}

/** Throws a {@link TraceParseError} (helper so adapters read as one-liners). */
export function fail(message: string): never {
  throw new TraceParseError(message);
}
