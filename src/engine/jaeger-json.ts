/**
 * Reads Jaeger's v1 JSON trace answer (`GET /api/traces/{id}` of Jaeger v1 and v2):
 * `{"data":[{traceID, spans:[…], processes:{id:{serviceName, tags}}, warnings}], "errors", …}`,
 * straight from its text into a {@link TraceBuilder}: `parseJaegerTrace` for an answer holding
 * exactly one trace; for files, `parseJaegerTraces` reads every element of `data` (one builder
 * each, in one pass over the text) and `parseJaegerTraceObject` a bare trace object. A span tag
 * whose text is one read before is taken from a memo of those texts (text-memo.ts).
 *
 * Definitions (Jaeger's span → the trace model):
 * - Parent: the first CHILD_OF reference into the span's own trace, else the first FOLLOWS_FROM
 *   reference into it — the rule of Jaeger's `model.Span.ParentSpanID()`, which Jaeger's own v3
 *   API applies when it renders a stored span as OTLP, so both APIs give one tree. A FOLLOWS_FROM
 *   child does not block its parent; the engine has no separate non-blocking edge and analyses
 *   it as it analyses any asynchronous child (a CONSUMER under its PRODUCER): it may end after
 *   its parent (kept, flagged `childOutlivesParent`), self time clips it to the parent, and the
 *   critical path follows it only when it is what ended last (see clip.ts, critical-path.ts).
 *   Every other reference (a FOLLOWS_FROM parent included, references into other traces) becomes
 *   a link with attribute `opentracing.ref_type` = `child_of`|`follows_from`, as Jaeger's v3
 *   rendering makes them. References with an all-zero span id are ignored. The deprecated span
 *   field `parentSpanID` is used only when no reference gives a parent.
 * - Kind from tag `span.kind` (client, server, producer, consumer, internal; any case); status
 *   ERROR when tag `error` is true (bool, or the string "true" as Jaeger UI reads it; it wins, as
 *   in the OpenTelemetry Jaeger translator), else from `otel.status_code` (OK / ERROR); the status
 *   message from `otel.status_description` when a status is set; scope from `otel.scope.name` /
 *   `otel.scope.version` (older `otel.library.*`). Those tags are dropped only when the model
 *   now holds the same fact (an unknown kind, `error=false`, a code the `error` tag overrides stay
 *   attributes); tags the model has no place for (`internal.span.format`, `w3c.tracestate`, …) stay.
 * - Process → resource: `serviceName` becomes the `service.name` attribute (first), the process
 *   tags the other attributes. Tag types string, bool, int64 (digits kept exactly; a number, or a
 *   decimal string beyond ±(2^53 − 1) as Jaeger writes it), float64 and
 *   binary (base64 text) map to the OTLP value kinds; a tag without a type takes its JSON kind.
 * - Logs → events: the name from a string field `event` (dropped), else from a `name` member
 *   (Grafana's trace download keeps an OTLP event's name there); other fields as attributes.
 * - Times are µs since the epoch (startTime, duration, log timestamp), read exactly from their
 *   digits and turned into the model's ns; a time must be a JSON number (checked as JSON's
 *   grammar, so `0x10` or `+5` are not numbers) ≥ 0 and below 2^53. Jaeger writes whole µs;
 *   a fraction (Grafana's trace download writes its ms × 1000, e.g. `1700000000123456.8`) is
 *   read to the nearest ns from its decimal digits. A `startTime` that is
 *   missing, null or 0 is unset (0 is "unset" in OTLP, not 1970), which makes the end unknown too;
 *   a missing or null `duration` leaves the end unknown: the span keeps its place in the tree with
 *   the builder's `UNSET_START`/`UNSET_END` bits, and the builder repairs it and warns. A log with
 *   a timestamp of 0 or null is an error (an event has no tree to repair it from).
 * - Ids are hex (span ids 1–16 digits, trace ids 1–32, trace ids padded to 32 digits as OTLP
 *   writes them). A missing, null or empty `spanID` is rejected naming the span (the rule of
 *   ids.ts: never another span's id); a bad id is quoted only up to 32 characters, else named
 *   by its length.
 * - Jaeger's own warnings (per trace, per span) and a non-empty `errors` list become trace warnings.
 * Malformed input throws a {@link TraceParseError} naming the JSON path, e.g.
 * `data[0].spans[12].startTime: -5 is negative` (`spans[12]…` for a bare trace object); input
 * is quoted with `quoteInput` (at most ~60 characters, invisible characters escaped).
 *
 * Complexity: one forward pass over the text with the streaming scanner, O(length); per span
 * O(fields + tags + logs + references), plus O(spans) to attach spans to their processes (which
 * Jaeger writes after the spans). Iterative, no recursion; no state outside the reader. No idle
 * "shape keeper" instance as in the OTLP reader: on a 100k-span body a parse right after a forced
 * full GC took ≤ 1.15× the warm median (measured on the shared 2-core machine), not worth one.
 */
import { fail, SEEN_END, SEEN_ID, SEEN_START, TraceBuilder, UNSET_END, UNSET_START } from './builder';
import { UnixNano } from './unix-nano';
import { decodeHexId, IdHalves, idToHex, quotedId } from './ids';
import { FieldSpellings, ObjectFields } from './json-fields';
import { JsonScanner } from './json-scanner';
import { textAt } from './text-at';
import { TextMemo } from './text-memo';
import { quoteInput } from './errors';
import { inputWarning } from './input-warnings';
import { AttrType, ParsedTrace, SPAN_KIND_NAMES, StatusCode } from './model';

/** Tags of a span that may carry a fact the model holds elsewhere (index into the slots). */
const SPECIAL_TAGS = [
  'span.kind',
  'otel.status_code',
  'otel.status_description',
  'error',
  'otel.scope.name',
  'otel.scope.version',
  'otel.library.name',
  'otel.library.version',
] as const;
const KIND_TAG = 0;
const CODE_TAG = 1;
const DESCRIPTION_TAG = 2;
const ERROR_TAG = 3;
const SCOPE_NAME_TAG = 4;
const SCOPE_VERSION_TAG = 5;
const LIBRARY_NAME_TAG = 6;
const LIBRARY_VERSION_TAG = 7;
const NOT_SPECIAL = -1;

const CHILD_OF = 1;
const FOLLOWS_FROM = 2;
const REF_TYPE_NAMES = ['', 'child_of', 'follows_from'];

/** JSON kinds of a tag value, before its declared type is known. */
const V_STRING = 0;
const V_NUMBER = 1;
const V_BOOL = 2;
const VALUE_KIND_NAMES = ['a string', 'a number', 'true or false'];
const TYPE_NAMES = ['string', 'int64', 'bool', 'float64', 'binary'];
/** JSON kind each declared tag type needs */
const TYPE_KINDS: Record<string, number> = Object.assign(Object.create(null), {
  string: V_STRING,
  binary: V_STRING,
  int64: V_NUMBER,
  float64: V_NUMBER,
  bool: V_BOOL,
});

const MAX_EXAMPLE_WARNINGS = 5;
/** A JSON number (the scanner's tokens are checked against it before `Number()` reads them). */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A number token for a message: as written when short, else its first digits and its length. */
function shortToken(text: string): string {
  return text.length <= 60 ? quoteInput(text).slice(1, -1) : `${text.slice(0, 20)}… (${text.length} characters)`;
}

/** An id for a message: quoted when at most 32 characters long, else only its length. */
function idForMessage(text: string): string {
  return quotedId(text) ?? `an id of ${text.length} characters`;
}
/** `at()`'s name for the key/value being read */
const KV_PATH = '#kv';
const OPEN_OBJECT = 123;

const SPAN_SPELLINGS = new FieldSpellings([
  'traceID',
  'spanID',
  'parentSpanID',
  'flags',
  'operationName',
  'references',
  'startTime',
  'duration',
  'tags',
  'logs',
  'processID',
  'warnings',
]);
const KEY_VALUE_SPELLINGS = new FieldSpellings(['key', 'type', 'value']);

class JaegerJsonReader {
  private readonly sc: JsonScanner;
  private readonly b: TraceBuilder;
  private readonly id: IdHalves = { hi: 0, lo: 0, ok: false };
  private readonly time: UnixNano = { sec: 0, ns: 0, ok: true };
  private readonly spanFields = new ObjectFields(SPAN_SPELLINGS);
  private readonly kvFields = new ObjectFields(KEY_VALUE_SPELLINGS);
  /** span tags read, by their text */
  private readonly tagMemo = new TextMemo();

  /** `data[t]` of the trace being read, and the index of the span being read in its `spans` */
  private spanIndex = 0;
  /** index of the reference or log being read in the current span */
  private sub = 0;
  /** ns below the µs of the last time read by `micros` (0–999) */
  private subMicroNs = 0;
  /** index of the key/value being read in its list */
  private kvIndex = 0;
  /** trace id (32 hex digits) of the body, '' until the first one is read */
  private traceHex = '';

  /** processes by id: index into `processResource` (-1 until defined) and where it was first used */
  private readonly processIndex = new Map<string, number>();
  private readonly processResource: number[] = [];
  private readonly processFirstUse: string[] = [];
  /** process index of each span, resolved to a resource at the end */
  private readonly spanProcess: number[] = [];
  private lastProcessText = '';
  private lastProcess = -1;

  private readonly scopes = new Map<string, number>();
  private lastScopeName = -1;
  private lastScopeVersion = -1;
  private lastScope = 0;

  /** the last key/value read: key and value string indexes, attribute type */
  private kvKey = 0;
  private kvType = AttrType.Empty;
  private kvValue = 0;
  private kvSpecial = NOT_SPECIAL;
  /** path of the list being read relative to the span (`kvInSpan`) or absolute, for messages */
  private kvList = '';
  private kvInSpan = true;

  /** special tags of the current span: value string index (-1 absent) and type */
  private readonly slotValue = new Int32Array(SPECIAL_TAGS.length);
  private readonly slotType = new Uint8Array(SPECIAL_TAGS.length);
  private readonly slotKey = new Uint32Array(SPECIAL_TAGS.length);
  private readonly slotUsed = new Uint8Array(SPECIAL_TAGS.length);

  /** references of the current span */
  private refCount = 0;
  private readonly refType: number[] = [];
  private readonly refTrace: string[] = [];
  private readonly refHi: number[] = [];
  private readonly refLo: number[] = [];

  /** Jaeger's warnings: a few texts kept (span ones prefixed with their span's path), all counted */
  private readonly spanWarnings: string[] = [];
  private spanWarningCount = 0;
  private readonly traceWarnings: string[] = [];
  private traceWarningCount = 0;

  /**
   * Reads one trace object at the scanner's position; `tracePath` names it in messages
   * (`data[1]`, or '' for a bare trace object that is the whole document).
   */
  constructor(
    sc: JsonScanner,
    private readonly tracePath: string,
    expectedSpans: number
  ) {
    this.sc = sc;
    this.b = new TraceBuilder(expectedSpans);
  }

  /** Resolves the processes, adds Jaeger's warnings and the document's `errors`, and packs the trace. */
  finish(errors: readonly string[]): ParsedTrace {
    this.attachProcesses();
    this.reportWarnings(errors);
    return this.b.finish();
  }

  /** Path of a member of the trace object, for messages. */
  private inTrace(member: string): string {
    return this.tracePath === '' ? member : `${this.tracePath}.${member}`;
  }

  /** Reads the trace object at the scanner's position. */
  trace(): void {
    const sc = this.sc;
    if (!this.obj(this.tracePath || 'the document')) {
      return;
    }
    do {
      sc.key();
      if (sc.is('traceID')) {
        this.traceId(this.inTrace('traceID'));
      } else if (sc.is('spans')) {
        if (this.arr(this.inTrace('spans'))) {
          do {
            this.span();
            this.spanIndex++;
          } while (sc.moreElements());
        }
      } else if (sc.is('processes')) {
        this.processes();
      } else if (sc.is('warnings')) {
        this.traceWarningCount += this.strings(this.inTrace('warnings'), this.traceWarnings, '');
      } else {
        sc.skip();
      }
    } while (sc.moreMembers());
  }

  private spanPath(): string {
    return `${this.inTrace('spans')}[${this.spanIndex}]`;
  }

  /**
   * The JSON path for a message, resolved only when a message is made, so that callers pass
   * constants: '' is the current span, '.x' a path inside it (`[#]` standing for `this.sub`, the
   * reference or log being read), {@link KV_PATH} the key/value being read; anything else as is.
   */
  private at(path: string): string {
    if (path === KV_PATH) {
      return this.kvInSpan ? `${this.spanPath()}.${this.kvList}[${this.kvIndex}]` : `${this.kvList}[${this.kvIndex}]`;
    }
    return path === '' || path.startsWith('.') ? this.spanPath() + path.replace('[#]', `[${this.sub}]`) : path;
  }

  private span(): void {
    const sc = this.sc;
    const b = this.b;
    const i = b.beginSpan(0, 0);
    const hasFields = this.obj('');
    this.slotValue.fill(-1);
    this.refCount = 0;
    let spanTrace = '';
    let process = -1;
    let startUs = 0;
    let startSub = 0;
    let durationUs = 0;
    let durationSub = 0;
    let oldParent = false;
    let oldParentHi = 0;
    let oldParentLo = 0;
    const fields = this.spanFields;
    let f = fields.start;
    do {
      if (!hasFields) {
        break;
      }
      f = fields.next(sc, f);
      switch (fields.names[f]) {
        case 'traceID':
          spanTrace = this.traceId('.traceID');
          break;
        case 'spanID':
          if (!this.spanId('spanID')) {
            // null or '': rejected like a missing id (ids.ts), never left with another span's id
            fail(`${this.spanPath()}: no spanID`);
          }
          b.idHi[i] = this.id.hi;
          b.idLo[i] = this.id.lo;
          b.seen |= SEEN_ID;
          break;
        case 'parentSpanID':
          oldParent = this.spanId('parentSpanID') && (this.id.hi !== 0 || this.id.lo !== 0);
          oldParentHi = this.id.hi;
          oldParentLo = this.id.lo;
          break;
        case 'operationName':
          b.name[i] = this.string('.operationName');
          break;
        case 'references':
          this.references();
          break;
        case 'startTime':
          startUs = this.micros('.startTime');
          startSub = this.subMicroNs;
          // 0 or null means unset (as in OTLP), not 1970
          b.seen |= startUs > 0 || startSub > 0 ? SEEN_START : 0;
          break;
        case 'duration':
          durationUs = this.micros('.duration');
          durationSub = this.subMicroNs;
          b.seen |= durationUs >= 0 ? SEEN_END : 0;
          break;
        case 'tags':
          this.spanTags(i);
          break;
        case 'logs':
          this.logs(i);
          break;
        case 'processID':
          process = this.processId();
          break;
        case 'warnings':
          this.spanWarningCount += this.strings(
            '.warnings',
            this.spanWarnings,
            this.spanWarnings.length === 0 ? `${this.spanPath()}: ` : ''
          );
          break;
        default:
          sc.skip();
      }
    } while (sc.moreMembers());
    const missing = !(b.seen & SEEN_ID) ? 'spanID' : spanTrace === '' ? 'traceID' : process < 0 ? 'processID' : '';
    if (missing !== '') {
      fail(`${this.spanPath()}: no ${missing}`);
    }
    // an unknown start makes the end unknown too; the builder repairs both (builder.ts)
    const startKnown = (b.seen & SEEN_START) !== 0;
    const endKnown = startKnown && (b.seen & SEEN_END) !== 0;
    b.timeUnset[i] = (startKnown ? 0 : UNSET_START) | (endKnown ? 0 : UNSET_END);
    startUs = startKnown ? startUs : 0;
    startSub = startKnown ? startSub : 0;
    durationUs = endKnown ? durationUs : 0;
    durationSub = endKnown ? durationSub : 0;
    if (startUs + durationUs > Number.MAX_SAFE_INTEGER) {
      fail(`${this.spanPath()}: startTime + duration is too large (more than 2^53 µs)`);
    }
    this.setMicros(startUs, startSub);
    b.startSec[i] = this.time.sec;
    b.startNs[i] = this.time.ns;
    const endSub = startSub + durationSub;
    this.setMicros(startUs + durationUs + (endSub >= 1000 ? 1 : 0), endSub >= 1000 ? endSub - 1000 : endSub);
    b.endSec[i] = this.time.sec;
    b.endNs[i] = this.time.ns;
    this.spanProcess.push(process);
    this.parentAndLinks(i, spanTrace);
    if (!b.hasParent[i] && oldParent) {
      b.parentHi[i] = oldParentHi;
      b.parentLo[i] = oldParentLo;
      b.hasParent[i] = 1;
    }
    this.applySpecialTags(i);
  }

  /** Reads a hex trace id; returns it as 32 lowercase digits. The first one names the trace; another one fails. */
  private traceId(path: string): string {
    const sc = this.sc;
    if (!sc.str()) {
      fail(`${this.at(path)}: expected a hex trace id, found ${this.found()}`);
    }
    if (this.b.isSameTraceIdText(sc.s, sc.a, sc.z)) {
      return this.traceHex;
    }
    const hex = this.hexTraceId(path);
    if (this.traceHex === '') {
      this.traceHex = hex;
      this.b.noteTraceId(hex);
    } else if (hex !== this.traceHex) {
      fail(`${this.at(path)}: ${hex} is not the trace's id ${this.traceHex} (a body holds one trace)`);
    }
    return hex;
  }

  /** The string just read as a trace id of 1–32 hex digits, lowercase, padded to 32. */
  private hexTraceId(path: string): string {
    const text = this.sc.text();
    if (!/^[0-9a-fA-F]{1,32}$/.test(text)) {
      fail(`${this.at(path)}: ${idForMessage(text)} is not a hex trace id (1 to 32 digits)`);
    }
    return text.toLowerCase().padStart(32, '0');
  }

  /** Reads a hex span id into `this.id`; false when it is null or ''. */
  private spanId(field: string): boolean {
    const sc = this.sc;
    if (!sc.str()) {
      if (sc.nullValue()) {
        return false;
      }
      fail(`${this.spanPath()}.${field}: expected a hex span id, found ${this.found()}`);
    }
    if (sc.z === sc.a) {
      this.id.hi = 0;
      this.id.lo = 0;
      return false;
    }
    decodeHexId(sc.s, sc.a, sc.z, this.id);
    if (!this.id.ok || sc.escaped) {
      fail(`${this.spanPath()}.${field}: ${idForMessage(sc.text())} is not a hex span id (1 to 16 digits)`);
    }
    return true;
  }

  /**
   * A number of µs ≥ 0 below 2^53, read from its digits: returns the whole µs and leaves the ns
   * below them (0–999, rounded from the decimal digits) in `subMicroNs`; -1 for null.
   * Anything but a JSON number is an error quoting at most ~60 characters of it.
   */
  private micros(path: string): number {
    this.subMicroNs = 0;
    if (this.sc.nullValue()) {
      return -1;
    }
    if (!this.sc.token()) {
      fail(`${this.at(path)}: expected a whole number of microseconds, found ${this.found()}`);
    }
    const { s, a, z } = this.sc;
    let v = 0;
    let digits = z - a <= 16;
    for (let p = a; p < z && digits; p++) {
      const d = s.charCodeAt(p) - 48;
      digits = d >= 0 && d <= 9;
      v = v * 10 + d;
    }
    if (!digits) {
      const text = s.slice(a, z);
      v = JSON_NUMBER.test(text) ? Number(text) : NaN;
      const problem = Number.isNaN(v)
        ? 'is not a number'
        : v < 0
          ? 'is negative'
          : v > Number.MAX_SAFE_INTEGER
            ? 'is too large (more than 2^53 µs)'
            : '';
      if (problem !== '') {
        fail(`${this.at(path)}: ${shortToken(text)} ${problem}`);
      }
      if (!Number.isInteger(v)) {
        v = this.splitFraction(text, v);
      }
    }
    return v;
  }

  /**
   * Whole µs of a fractional value (Grafana's trace download writes ms × 1000); its ns below the
   * µs go to `subMicroNs`: from the decimal digits when written without an exponent (exact),
   * else from the float64 value.
   */
  private splitFraction(text: string, v: number): number {
    const dot = text.indexOf('.');
    let whole: number;
    let ns: number;
    if (/[eE]/.test(text)) {
      whole = Math.floor(v);
      ns = Math.round((v - whole) * 1000);
    } else {
      const digits = text.slice(dot + 1);
      whole = Number(text.slice(0, dot));
      ns = Number(digits.slice(0, 3).padEnd(3, '0')) + (digits.charCodeAt(3) >= 53 ? 1 : 0);
    }
    this.subMicroNs = ns === 1000 ? 0 : ns;
    return ns === 1000 ? whole + 1 : whole;
  }

  /** Sets `time` to `us` µs plus `subNs` ns since the epoch. */
  private setMicros(us: number, subNs: number): void {
    this.time.sec = Math.floor(us / 1e6);
    this.time.ns = (us - this.time.sec * 1e6) * 1000 + subNs;
  }

  /** Reads `references` into the per-span buffers. */
  private references(): void {
    const sc = this.sc;
    if (!this.arr('.references')) {
      return;
    }
    do {
      const r = this.refCount++;
      let type = 0;
      let trace = '';
      let hasSpan = false;
      this.sub = r;
      const hasFields = this.obj('.references[#]');
      while (hasFields) {
        sc.key();
        if (sc.is('refType')) {
          if (!sc.str()) {
            fail(`${this.at('.references[#]')}.refType: expected "CHILD_OF" or "FOLLOWS_FROM", found ${this.found()}`);
          }
          type = sc.is('CHILD_OF') ? CHILD_OF : sc.is('FOLLOWS_FROM') ? FOLLOWS_FROM : 0;
          if (type === 0) {
            fail(
              `${this.at('.references[#]')}.refType: unknown value ${quoteInput(sc.text())} (expected CHILD_OF or FOLLOWS_FROM)`
            );
          }
        } else if (sc.is('traceID')) {
          if (!sc.str()) {
            fail(`${this.at('.references[#]')}.traceID: expected a hex trace id, found ${this.found()}`);
          }
          trace = this.b.isSameTraceIdText(sc.s, sc.a, sc.z)
            ? this.traceHex
            : this.hexTraceId('.references[#].traceID');
        } else if (sc.is('spanID')) {
          if (!sc.str()) {
            fail(`${this.at('.references[#]')}.spanID: expected a hex span id, found ${this.found()}`);
          }
          decodeHexId(sc.s, sc.a, sc.z, this.id);
          if (!this.id.ok || sc.escaped) {
            fail(
              `${this.at('.references[#]')}.spanID: ${idForMessage(sc.text())} is not a hex span id (1 to 16 digits)`
            );
          }
          hasSpan = true;
        } else {
          sc.skip();
        }
        if (!sc.moreMembers()) {
          break;
        }
      }
      const missing = type === 0 ? 'refType' : trace === '' ? 'traceID' : hasSpan ? '' : 'spanID';
      if (missing !== '') {
        fail(`${this.at('.references[#]')}: no ${missing}`);
      }
      this.refType[r] = type;
      this.refTrace[r] = trace;
      this.refHi[r] = this.id.hi;
      this.refLo[r] = this.id.lo;
    } while (sc.moreElements());
  }

  /** Parent and links of span `i` from its references (see the file header). */
  private parentAndLinks(i: number, spanTrace: string): void {
    const b = this.b;
    let parent = -1;
    let followsFrom = -1;
    for (let r = 0; r < this.refCount && parent < 0; r++) {
      if (this.refTrace[r] === spanTrace && (this.refHi[r] !== 0 || this.refLo[r] !== 0)) {
        if (this.refType[r] === CHILD_OF) {
          parent = r;
        } else if (followsFrom < 0) {
          followsFrom = r;
        }
      }
    }
    parent = parent >= 0 ? parent : followsFrom;
    if (parent >= 0) {
      b.parentHi[i] = this.refHi[parent];
      b.parentLo[i] = this.refLo[parent];
      b.hasParent[i] = 1;
    }
    for (let r = 0; r < this.refCount; r++) {
      if ((r === parent && this.refType[r] === CHILD_OF) || (this.refHi[r] === 0 && this.refLo[r] === 0)) {
        continue;
      }
      const link = b.beginLink(i);
      b.setLink(link, this.refTrace[r], idToHex(this.refHi[r], this.refLo[r]));
      b.linkAttrs.add(
        link,
        b.intern('opentracing.ref_type'),
        AttrType.String,
        b.intern(REF_TYPE_NAMES[this.refType[r]])
      );
    }
  }

  /** Reads a span's `tags`: ordinary ones into its attributes, the special ones into the slots. */
  private spanTags(i: number): void {
    const sc = this.sc;
    this.kvList = 'tags';
    this.kvInSpan = true;
    if (!this.arr('.tags')) {
      return;
    }
    const memo = this.tagMemo;
    let k = 0;
    do {
      // a tag written as before is taken from the memo (see text-memo.ts)
      const from = sc.ws() === OPEN_OBJECT ? sc.p : -1;
      const seen = from >= 0 ? memo.slot(sc.s, from) : -1;
      const known = seen >= 0 ? memo.match(seen, sc.s, from) : 0;
      if (known > 0) {
        sc.p += known;
        this.kvKey = memo.first[seen];
        this.kvType = memo.second[seen];
        this.kvValue = memo.third[seen];
        this.kvSpecial = memo.fourth[seen];
      } else {
        const stringsBefore = this.b.stringCount;
        this.keyValue(k, true);
        // one whose key and value were all seen before is likely to come again
        if (seen >= 0 && this.b.stringCount === stringsBefore) {
          memo.remember(seen, sc.s, from, sc.p, this.kvKey, this.kvType, this.kvValue, this.kvSpecial);
        }
      }
      k++;
      const slot = this.kvSpecial;
      if (slot !== NOT_SPECIAL && this.slotValue[slot] < 0) {
        this.slotKey[slot] = this.kvKey;
        this.slotType[slot] = this.kvType;
        this.slotValue[slot] = this.kvValue;
      } else {
        this.b.spanAttrs.add(i, this.kvKey, this.kvType, this.kvValue);
      }
    } while (sc.moreElements());
  }

  /** Kind, status and scope of span `i` from its special tags; the ones the model does not hold become attributes. */
  private applySpecialTags(i: number): void {
    const b = this.b;
    const used = this.slotUsed;
    used.fill(0);
    const kind = this.isStringSlot(KIND_TAG) ? SPAN_KIND_NAMES.indexOf(this.slotText(KIND_TAG).toLowerCase()) : -1;
    if (kind > 0) {
      b.kind[i] = kind;
      used[KIND_TAG] = 1;
    }
    const errorType = this.slotType[ERROR_TAG];
    const errorTrue =
      this.slotText(ERROR_TAG) === 'true' && (errorType === AttrType.Bool || errorType === AttrType.String);
    const codeText = this.isStringSlot(CODE_TAG) ? this.slotText(CODE_TAG).toUpperCase() : '';
    const code = codeText === 'OK' ? StatusCode.Ok : codeText === 'ERROR' ? StatusCode.Error : StatusCode.Unset;
    const status = errorTrue ? StatusCode.Error : code;
    b.status[i] = status;
    used[ERROR_TAG] = errorTrue ? 1 : 0;
    used[CODE_TAG] = code !== StatusCode.Unset && code === status ? 1 : 0;
    if (status !== StatusCode.Unset && this.isStringSlot(DESCRIPTION_TAG)) {
      b.statusMessage[i] = this.slotValue[DESCRIPTION_TAG];
      used[DESCRIPTION_TAG] = 1;
    }
    const nameSlot = this.isStringSlot(SCOPE_NAME_TAG) ? SCOPE_NAME_TAG : LIBRARY_NAME_TAG;
    const versionSlot = this.isStringSlot(SCOPE_VERSION_TAG) ? SCOPE_VERSION_TAG : LIBRARY_VERSION_TAG;
    const name = this.isStringSlot(nameSlot) ? this.slotValue[nameSlot] : 0;
    const version = this.isStringSlot(versionSlot) ? this.slotValue[versionSlot] : 0;
    used[nameSlot] = this.isStringSlot(nameSlot) ? 1 : 0;
    used[versionSlot] = this.isStringSlot(versionSlot) ? 1 : 0;
    b.scope[i] = this.scopeOf(name, version);
    for (let slot = 0; slot < SPECIAL_TAGS.length; slot++) {
      if (this.slotValue[slot] >= 0 && !used[slot]) {
        b.spanAttrs.add(i, this.slotKey[slot], this.slotType[slot] as AttrType, this.slotValue[slot]);
      }
    }
  }

  private isStringSlot(slot: number): boolean {
    return this.slotValue[slot] >= 0 && this.slotType[slot] === AttrType.String;
  }

  /** Text of a special tag's value ('' when absent). */
  private slotText(slot: number): string {
    return this.slotValue[slot] >= 0 ? this.b.stringAt(this.slotValue[slot]) : '';
  }

  /** Scope index of a (name, version) pair of string indexes; the last span's pair is recognised without a lookup. */
  private scopeOf(name: number, version: number): number {
    if (name === this.lastScopeName && version === this.lastScopeVersion) {
      return this.lastScope;
    }
    const key = `${name},${version}`;
    let scope = this.scopes.get(key);
    if (scope === undefined) {
      scope = this.b.beginScope(name, version);
      this.scopes.set(key, scope);
    }
    this.lastScopeName = name;
    this.lastScopeVersion = version;
    this.lastScope = scope;
    return scope;
  }

  /** Reads a span's `logs` as events. */
  private logs(i: number): void {
    const sc = this.sc;
    const b = this.b;
    if (!this.arr('.logs')) {
      return;
    }
    let l = 0;
    do {
      const event = b.beginEvent(i);
      let name = 0;
      let memberName = 0;
      let hasTime = false;
      this.sub = l;
      const hasFields = this.obj('.logs[#]');
      while (hasFields) {
        sc.key();
        if (sc.is('timestamp')) {
          const us = this.micros('.logs[#].timestamp');
          if (us < 0 || (us === 0 && this.subMicroNs === 0)) {
            fail(`${this.at('.logs[#].timestamp')}: ${us < 0 ? 'null' : '0'} is not a time (0 and null mean unset)`);
          }
          this.setMicros(us, this.subMicroNs);
          hasTime = true;
        } else if (sc.is('name')) {
          // Grafana's trace download keeps an OTLP event's name here
          memberName = this.string('.logs[#].name');
        } else if (sc.is('fields')) {
          this.kvList = `logs[${l}].fields`;
          this.kvInSpan = true;
          if (this.arr('.logs[#].fields')) {
            let k = 0;
            do {
              this.keyValue(k++, false);
              if (name === 0 && this.kvType === AttrType.String && b.stringAt(this.kvKey) === 'event') {
                name = this.kvValue;
              } else {
                b.eventAttrs.add(event, this.kvKey, this.kvType, this.kvValue);
              }
            } while (sc.moreElements());
          }
        } else {
          sc.skip();
        }
        if (!sc.moreMembers()) {
          break;
        }
      }
      if (!hasTime) {
        fail(`${this.at('.logs[#]')}: no timestamp`);
      }
      b.setEvent(event, this.time, name !== 0 ? name : memberName);
      l++;
    } while (sc.moreElements());
  }

  /** Reads a span's processID: the index of its process (the same id as the last span's is recognised in place). */
  private processId(): number {
    const sc = this.sc;
    if (!sc.str()) {
      fail(`${this.spanPath()}.processID: expected a string, found ${this.found()}`);
    }
    const last = this.lastProcessText;
    if (!sc.escaped && sc.z - sc.a === last.length && last !== '' && textAt(sc.s, sc.a, last)) {
      return this.lastProcess;
    }
    this.lastProcessText = sc.text();
    this.lastProcess = this.processOf(this.lastProcessText);
    return this.lastProcess;
  }

  /** Process index of a process id, registering it on first use. */
  private processOf(key: string): number {
    let p = this.processIndex.get(key);
    if (p === undefined) {
      p = this.processResource.length;
      this.processIndex.set(key, p);
      this.processResource.push(-1);
      this.processFirstUse.push(`${this.spanPath()}.processID`);
    }
    return p;
  }

  /** Reads `processes`: one resource each, `service.name` first, then the tags. */
  private processes(): void {
    const sc = this.sc;
    const b = this.b;
    const path = this.inTrace('processes');
    if (!this.obj(path)) {
      return;
    }
    const keys: number[] = [];
    const types: AttrType[] = [];
    const values: number[] = [];
    do {
      sc.key();
      const id = sc.text();
      const where = `${path}.${id}`;
      const p = this.processOf(id);
      if (this.processResource[p] >= 0) {
        fail(`${where}: defined twice`);
      }
      let service = 0;
      keys.length = 0;
      types.length = 0;
      values.length = 0;
      const hasFields = this.obj(where);
      while (hasFields) {
        sc.key();
        if (sc.is('serviceName')) {
          service = this.string(`${where}.serviceName`);
        } else if (sc.is('tags')) {
          this.kvList = `${where}.tags`;
          this.kvInSpan = false;
          if (this.arr(`${where}.tags`)) {
            let k = 0;
            do {
              this.keyValue(k++, false);
              keys.push(this.kvKey);
              types.push(this.kvType);
              values.push(this.kvValue);
            } while (sc.moreElements());
          }
        } else {
          sc.skip();
        }
        if (!sc.moreMembers()) {
          break;
        }
      }
      const resource = b.beginResource();
      if (service !== 0) {
        b.resourceAttrs.add(resource, b.intern('service.name'), AttrType.String, service);
      }
      for (let k = 0; k < keys.length; k++) {
        b.resourceAttrs.add(resource, keys[k], types[k], values[k]);
      }
      this.processResource[p] = resource;
    } while (sc.moreMembers());
  }

  /** Gives every span the resource of its process; fails on a process that `processes` lacks. O(spans). */
  private attachProcesses(): void {
    for (let p = 0; p < this.processResource.length; p++) {
      if (this.processResource[p] < 0) {
        const id = [...this.processIndex].find(([, index]) => index === p)![0];
        fail(`${this.processFirstUse[p]}: ${quoteInput(id)} is not in ${this.inTrace('processes')}`);
      }
    }
    for (let i = 0; i < this.spanProcess.length; i++) {
      this.b.resource[i] = this.processResource[this.spanProcess[i]];
    }
  }

  /**
   * Reads one `{key, type, value}` into kvKey/kvType/kvValue (and, for span tags, kvSpecial).
   * The value is checked against the declared type once the whole object is read.
   */
  private keyValue(k: number, spanTag: boolean): void {
    const sc = this.sc;
    const b = this.b;
    let key = -1;
    let type = '';
    let valueKind = -1;
    let value = 0;
    let token = '';
    this.kvSpecial = NOT_SPECIAL;
    const fields = this.kvFields;
    let f = fields.start;
    this.kvIndex = k;
    const hasFields = this.obj(KV_PATH);
    while (hasFields) {
      f = fields.next(sc, f);
      switch (fields.names[f]) {
        case 'key':
          if (!sc.str()) {
            fail(`${this.at(KV_PATH)}.key: expected a string, found ${this.found()}`);
          }
          this.kvSpecial = spanTag ? specialTag(sc) : NOT_SPECIAL;
          key = b.intern(sc.text());
          break;
        case 'type':
          if (!sc.str()) {
            fail(`${this.at(KV_PATH)}.type: expected a string, found ${this.found()}`);
          }
          type = tagType(sc);
          break;
        case 'value':
          if (sc.str()) {
            valueKind = V_STRING;
            value = b.intern(sc.text());
          } else if (sc.token()) {
            token = sc.s.slice(sc.a, sc.z);
            valueKind = token === 'true' || token === 'false' ? V_BOOL : token === 'null' ? -1 : V_NUMBER;
          }
          if (valueKind < 0) {
            fail(
              `${this.at(KV_PATH)}.value: expected a string, number or bool, found ${token ? shortToken(token) : this.found()}`
            );
          }
          break;
        default:
          sc.skip();
      }
      if (!sc.moreMembers()) {
        break;
      }
    }
    if (key < 0 || valueKind < 0) {
      fail(`${this.at(KV_PATH)}: no ${key < 0 ? 'key' : 'value'}`);
    }
    const declared = type === '' ? valueKind : (TYPE_KINDS[type] ?? -1);
    if (declared < 0) {
      fail(`${this.at(KV_PATH)}.type: unknown value ${type} (expected string, bool, int64, float64 or binary)`);
    }
    if (type === 'int64' && valueKind === V_STRING) {
      // Jaeger writes an int64 beyond ±(2^53 − 1) as a decimal string, to keep its digits
      token = b.stringAt(value);
      valueKind = /^-?\d+$/.test(token) ? V_NUMBER : V_STRING;
    }
    if (declared !== valueKind) {
      const found = valueKind === V_STRING ? quoteInput(b.stringAt(value)) : shortToken(token);
      fail(`${this.at(KV_PATH)}.value: type ${type} needs ${VALUE_KIND_NAMES[declared]}, found ${found}`);
    }
    this.kvKey = key;
    if (valueKind === V_STRING) {
      this.kvType = type === 'binary' ? AttrType.Bytes : AttrType.String;
      this.kvValue = value;
    } else if (valueKind === V_BOOL) {
      this.kvType = AttrType.Bool;
      this.kvValue = b.intern(token);
    } else {
      this.kvType = this.numberType(token, type);
      this.kvValue = b.intern(this.kvType === AttrType.Int ? token : String(Number(token)));
    }
  }

  /** Int or Double for a number tag; int64 digits must fit 64 bits, float64 must be finite. */
  private numberType(token: string, type: string): AttrType {
    const integer = /^-?\d+$/.test(token);
    const v = JSON_NUMBER.test(token) ? Number(token) : NaN;
    if (Number.isNaN(v)) {
      fail(`${this.at(KV_PATH)}.value: ${shortToken(token)} is not a number`);
    }
    if (type === 'int64' || (type === '' && integer)) {
      const digits = token.replace('-', '');
      const limit = token.startsWith('-') ? '9223372036854775808' : '9223372036854775807';
      if (!integer || digits.length > 19 || (digits.length === 19 && digits > limit)) {
        fail(`${this.at(KV_PATH)}.value: ${shortToken(token)} is not an int64`);
      }
      return AttrType.Int;
    }
    if (!Number.isFinite(v)) {
      fail(`${this.at(KV_PATH)}.value: ${shortToken(token)} is out of the float64 range`);
    }
    return AttrType.Double;
  }

  /** Reads an array of strings; keeps the first few in `keep` (the first one after `prefix`). Returns how many. */
  private strings(path: string, keep: string[], prefix: string): number {
    const sc = this.sc;
    if (!this.arr(path)) {
      return 0;
    }
    let k = 0;
    do {
      if (!sc.str()) {
        fail(`${this.at(path)}[${k}]: expected a string, found ${this.found()}`);
      }
      if (keep.length < MAX_EXAMPLE_WARNINGS) {
        keep.push(keep.length === 0 ? prefix + sc.text() : sc.text());
      }
      k++;
    } while (sc.moreElements());
    return k;
  }

  private reportWarnings(errors: readonly string[]): void {
    for (const text of this.traceWarnings) {
      this.b.warn(inputWarning('jaeger-trace-warning', { text }));
    }
    if (this.traceWarningCount > MAX_EXAMPLE_WARNINGS) {
      this.b.warn(inputWarning('jaeger-more-trace-warnings', { count: this.traceWarningCount - MAX_EXAMPLE_WARNINGS }));
    }
    if (this.spanWarningCount > 0) {
      this.b.warn(
        inputWarning('jaeger-span-warnings', { count: this.spanWarningCount, example: this.spanWarnings[0] })
      );
    }
    if (errors.length > 0) {
      this.b.warn(inputWarning('jaeger-errors', { errors: [...errors] }));
    }
  }

  /** Reads a string (null → ''), as a string index. */
  private string(path: string): number {
    const sc = this.sc;
    if (!sc.str()) {
      if (sc.nullValue()) {
        return 0;
      }
      fail(`${this.at(path)}: expected a string, found ${this.found()}`);
    }
    return this.b.intern(sc.text());
  }

  /** Enters an object: true if it has members, false if empty or null; anything else fails. */
  private obj(path: string): boolean {
    if (this.sc.ws() !== 123 && !this.sc.s.startsWith('null', this.sc.p)) {
      fail(`${this.at(path)}: expected an object, found ${this.found()}`);
    }
    return this.sc.obj();
  }

  /** Enters an array: true if it has elements, false if empty or null; anything else fails. */
  private arr(path: string): boolean {
    if (this.sc.ws() !== 91 && !this.sc.s.startsWith('null', this.sc.p)) {
      fail(`${this.at(path)}: expected an array, found ${this.found()}`);
    }
    return this.sc.arr();
  }

  /** Describes the value at the current position (for messages). */
  private found(): string {
    return foundAt(this.sc);
  }
}

/**
 * Describes the value at the scanner's position for a message: its kind, or a short quote of
 * it; at the end of the input, throws the scanner's "the document ends early".
 */
function foundAt(sc: JsonScanner): string {
  const c = sc.ws();
  if (c !== c) {
    sc.syntax('a value');
  }
  if (c === 123 || c === 91) {
    return c === 123 ? 'an object' : 'an array';
  }
  const start = sc.p;
  if (sc.str()) {
    return quoteInput(sc.text(), 24);
  }
  sc.skip();
  return shortToken(sc.s.slice(start, sc.p));
}

/** Enters a top-level array member (`data`, `errors`): true if it has elements; not an array fails. */
function enterArray(sc: JsonScanner, path: string): boolean {
  const c = sc.ws();
  if (c !== 91 && !sc.s.startsWith('null', sc.p)) {
    fail(`${path}: expected an array, found ${foundAt(sc)}`);
  }
  return sc.arr();
}

/** The type name just read, as one of TYPE_NAMES (no copy), or its JSON text when unknown. */
function tagType(sc: JsonScanner): string {
  for (let t = 0; t < TYPE_NAMES.length; t++) {
    if (sc.is(TYPE_NAMES[t])) {
      return TYPE_NAMES[t];
    }
  }
  return quoteInput(sc.text());
}

/** Which special tag the key just read is, without interning it first. */
function specialTag(sc: JsonScanner): number {
  const c = sc.s.charCodeAt(sc.a);
  // only keys starting with 's', 'o' or 'e' can be special
  if (c !== 115 && c !== 111 && c !== 101) {
    return NOT_SPECIAL;
  }
  for (let t = 0; t < SPECIAL_TAGS.length; t++) {
    if (sc.is(SPECIAL_TAGS[t])) {
      return t;
    }
  }
  return NOT_SPECIAL;
}

/** Reads `errors: [{code, msg}]` of a Jaeger answer as short texts (200 characters each at most). */
function readErrors(sc: JsonScanner, into: string[]): void {
  if (!enterArray(sc, 'errors')) {
    return;
  }
  do {
    const start = sc.skip();
    const raw = sc.s.slice(start, sc.p);
    let message = raw;
    try {
      const e = JSON.parse(raw);
      message = e && typeof e === 'object' ? `${e.code ?? ''} ${e.msg ?? ''}`.trim() : String(e);
    } catch {
      // keep the raw text
    }
    into.push(message.slice(0, 200));
  } while (sc.moreElements());
}

/** What a `{"data":[…]}` document holds: its traces (all, or the first and a count) and its `errors`. */
interface JaegerDocument {
  traces: ParsedTrace[];
  /** number of elements of `data`; -1 without a `data` member */
  count: number;
  errors: string[];
  /** the first top-level member that marks an OTLP document, '' if none */
  otlpKey: string;
}

/** Reads a Jaeger `{"data":[trace…], "errors":…}` document: every trace, or only the first when `all` is false. */
function readDocument(text: string, all: boolean): JaegerDocument {
  const sc = new JsonScanner(text);
  const doc: JaegerDocument = { traces: [], count: -1, errors: [], otlpKey: '' };
  const readers: JaegerJsonReader[] = [];
  if (sc.obj()) {
    do {
      sc.key();
      if (sc.is('data')) {
        doc.count = 0;
        if (enterArray(sc, 'data')) {
          do {
            if (all || doc.count === 0) {
              // a Jaeger span with a few tags is ~400 characters of JSON: size the first trace's columns for
              // that (most files hold one trace); later ones grow from a small size
              const reader = new JaegerJsonReader(sc, `data[${doc.count}]`, doc.count > 0 ? 16 : text.length / 400);
              reader.trace();
              readers.push(reader);
            } else {
              sc.skip();
            }
            doc.count++;
          } while (sc.moreElements());
        }
      } else if (sc.is('errors')) {
        readErrors(sc, doc.errors);
      } else {
        if (doc.otlpKey === '' && (sc.is('result') || sc.is('resourceSpans') || sc.is('batches') || sc.is('trace'))) {
          doc.otlpKey = sc.text();
        }
        sc.skip();
      }
    } while (sc.moreMembers());
  }
  sc.end();
  doc.traces = readers.map((r) => r.finish(doc.errors));
  return doc;
}

/**
 * Parses the text of a Jaeger v1 `/api/traces/{id}` answer holding one trace (see the file header).
 *
 * @throws {@link TraceParseError} naming what is wrong and where (a JSON path such as
 *   `data[0].spans[12].startTime`, or line/column for invalid JSON); "no trace" when `data` is empty.
 */
export function parseJaegerTrace(text: string): ParsedTrace {
  if (typeof text !== 'string') {
    fail(`not a Jaeger v1 trace: expected the text of the answer, got ${text === null ? 'null' : typeof text}`);
  }
  const doc = readDocument(text, false);
  if (doc.count < 0) {
    fail(
      doc.otlpKey !== ''
        ? `not a Jaeger v1 trace: a top-level "${doc.otlpKey}" is OTLP JSON (read it with parseOtlpTrace)`
        : 'not a Jaeger v1 trace: expected a top-level "data" array'
    );
  }
  if (doc.count === 0) {
    fail(`no trace: "data" is empty${doc.errors.length > 0 ? ` (errors: ${doc.errors.join('; ')})` : ''}`);
  }
  if (doc.count > 1) {
    fail(`"data" holds ${doc.count} traces; expected one (the answer of /api/traces/{id})`);
  }
  return doc.traces[0];
}

/**
 * Every trace of a Jaeger JSON file: `{"data":[trace…]}` (Jaeger's API answers and the Jaeger
 * UI's download; each element read as {@link parseJaegerTrace} reads its one trace, messages
 * naming `data[k]`), and the document's `errors` texts. `data` may be empty.
 *
 * @throws {@link TraceParseError} as parseJaegerTrace, and when there is no `data` member.
 */
export function parseJaegerTraces(text: string): { traces: ParsedTrace[]; errors: string[] } {
  const doc = readDocument(text, true);
  if (doc.count < 0) {
    fail('not a Jaeger JSON file: expected a top-level "data" array');
  }
  return { traces: doc.traces, errors: doc.errors };
}

/**
 * A bare Jaeger trace object `{"traceID", "spans":[…], "processes":{…}}` (one element of `data`
 * saved on its own); messages name paths from the top (`spans[3].startTime`).
 */
export function parseJaegerTraceObject(text: string): ParsedTrace {
  const sc = new JsonScanner(text);
  const reader = new JaegerJsonReader(sc, '', text.length / 400);
  reader.trace();
  sc.end();
  return reader.finish([]);
}
