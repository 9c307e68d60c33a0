/**
 * Reads OTLP/JSON trace documents straight from their text into a {@link TraceBuilder}:
 * Tempo v2 `{trace:{resourceSpans}}`, Jaeger v2's `/api/v3/traces` `{result:{resourceSpans}}`,
 * Tempo v1 `{batches}` and plain `{resourceSpans}`;
 * `scopeSpans` or legacy `instrumentationLibrarySpans`; every field also in protobuf's own
 * snake_case spelling (`resource_spans`, `scope_spans`, `span_id`, `start_time_unix_nano`,
 * `string_value`…, as Go's protojson writes with `UseProtoNames`); ids in hex or base64; 64-bit
 * times as strings or numbers (exact either way, since digits are read from the text; see
 * unix-nano.ts for what is a time); kinds and status codes as enum names or numbers; every
 * AnyValue kind, nested to any depth; events and links. Unknown fields are skipped (after
 * checking they are valid JSON: the reader accepts exactly what `JSON.parse` accepts). One pass,
 * O(length of the text); no intermediate objects except for the rare array/kvlist values. An
 * attribute whose text is one read before (most are: `db.system`, `peer.service`…) is taken from
 * a memo of those texts with one comparison (text-memo.ts).
 *
 * The text may come whole or in pieces, as a stream is decoded ({@link otlpJsonPieces}); the whole
 * text is one piece, so both are one reader. The containers down to the spans lists are walked by
 * a generator that pauses where the text fed so far ends; each span (resource, scope, skipped
 * value) is read whole, and when its text is cut short the reading of it is undone and done again
 * once more text came (the scanner's NEED_MORE). So a cut anywhere gives the same trace and the
 * same messages, the reader holds the unfinished span and the pieces not read yet rather than
 * the text, and reading stays O(length): a piece is read again only while the next pieces are
 * shorter than the unfinished span, after which they are fed together.
 *
 * Rules for what OTLP leaves unset (encoders omit zero fields):
 * - a span whose start or end time is absent, null or 0 is kept, marked in `timeUnset`
 *   (UNSET_START / UNSET_END) for the builder to repair and warn about;
 * - an event whose time is absent, null or 0 is kept with time 0, which the builder places at its
 *   span's (possibly repaired) start; such events are counted in one warning;
 * - a span whose spanId is absent, null or "" is rejected naming the span (see ids.ts); it never
 *   inherits another span's id. A parentSpanId absent, null, "" or all zeros means a root.
 * - a document with no spans gets a warning that says what was found instead; a document with
 *   none of the known top-level fields is an error that names the fields it has.
 *
 * One trace per document. Spans of several trace ids are a {@link TraceParseError}, not a warning:
 * analysed together they give numbers that describe no request (times from another trace's
 * start, per-service totals summed over requests, one critical path across unrelated roots) yet
 * look like a normal trace, and a warning line does not stop a panel from aggregating them. A
 * trace-by-id answer (Tempo, Jaeger v3) never mixes traces; Jaeger's v3 *search* answer does
 * (every match's spans in one list), and its caller must group the spans by traceId first.
 *
 * Every failure is a TraceParseError that says where: `span 3 in resourceSpans[0].scopeSpans[1]`,
 * `attribute 2 of event 0 of span 3 in …`, `resourceSpans[0].resource`, or the line and column.
 */
import { fail, SEEN_END, SEEN_ID, SEEN_START, TraceBuilder, UNSET_END, UNSET_START } from './builder';
import { quoteInput } from './errors';
import { inputWarning } from './input-warnings';
import { parseUnixNano, parseUnixNanoNumber, UnixNano } from './unix-nano';
import { decodeSpanId, IdHalves, idTextToHex, quotedId } from './ids';
import { AttrType, ParsedTrace } from './model';
import { FieldSpellings, ObjectFields } from './json-fields';
import { JsonScanner, NEED_MORE } from './json-scanner';
import { doubleOf, plainAnyValueJson } from './otlp-any-value';
import { textAt } from './text-at';
import { TextMemo } from './text-memo';

const KIND_NAMES: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

const KIND_ORDER = Object.keys(KIND_NAMES);
const OPEN_OBJECT = 123;
const OPEN_ARRAY = 91;

const STATUS_NAMES: Record<string, number> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};

/** Span fields, in the order producers write them, and their snake_case spellings. */
const SPAN_FIELDS = [
  'traceId',
  'spanId',
  'parentSpanId',
  'name',
  'kind',
  'startTimeUnixNano',
  'endTimeUnixNano',
  'attributes',
  'status',
  'events',
  'links',
];
const SPAN_FIELD_ALIASES = [
  'trace_id',
  'span_id',
  'parent_span_id',
  '',
  '',
  'start_time_unix_nano',
  'end_time_unix_nano',
  '',
  '',
  '',
  '',
];
const SPAN_SPELLINGS = new FieldSpellings(
  SPAN_FIELDS.map((name, f) => (SPAN_FIELD_ALIASES[f] === '' ? name : [name, SPAN_FIELD_ALIASES[f]]))
);
const TRACE_ID = 0;
const SPAN_ID = 1;
const PARENT_SPAN_ID = 2;
const NAME = 3;
const KIND = 4;
const START = 5;
const END = 6;
const ATTRIBUTES = 7;
const STATUS = 8;
const EVENTS = 9;
const LINKS = 10;

/** AnyValue members (both spellings), indexed by the AttrType each gives (String = 0 … KvList = 6). */
const VALUE_FIELDS = [
  ['stringValue', 'string_value'],
  ['intValue', 'int_value'],
  ['doubleValue', 'double_value'],
  ['boolValue', 'bool_value'],
  ['bytesValue', 'bytes_value'],
  ['arrayValue', 'array_value'],
  ['kvlistValue', 'kvlist_value'],
];
const VALUE_SPELLINGS = new FieldSpellings(VALUE_FIELDS);
/** KeyValue members. */
const KEY_VALUE_SPELLINGS = new FieldSpellings(['key', 'value']);
const KEY = 0;
const VALUE = 1;

/** What is being read, for messages (see `where()`). */
const enum Place {
  Top,
  ResourceSpans,
  Resource,
  ScopeSpans,
  Scope,
  Span,
  Event,
  Link,
}

/** Where an attribute list belongs. */
type AttrTarget = TraceBuilder['spanAttrs'];

/** At most 5 keys, quoted, for a message. */
function listKeys(keys: string[]): string {
  return keys.length === 0
    ? 'no fields'
    : keys
        .slice(0, 5)
        .map((k) => quoteInput(k, 40))
        .join(', ') + (keys.length > 5 ? ', …' : '');
}

/** What a step answers when it ran out of text (see `attempt`). */
type Waiting = typeof NEED_MORE;

class OtlpJsonReader {
  /**
   * Never read, never changed: it only keeps the object shapes (V8 hidden classes) of a reader,
   * its scanner and its builder alive. V8 drops a shape in a full GC once no object has it, and
   * with it the optimised code that depends on it, so without this every parse that follows a
   * full GC would start cold (measured: ~1.4× slower on a 100k-span trace). The other classes
   * made once per trace or per call keep an idle instance the same way.
   */
  static readonly shapeKeeper: OtlpJsonReader = new OtlpJsonReader(0);

  private readonly sc: JsonScanner;
  private readonly b: TraceBuilder;
  /** the reading, paused where the text fed so far ends (see `document`) */
  private steps: Generator<void, ParsedTrace> | undefined;
  private failure: unknown;
  /** pieces pushed and not yet fed to the scanner, and their total length */
  private readonly queued: string[] = [];
  private queuedLength = 0;
  private readonly id: IdHalves = { hi: 0, lo: 0, ok: false };
  private readonly time: UnixNano = { sec: 0, ns: 0, ok: false };
  /** JSON paths of the current resource-spans entry and scope-spans list, for messages */
  private resourcePath = '';
  private listPath = '';
  private spanIndex = 0;
  /** the resource and scope of the spans list being read */
  private spanResource = 0;
  private spanScope = 0;
  private place = Place.Top;
  /** index of the event or link being read */
  private subIndex = 0;
  /** index of the attribute being read in its list, or -1 */
  private attrIndex = -1;
  private attrType = AttrType.Empty;
  private readonly cacheText: string[] = new Array(256);
  private readonly cacheIndex = new Int32Array(256);
  private attrValue = 0;
  /** lowercase hex of the first span's trace id; the other trace ids seen, and where the first of them was */
  private traceHex = '';
  private otherTraces: Set<string> | undefined;
  private otherTraceWhere = '';
  /** events without a time (absent, null or 0) in the trace */
  private untimedEvents = 0;
  /** what the containers held besides spans, for the "no spans" warning */
  private resourceCount = 0;
  private scopeCount = 0;
  private readonly unknownKeys: string[] = [];
  private readonly keyValueFields = new ObjectFields(KEY_VALUE_SPELLINGS);
  /** attributes read, by their text */
  private readonly attrMemo = new TextMemo();
  private readonly valueFields = new ObjectFields(VALUE_SPELLINGS);
  private readonly spanFields = new ObjectFields(SPAN_SPELLINGS);

  /** `expectedChars`: the length of the whole text when known (sizes the columns), else 0; `bridge`: see JsonScanner.feed. */
  constructor(expectedChars: number, bridge?: number) {
    this.sc = new JsonScanner('', () => this.where(), bridge);
    // a minimal span is ~250 characters of JSON: size the columns for that, grow if needed
    this.b = new TraceBuilder(expectedChars / 250);
  }

  /** Spans read so far. */
  get spans(): number {
    return this.b.n;
  }

  /** Characters held: the text fed to the scanner (read or not) and the pieces queued. */
  get held(): number {
    return this.sc.held + this.queuedLength;
  }

  /** Reads `text`, the next piece of the document, as far as it goes. */
  push(text: string): void {
    this.queued.push(text);
    this.queuedLength += text.length;
    // go on once the new text is as long as the unfinished part: a piece is read again at most
    // about twice however long a span is, so reading stays O(length of the text)
    if (this.queuedLength >= this.sc.s.length - this.sc.p) {
      this.run(false);
    }
  }

  /** Reads `last`, the last piece, and what is left; the trace. */
  end(last = ''): ParsedTrace {
    this.queued.push(last);
    return this.run(true)!;
  }

  /** Feeds the queued pieces and reads on; the trace once the last piece was read. */
  private run(final: boolean): ParsedTrace | undefined {
    if (this.failure !== undefined) {
      throw this.failure;
    }
    this.sc.feed(this.queued.length === 1 ? this.queued[0] : this.queued.join(''), final);
    this.queued.length = 0;
    this.queuedLength = 0;
    this.steps ??= this.document();
    try {
      for (let next = this.steps.next(); ; next = this.steps.next()) {
        if (next.done) {
          return next.value;
        }
        // out of text: read on where the scanner holds more (see JsonScanner.feed), else wait for it
        if (!this.sc.readOn()) {
          return undefined;
        }
      }
    } catch (e) {
      this.failure = e;
      throw e;
    }
  }

  /**
   * Runs `step`, a read that starts and ends between values; NEED_MORE when the text fed ends
   * inside it, after undoing what it did (position, place, spans, events, links, attributes), so
   * that it can run again from its start once more text came.
   */
  private attempt<T>(step: () => T): T | Waiting {
    const sc = this.sc;
    const p = sc.p;
    const place = this.place;
    const subIndex = this.subIndex;
    const untimedEvents = this.untimedEvents;
    this.b.checkpoint();
    try {
      return step();
    } catch (e) {
      if (e !== NEED_MORE) {
        throw e;
      }
      sc.p = p;
      this.place = place;
      this.subIndex = subIndex;
      this.attrIndex = -1;
      this.untimedEvents = untimedEvents;
      this.b.rollback();
      return NEED_MORE;
    }
  }

  /** `step` (see `attempt`), waiting for more text each time it runs out. */
  private *whole<T>(step: () => T): Generator<void, T> {
    for (;;) {
      const answer = this.attempt(step);
      if (answer !== NEED_MORE) {
        return answer as T;
      }
      yield;
    }
  }

  /** One span of the list being read and what follows it: true if another span follows. */
  private readonly spanThenMore = (): boolean => {
    this.span(this.spanResource, this.spanScope);
    return this.sc.moreElements();
  };

  /**
   * Reads the document, pausing (yield) where the text fed so far ends: the containers down to
   * the spans lists are walked here, each span, resource, scope and skipped value is read whole
   * by `attempt`.
   */
  private *document(): Generator<void, ParsedTrace> {
    const sc = this.sc;
    let found = false;
    let errorAnswer = '';
    const topKeys: string[] = [];
    if (yield* this.whole(() => sc.obj(''))) {
      do {
        yield* this.whole(() => sc.key());
        if (sc.is('trace') || sc.is('result')) {
          found = true;
          const wrapper = sc.text();
          if (yield* this.whole(() => sc.obj(wrapper))) {
            do {
              yield* this.whole(() => sc.key());
              if (sc.is('resourceSpans') || sc.is('resource_spans')) {
                yield* this.resourceSpansList(`${wrapper}.${sc.text()}`);
              } else {
                this.noteUnknownKey();
                yield* this.whole(() => sc.skip());
              }
            } while (yield* this.whole(() => sc.moreMembers()));
          }
        } else if (sc.is('batches') || sc.is('resourceSpans') || sc.is('resource_spans')) {
          found = true;
          yield* this.resourceSpansList(sc.text());
        } else if (sc.is('error')) {
          // Jaeger v3's error answer {"error":{"httpCode","message"}}: named in the message below
          errorAnswer = yield* this.whole(() => {
            const start = sc.skip();
            return sc.s.slice(start, Math.min(sc.p, start + 300));
          });
        } else {
          topKeys.push(sc.text());
          yield* this.whole(() => sc.skip());
        }
      } while (yield* this.whole(() => sc.moreMembers()));
    }
    yield* this.whole(() => sc.end());
    if (!found && errorAnswer !== '') {
      fail(`not an OTLP trace: the body is an error answer: ${errorAnswer}`);
    }
    if (!found) {
      fail(
        'not an OTLP trace: expected a top-level "resourceSpans" (or "resource_spans"), "batches", "trace": {"resourceSpans"} ' +
          `or "result": {"resourceSpans"} field; found ${listKeys(topKeys)}`
      );
    }
    if (this.otherTraces) {
      const [next] = this.otherTraces;
      fail(
        `spans of ${this.otherTraces.size + 1} traces in one body (${this.traceHex}, then ${next} at ${this.otherTraceWhere}); ` +
          'expected one trace (group a search answer by traceId first)'
      );
    }
    if (this.b.n === 0) {
      this.b.warn(
        inputWarning('no-spans', {
          resources: this.resourceCount,
          scopes: this.scopeCount,
          unknownKeys: this.unknownKeys.length > 0 ? listKeys(this.unknownKeys) : '',
        })
      );
    }
    if (this.untimedEvents > 0) {
      this.b.warn(inputWarning('untimed-events', { count: this.untimedEvents }));
    }
    return this.b.finish();
  }

  /** Remembers the key just read in a container as not recognised (a few of them, for the "no spans" warning). */
  private noteUnknownKey(): void {
    if (this.unknownKeys.length < 6) {
      this.unknownKeys.push(this.sc.text());
    }
  }

  private where(): string {
    const attr = this.attrIndex >= 0 ? `attribute ${this.attrIndex} of ` : '';
    const span = `span ${this.spanIndex} in ${this.listPath}`;
    switch (this.place) {
      case Place.Top:
        return 'the document';
      case Place.ResourceSpans:
        return attr + this.resourcePath;
      case Place.Resource:
        return `${attr}${this.resourcePath}.resource`;
      case Place.ScopeSpans:
        return attr + this.listPath;
      case Place.Scope:
        return `${attr}${this.listPath}.scope`;
      case Place.Span:
        return attr + span;
      case Place.Event:
        return `${attr}event ${this.subIndex} of ${span}`;
      case Place.Link:
        return `${attr}link ${this.subIndex} of ${span}`;
    }
  }

  private *resourceSpansList(path: string): Generator<void, void> {
    const sc = this.sc;
    let r = 0;
    if (yield* this.whole(() => sc.arr(path))) {
      do {
        this.resourcePath = `${path}[${r++}]`;
        this.place = Place.ResourceSpans;
        yield* this.resourceSpans();
      } while (yield* this.whole(() => sc.moreElements()));
    }
    this.place = Place.Top;
  }

  private *resourceSpans(): Generator<void, void> {
    const sc = this.sc;
    const resource = this.b.beginResource();
    this.resourceCount++;
    if (!(yield* this.whole(() => sc.obj()))) {
      return;
    }
    do {
      yield* this.whole(() => sc.key());
      if (
        sc.is('scopeSpans') ||
        sc.is('scope_spans') ||
        sc.is('instrumentationLibrarySpans') ||
        sc.is('instrumentation_library_spans')
      ) {
        const field = sc.text();
        const list = `${this.resourcePath}.${field}`;
        let k = 0;
        if (yield* this.whole(() => sc.arr(field))) {
          do {
            this.listPath = `${list}[${k++}]`;
            this.place = Place.ScopeSpans;
            yield* this.scopeSpans(resource);
          } while (yield* this.whole(() => sc.moreElements()));
        }
      } else if (sc.is('resource')) {
        this.place = Place.Resource;
        yield* this.whole(() => this.resource(resource));
      } else {
        this.noteUnknownKey();
        yield* this.whole(() => sc.skip());
      }
      this.place = Place.ResourceSpans;
    } while (yield* this.whole(() => sc.moreMembers()));
  }

  /** A resource object: its attributes. */
  private resource(resource: number): void {
    const sc = this.sc;
    if (sc.obj()) {
      do {
        sc.key();
        if (sc.is('attributes')) {
          this.attributes(resource, this.b.resourceAttrs);
        } else {
          sc.skip();
        }
      } while (sc.moreMembers());
    }
  }

  private *scopeSpans(resource: number): Generator<void, void> {
    const sc = this.sc;
    const scope = this.b.beginScope(0, 0);
    this.scopeCount++;
    if (!(yield* this.whole(() => sc.obj()))) {
      return;
    }
    do {
      yield* this.whole(() => sc.key());
      if (sc.is('spans')) {
        this.spanIndex = 0;
        if (yield* this.whole(() => sc.arr('spans'))) {
          this.spanResource = resource;
          this.spanScope = scope;
          let more: boolean | Waiting;
          do {
            this.place = Place.Span;
            // inline rather than `whole`: no generator per span
            while ((more = this.attempt(this.spanThenMore)) === NEED_MORE) {
              yield;
            }
            this.spanIndex++;
          } while (more);
        }
      } else if (sc.is('scope') || sc.is('instrumentationLibrary') || sc.is('instrumentation_library')) {
        this.place = Place.Scope;
        yield* this.whole(() => this.scope(scope));
      } else {
        this.noteUnknownKey();
        yield* this.whole(() => sc.skip());
      }
      this.place = Place.ScopeSpans;
    } while (yield* this.whole(() => sc.moreMembers()));
  }

  private scope(scope: number): void {
    const sc = this.sc;
    let name = 0;
    let version = 0;
    if (sc.obj()) {
      do {
        sc.key();
        if (sc.is('name')) {
          name = this.internString('name');
        } else if (sc.is('version')) {
          version = this.internString('version');
        } else {
          sc.skip();
        }
      } while (sc.moreMembers());
    }
    this.b.setScope(scope, name, version);
  }

  private span(resource: number, scope: number): void {
    const sc = this.sc;
    const b = this.b;
    const i = b.beginSpan(resource, scope);
    if (!sc.obj()) {
      fail(`${this.where()} is empty`);
    }
    const fields = this.spanFields;
    let f = fields.start;
    do {
      f = fields.next(sc, f);
      switch (f) {
        case TRACE_ID:
          this.traceId();
          break;
        case SPAN_ID:
          if (this.spanId('spanId')) {
            b.idHi[i] = this.id.hi;
            b.idLo[i] = this.id.lo;
            b.seen |= SEEN_ID;
          } else {
            b.seen &= ~SEEN_ID;
          }
          break;
        case PARENT_SPAN_ID: {
          const present = this.spanId('parentSpanId') && (this.id.hi !== 0 || this.id.lo !== 0);
          b.parentHi[i] = present ? this.id.hi : 0;
          b.parentLo[i] = present ? this.id.lo : 0;
          b.hasParent[i] = present ? 1 : 0;
          break;
        }
        case NAME:
          b.name[i] = this.internString('name');
          break;
        case KIND:
          b.kind[i] = this.kind();
          break;
        case START: {
          const set = this.unixNano('startTimeUnixNano');
          b.startSec[i] = this.time.sec;
          b.startNs[i] = this.time.ns;
          b.seen = set ? b.seen | SEEN_START : b.seen & ~SEEN_START;
          break;
        }
        case END: {
          const set = this.unixNano('endTimeUnixNano');
          b.endSec[i] = this.time.sec;
          b.endNs[i] = this.time.ns;
          b.seen = set ? b.seen | SEEN_END : b.seen & ~SEEN_END;
          break;
        }
        case ATTRIBUTES:
          this.attributes(i, b.spanAttrs);
          break;
        case STATUS:
          this.status(i);
          break;
        case EVENTS:
          this.events(i);
          break;
        case LINKS:
          this.links(i);
          break;
        default:
          sc.skip();
      }
    } while (sc.moreMembers());
    if (!(b.seen & SEEN_ID)) {
      fail(`${this.where()} has no spanId (it is absent, null or empty)`);
    }
    b.timeUnset[i] = (b.seen & SEEN_START ? 0 : UNSET_START) | (b.seen & SEEN_END ? 0 : UNSET_END);
  }

  /** Reads an 8-byte id into `this.id`; false when the field is null or the empty string. */
  private spanId(field: string): boolean {
    const sc = this.sc;
    if (!sc.str(false)) {
      if (sc.nullValue()) {
        return false;
      }
      sc.wrongType(field, 'a string');
    }
    if (sc.z === sc.a) {
      return false;
    }
    if (sc.escaped) {
      const text = sc.text();
      decodeSpanId(text, 0, text.length, this.id);
    } else {
      decodeSpanId(sc.s, sc.a, sc.z, this.id);
    }
    if (!this.id.ok) {
      const text = sc.text();
      const length = `${text.length} character${text.length === 1 ? '' : 's'}`;
      const quoted = quotedId(text);
      const shown = quoted ? `${quoted} (${length}; ` : `of ${length} (`;
      fail(`${this.where()} has an invalid ${field} ${shown}expected 16 hex digits or 12 base64 characters)`);
    }
    return true;
  }

  private traceId(): void {
    const sc = this.sc;
    if (!sc.str(false)) {
      if (!sc.nullValue()) {
        sc.wrongType('traceId', 'a string');
      }
    } else if (sc.z > sc.a && !this.b.isSameTraceIdText(sc.s, sc.a, sc.z)) {
      this.newTraceIdText(sc.text());
    }
  }

  /** A trace id text unlike the first one: the first of the trace, the same id spelt otherwise, or another trace. */
  private newTraceIdText(text: string): void {
    // an id that is neither hex nor base64 is a trace of its own, shown as written
    const hex = idTextToHex(text) || quoteInput(text, 40);
    if (this.traceHex === '') {
      this.traceHex = hex;
      this.b.noteTraceId(text);
    } else if (hex !== this.traceHex) {
      if (!this.otherTraces) {
        this.otherTraces = new Set();
        this.otherTraceWhere = this.where();
      }
      this.otherTraces.add(hex);
    }
  }

  /**
   * Reads a Unix-ns time (string or number, see unix-nano.ts) into `this.time`; false when it is
   * unset (null or 0, then `time` is 0). Anything that is not a time fails naming the field.
   */
  private unixNano(field: string): boolean {
    const sc = this.sc;
    const t = this.time;
    if (sc.str(false)) {
      if (sc.escaped) {
        const text = sc.text();
        parseUnixNano(text, 0, text.length, t);
      } else {
        parseUnixNano(sc.s, sc.a, sc.z, t);
      }
      if (!t.ok) {
        fail(
          `${field} of ${this.where()} is not a time in Unix nanoseconds (decimal digits, at most 2^64−1): ${quoteInput(sc.text())}`
        );
      }
    } else if (sc.nullValue()) {
      t.sec = 0;
      t.ns = 0;
    } else if (sc.token()) {
      parseUnixNano(sc.s, sc.a, sc.z, t);
      if (!t.ok) {
        parseUnixNanoNumber(sc.s, sc.a, sc.z, t);
      }
      if (!t.ok) {
        const raw = sc.s.slice(sc.a, sc.z);
        fail(
          `${field} of ${this.where()} is not a time in Unix nanoseconds (a whole number from 0 to 2^64−1): ` +
            (raw.length > 60 ? `${raw.slice(0, 60)}… (${raw.length} characters)` : raw)
        );
      }
    } else {
      sc.wrongType(field, 'a time in Unix nanoseconds (a string of digits or a number)');
    }
    return t.sec !== 0 || t.ns !== 0;
  }

  private internString(field: string): number {
    const sc = this.sc;
    if (!sc.str(false)) {
      if (sc.nullValue()) {
        return 0;
      }
      sc.wrongType(field, 'a string');
    }
    return sc.escaped ? this.b.intern(sc.text()) : this.internRange();
  }

  /**
   * Interns the unescaped string `[a, z)` through a small direct-mapped cache, so that the
   * repeated names, keys and values of a trace are recognised in place, without a slice.
   */
  private internRange(): number {
    const { s, a, z } = this.sc;
    const h = ((z - a) * 31 + s.charCodeAt(a) * 7 + s.charCodeAt(z - 1)) & 255;
    const cached = this.cacheText[h];
    if (cached !== undefined && cached.length === z - a && textAt(s, a, cached)) {
      return this.cacheIndex[h];
    }
    // strings read with str(false) are checked for raw control characters here, once per distinct text
    this.sc.checkLast();
    const index = this.b.intern(s.slice(a, z));
    this.cacheText[h] = this.b.stringAt(index);
    this.cacheIndex[h] = index;
    return index;
  }

  /** Span kind: the `SPAN_KIND_*` names recognised in place, anything else by `enumValue`. */
  private kind(): number {
    const sc = this.sc;
    const start = sc.p;
    if (sc.str(false) && !sc.escaped) {
      const len = sc.z - sc.a;
      const c = sc.s.charCodeAt(sc.a + 10);
      // SERVER/CLIENT are 16 chars long, INTERNAL/PRODUCER/CONSUMER 18, UNSPECIFIED 21
      const k = len === 16 ? (c === 83 ? 2 : 3) : len === 18 ? (c === 73 ? 1 : c === 80 ? 4 : 5) : 0;
      if (KIND_ORDER[k].length === len && textAt(sc.s, sc.a, KIND_ORDER[k])) {
        return k;
      }
    }
    sc.p = start;
    return this.enumValue(KIND_NAMES, 5, 'kind');
  }

  /** An enum given by name (in `names`, escapes allowed) or by number 0..max; null is 0. */
  private enumValue(names: Record<string, number>, max: number, field: string): number {
    const sc = this.sc;
    const c = sc.ws();
    if (c === 116 || c === 102 || c === OPEN_OBJECT || c === OPEN_ARRAY) {
      sc.wrongType(field, `a name or a number from 0 to ${max}`);
    }
    if (sc.nullValue()) {
      return 0;
    }
    const quoted = sc.str();
    if (!quoted && !sc.token()) {
      sc.syntax('a value');
    }
    const text = quoted ? sc.text() : sc.s.slice(sc.a, sc.z);
    const v = quoted ? (names[text] ?? NaN) : Number(text);
    if (!(v >= 0 && v <= max && Number.isInteger(v))) {
      fail(`${field} of ${this.where()} has an unknown value ${quoted ? quoteInput(text) : text.slice(0, 60)}`);
    }
    return v;
  }

  private status(i: number): void {
    const sc = this.sc;
    if (!sc.obj('status')) {
      return;
    }
    do {
      sc.key();
      if (sc.is('code')) {
        this.b.status[i] = this.enumValue(STATUS_NAMES, 2, 'status.code');
      } else if (sc.is('message')) {
        this.b.statusMessage[i] = this.internString('status.message');
      } else {
        sc.skip();
      }
    } while (sc.moreMembers());
  }

  private events(span: number): void {
    const sc = this.sc;
    if (!sc.arr('events')) {
      return;
    }
    let k = 0;
    do {
      this.place = Place.Event;
      this.subIndex = k;
      const event = this.b.beginEvent(span);
      let name = 0;
      let timed = false;
      if (sc.obj()) {
        do {
          sc.key();
          if (sc.is('timeUnixNano') || sc.is('time_unix_nano')) {
            timed = this.unixNano('timeUnixNano');
          } else if (sc.is('name')) {
            name = this.internString('name');
          } else if (sc.is('attributes')) {
            this.attributes(event, this.b.eventAttrs);
          } else {
            sc.skip();
          }
        } while (sc.moreMembers());
      }
      if (!timed) {
        // time 0: the builder places the event at its span's (possibly repaired) start
        this.time.sec = 0;
        this.time.ns = 0;
        this.untimedEvents++;
      }
      this.b.setEvent(event, this.time, name);
      k++;
    } while (sc.moreElements());
    this.place = Place.Span;
  }

  private links(span: number): void {
    const sc = this.sc;
    if (!sc.arr('links')) {
      return;
    }
    let k = 0;
    do {
      this.place = Place.Link;
      this.subIndex = k++;
      const link = this.b.beginLink(span);
      let traceId = '';
      let spanId = '';
      if (sc.obj()) {
        do {
          sc.key();
          if (sc.is('traceId') || sc.is('trace_id')) {
            traceId = this.linkId('traceId');
          } else if (sc.is('spanId') || sc.is('span_id')) {
            spanId = this.linkId('spanId');
          } else if (sc.is('attributes')) {
            this.attributes(link, this.b.linkAttrs);
          } else {
            sc.skip();
          }
        } while (sc.moreMembers());
      }
      this.b.setLink(link, traceId, spanId);
    } while (sc.moreElements());
    this.place = Place.Span;
  }

  /** A link's id text (null → ''). */
  private linkId(field: string): string {
    const sc = this.sc;
    if (sc.str()) {
      return sc.text();
    }
    if (!sc.nullValue()) {
      sc.wrongType(field, 'a string');
    }
    return '';
  }

  /** Reads `[{key, value:{...}}]` into `target` for `owner`. */
  private attributes(owner: number, target: AttrTarget): void {
    const sc = this.sc;
    if (!sc.arr('attributes')) {
      return;
    }
    const memo = this.attrMemo;
    let k = 0;
    do {
      this.attrIndex = k++;
      // an attribute written as before is taken from the memo (see text-memo.ts)
      const from = sc.ws() === OPEN_OBJECT ? sc.p : -1;
      const slot = from >= 0 ? memo.slot(sc.s, from) : -1;
      const known = slot >= 0 ? memo.match(slot, sc.s, from) : 0;
      if (known > 0) {
        sc.p += known;
        target.add(owner, memo.first[slot], memo.second[slot], memo.third[slot]);
        continue;
      }
      const stringsBefore = this.b.stringCount;
      let key = -1;
      this.attrType = AttrType.Empty;
      this.attrValue = 0;
      if (sc.obj()) {
        const fields = this.keyValueFields;
        let f = fields.start;
        do {
          f = fields.next(sc, f);
          if (f === KEY) {
            key = this.internString('key');
          } else if (f === VALUE) {
            this.anyValue();
          } else {
            sc.skip();
          }
        } while (sc.moreMembers());
      }
      if (key >= 0) {
        target.add(owner, key, this.attrType, this.attrValue);
        // one whose key and value were all seen before is likely to come again (a new string
        // most often means a value unique to the span: remembering those would only cost)
        if (slot >= 0 && this.b.stringCount === stringsBefore) {
          memo.remember(slot, sc.s, from, sc.p, key, this.attrType, this.attrValue);
        }
      }
    } while (sc.moreElements());
    this.attrIndex = -1;
  }

  /** Reads an OTLP AnyValue into `attrType` / `attrValue` (display string index); `{}` is Empty. */
  private anyValue(): void {
    const sc = this.sc;
    if (!sc.obj('value')) {
      return;
    }
    const fields = this.valueFields;
    let f = fields.start;
    do {
      f = fields.next(sc, f);
      if (f === fields.unknown) {
        sc.skip();
        continue;
      }
      // the field's index is its AttrType; protobuf-JSON's null for a oneof member means "not set"
      this.attrType = sc.nullValue() ? AttrType.Empty : (f as AttrType);
      this.attrValue = this.attrType === AttrType.Empty ? 0 : this.valueOfType(f, fields.names[f]);
    } while (sc.moreMembers());
  }

  /** The display string index of a value of `type` (member `field` of an AnyValue). */
  private valueOfType(type: AttrType, field: string): number {
    const sc = this.sc;
    const b = this.b;
    if (type === AttrType.String || type === AttrType.Bytes) {
      return this.internString(field);
    }
    if (type === AttrType.Array || type === AttrType.KvList) {
      const from = sc.skip();
      const inner = JSON.parse(sc.s.slice(from, sc.p));
      const root = type === AttrType.Array ? { arrayValue: inner } : { kvlistValue: inner };
      return b.intern(plainAnyValueJson(root, `${field} of ${this.where()}`));
    }
    const expected = type === AttrType.Bool ? 'true or false' : type === AttrType.Int ? 'an integer' : 'a number';
    const c = sc.ws();
    const quoted = sc.str(false);
    // a boolean is a literal; a number is a number token or (int64, double) a string
    if (type === AttrType.Bool ? c !== 116 && c !== 102 : quoted ? false : c === 116 || c === 102 || c === 110) {
      if (quoted) {
        sc.p = sc.a - 1;
      }
      sc.wrongType(field, expected);
    }
    if (!quoted && !sc.token()) {
      sc.wrongType(field, expected);
    }
    if (type === AttrType.Double) {
      const text = sc.text();
      const v = doubleOf(quoted ? text : Number(text));
      return v === undefined
        ? fail(`${field} of ${this.where()} is not a number: ${quoteInput(text)}`)
        : b.intern(String(v));
    }
    if (type === AttrType.Int && !(sc.escaped ? /^-?\d+$/.test(sc.text()) : isInteger(sc.s, sc.a, sc.z))) {
      const text = sc.text();
      fail(`${field} of ${this.where()} is not an integer: ${quoted ? quoteInput(text) : text.slice(0, 60)}`);
    }
    return sc.escaped ? b.intern(sc.text()) : this.internRange();
  }
}

/** Whether `s[from, to)` is an optional '-' and one or more decimal digits. */
function isInteger(s: string, from: number, to: number): boolean {
  let p = s.charCodeAt(from) === 45 ? from + 1 : from;
  if (p >= to) {
    return false;
  }
  for (; p < to; p++) {
    const c = s.charCodeAt(p);
    if (c < 48 || c > 57) {
      return false;
    }
  }
  return true;
}

/** Parses OTLP/JSON text (see the file header); throws `TraceParseError` on bad input. */
export function parseOtlpJson(text: string): ParsedTrace {
  return new OtlpJsonReader(text.length).end(text);
}

/**
 * A reader of OTLP/JSON text given in pieces (as a stream is decoded): `push` each piece, then
 * `end()` gives the trace — the same trace, and for bad input the same TraceParseError, as
 * {@link parseOtlpJson} gives for the whole text. It holds the unfinished span (or other value)
 * and the pieces not read yet, never the whole text.
 */
export interface OtlpJsonPieces {
  /** spans read so far */
  readonly spans: number;
  /** characters of text it holds now */
  readonly held: number;
  push(text: string): void;
  /** reads the last piece (if any) and what is left */
  end(last?: string): ParsedTrace;
}

/**
 * A reader of OTLP/JSON in pieces; `expectedChars`: the length of the whole text when known, else
 * 0; `bridge`: how much of a piece is copied after an unfinished span (JsonScanner.feed), tests only.
 */
export function otlpJsonPieces(expectedChars = 0, bridge?: number): OtlpJsonPieces {
  return new OtlpJsonReader(expectedChars, bridge);
}
