/**
 * Reads OTLP/JSON trace documents straight from their text into a {@link TraceBuilder}:
 * Tempo v2 `{trace:{resourceSpans}}`, Jaeger v2's `/api/v3/traces` `{result:{resourceSpans}}`,
 * Tempo v1 `{batches}` and plain `{resourceSpans}`;
 * `scopeSpans` or legacy `instrumentationLibrarySpans`; ids in hex or base64; 64-bit times as
 * strings or numbers (exact either way, since digits are read from the text); kinds and status
 * codes as enum names or numbers; every AnyValue kind; events and links. Unknown fields are
 * skipped. One pass, O(length of the text); no intermediate objects except for the rare
 * array/kvlist attribute values.
 *
 * One trace per document. Spans of several trace ids are a {@link TraceParseError}, not a warning:
 * analysed together they give numbers that describe no request (times from another trace's
 * start, per-service totals summed over requests, one critical path across unrelated roots) yet
 * look like a normal trace, and a warning line does not stop a panel from aggregating them. A
 * trace-by-id answer (Tempo, Jaeger v3) never mixes traces; Jaeger's v3 *search* answer does
 * (every match's spans in one list), and its caller must group the spans by traceId first.
 */
import { fail, SEEN_END, SEEN_ID, SEEN_START, TraceBuilder } from './builder';
import { parseUnixNano, UnixNano } from './unix-nano';
import { decodeSpanId, IdHalves, idTextToHex } from './ids';
import { AttrType } from './model';
import { ObjectFields } from './json-fields';
import { JsonScanner } from './json-scanner';

const KIND_NAMES: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

const KIND_ORDER = Object.keys(KIND_NAMES);

const STATUS_NAMES: Record<string, number> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};

/** Where an attribute list belongs. */
type AttrTarget = TraceBuilder['spanAttrs'];

/** Turns a nested OTLP AnyValue (already parsed) into plain JSON values: used as a JSON.parse reviver. */
function plainAnyValue(this: unknown, _key: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return v;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length !== 1) {
    return keys.length === 0 ? null : v;
  }
  switch (keys[0]) {
    case 'stringValue':
    case 'boolValue':
    case 'bytesValue':
      return o[keys[0]];
    case 'intValue':
    case 'doubleValue':
      return Number(o[keys[0]]);
    case 'arrayValue':
      return (o.arrayValue as { values?: unknown[] })?.values ?? [];
    case 'kvlistValue': {
      const entries = (o.kvlistValue as { values?: Array<{ key: string; value: unknown }> })?.values ?? [];
      return Object.fromEntries(entries.map((e) => [e.key, e.value ?? null]));
    }
    default:
      return v;
  }
}

class OtlpJsonReader {
  /**
   * Never read, never changed: it only keeps the object shapes (V8 hidden classes) of a reader,
   * its scanner and its builder alive. V8 drops a shape in a full GC once no object has it, and
   * with it the optimised code that depends on it, so without this every parse that follows a
   * full GC would start cold (measured: ~1.4× slower on a 100k-span trace). The other classes
   * made once per trace or per call keep an idle instance the same way.
   */
  static readonly shapeKeeper: OtlpJsonReader = new OtlpJsonReader('{}');

  private readonly sc: JsonScanner;
  private readonly b: TraceBuilder;
  private readonly id: IdHalves = { hi: 0, lo: 0, ok: false };
  private readonly time: UnixNano = { sec: 0, ns: 0, ok: false };
  /** JSON path of the current scope-spans list, for messages */
  private listPath = '';
  private spanIndex = 0;
  private attrType = AttrType.Empty;
  private readonly cacheText: string[] = new Array(256);
  private readonly cacheIndex = new Int32Array(256);
  private attrValue = 0;
  /** lowercase hex of the first span's trace id; the other trace ids seen, and where the first of them was */
  private traceHex = '';
  private otherTraces: Set<string> | undefined;
  private otherTraceWhere = '';
  private readonly spanFields = new ObjectFields([
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
  ]);

  constructor(text: string) {
    this.sc = new JsonScanner(text);
    // a minimal span is ~250 characters of JSON: size the columns for that, grow if needed
    this.b = new TraceBuilder(text.length / 250);
  }

  read() {
    const sc = this.sc;
    let found = false;
    let errorAnswer = '';
    if (sc.obj()) {
      do {
        sc.key();
        if (sc.is('trace') || sc.is('result')) {
          found = true;
          const wrapper = sc.text();
          if (sc.obj()) {
            do {
              sc.key();
              if (sc.is('resourceSpans')) {
                this.resourceSpansList(`${wrapper}.resourceSpans`);
              } else {
                sc.skip();
              }
            } while (sc.moreMembers());
          }
        } else if (sc.is('batches') || sc.is('resourceSpans')) {
          found = true;
          this.resourceSpansList(sc.text());
        } else if (sc.is('error')) {
          // Jaeger v3's error answer {"error":{"httpCode","message"}}: named in the message below
          const start = sc.skip();
          errorAnswer = sc.s.slice(start, Math.min(sc.p, start + 300));
        } else {
          sc.skip();
        }
      } while (sc.moreMembers());
    }
    sc.end();
    if (!found && errorAnswer !== '') {
      fail(`not an OTLP trace: the body is an error answer: ${errorAnswer}`);
    }
    if (!found) {
      fail(
        'not an OTLP trace: expected a top-level "batches", "resourceSpans", "trace": {"resourceSpans"} or "result": {"resourceSpans"} field'
      );
    }
    if (this.otherTraces) {
      const [next] = this.otherTraces;
      fail(
        `spans of ${this.otherTraces.size + 1} traces in one body (${this.traceHex}, then ${next} at ${this.otherTraceWhere}); ` +
          'expected one trace (group a search answer by traceId first)'
      );
    }
    return this.b.finish();
  }

  private resourceSpansList(path: string): void {
    const sc = this.sc;
    let r = 0;
    if (sc.arr()) {
      do {
        this.resourceSpans(`${path}[${r++}]`);
      } while (sc.moreElements());
    }
  }

  private resourceSpans(path: string): void {
    const sc = this.sc;
    const resource = this.b.beginResource();
    if (!sc.obj()) {
      return;
    }
    do {
      sc.key();
      if (sc.is('scopeSpans') || sc.is('instrumentationLibrarySpans')) {
        const list = `${path}.${sc.text()}`;
        let k = 0;
        if (sc.arr()) {
          do {
            this.scopeSpans(`${list}[${k++}]`, resource);
          } while (sc.moreElements());
        }
      } else if (sc.is('resource')) {
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
      } else {
        sc.skip();
      }
    } while (sc.moreMembers());
  }

  private scopeSpans(path: string, resource: number): void {
    const sc = this.sc;
    const scope = this.b.beginScope(0, 0);
    if (!sc.obj()) {
      return;
    }
    do {
      sc.key();
      if (sc.is('spans')) {
        this.listPath = path;
        this.spanIndex = 0;
        if (sc.arr()) {
          do {
            this.span(resource, scope);
            this.spanIndex++;
          } while (sc.moreElements());
        }
      } else if (sc.is('scope') || sc.is('instrumentationLibrary')) {
        this.scope(scope);
      } else {
        sc.skip();
      }
    } while (sc.moreMembers());
  }

  private scope(scope: number): void {
    const sc = this.sc;
    let name = 0;
    let version = 0;
    if (sc.obj()) {
      do {
        sc.key();
        if (sc.is('name')) {
          name = this.internString('scope name');
        } else if (sc.is('version')) {
          version = this.internString('scope version');
        } else {
          sc.skip();
        }
      } while (sc.moreMembers());
    }
    this.b.setScope(scope, name, version);
  }

  private where(): string {
    return `span ${this.spanIndex} in ${this.listPath}`;
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
      switch (fields.names[f]) {
        case 'traceId':
          this.traceId();
          break;
        case 'spanId':
          this.spanId('spanId');
          b.idHi[i] = this.id.hi;
          b.idLo[i] = this.id.lo;
          b.seen |= SEEN_ID;
          break;
        case 'parentSpanId': {
          const present = this.spanId('parentSpanId');
          b.parentHi[i] = this.id.hi;
          b.parentLo[i] = this.id.lo;
          b.hasParent[i] = present && (this.id.hi !== 0 || this.id.lo !== 0) ? 1 : 0;
          break;
        }
        case 'name':
          b.name[i] = this.internString('name');
          break;
        case 'kind':
          b.kind[i] = this.kind();
          break;
        case 'startTimeUnixNano':
          this.unixNano('startTimeUnixNano', -1);
          b.startSec[i] = this.time.sec;
          b.startNs[i] = this.time.ns;
          b.seen |= SEEN_START;
          break;
        case 'endTimeUnixNano':
          this.unixNano('endTimeUnixNano', -1);
          b.endSec[i] = this.time.sec;
          b.endNs[i] = this.time.ns;
          b.seen |= SEEN_END;
          break;
        case 'attributes':
          this.attributes(i, b.spanAttrs);
          break;
        case 'status':
          this.status(i);
          break;
        case 'events':
          this.events(i);
          break;
        case 'links':
          this.links(i);
          break;
        default:
          sc.skip();
      }
    } while (sc.moreMembers());
    const missing = b.missingField();
    if (missing !== '') {
      fail(`${this.where()} has no ${missing}`);
    }
  }

  /** Reads an 8-byte id into `this.id`; false when the field is null or the empty string. */
  private spanId(field: string): boolean {
    const sc = this.sc;
    if (!sc.str()) {
      if (sc.nullValue()) {
        return false;
      }
      fail(`${field} of ${this.where()} is not a string`);
    }
    if (sc.z === sc.a) {
      this.id.hi = 0;
      this.id.lo = 0;
      return false;
    }
    if (sc.escaped) {
      const text = sc.text();
      decodeSpanId(text, 0, text.length, this.id);
    } else {
      decodeSpanId(sc.s, sc.a, sc.z, this.id);
    }
    if (!this.id.ok) {
      fail(
        `${this.where()} has an invalid ${field} ${JSON.stringify(sc.text())} (expected 16 hex digits or 12 base64 characters)`
      );
    }
    return true;
  }

  private traceId(): void {
    const sc = this.sc;
    if (!sc.str()) {
      sc.skip();
    } else if (sc.z > sc.a && !this.b.isSameTraceIdText(sc.s, sc.a, sc.z)) {
      this.newTraceIdText(sc.text());
    }
  }

  /** A trace id text unlike the first one: the first of the trace, the same id spelt otherwise, or another trace. */
  private newTraceIdText(text: string): void {
    // an id that is neither hex nor base64 is a trace of its own, shown as written
    const hex = idTextToHex(text) || JSON.stringify(text);
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

  /** Reads a Unix-ns time (string or number) of the span, or of its event `event`, into `this.time`. */
  private unixNano(field: string, event: number): void {
    const sc = this.sc;
    const ok = sc.scalar() && !sc.escaped;
    if (ok) {
      parseUnixNano(sc.s, sc.a, sc.z, this.time);
    }
    if (!ok || !this.time.ok) {
      const what = event < 0 ? this.where() : `event ${event} of ${this.where()}`;
      fail(
        ok
          ? `${field} of ${what} is not a valid time: ${JSON.stringify(sc.s.slice(sc.a, sc.z))}`
          : `${field} of ${what} is not a number or a string of digits`
      );
    }
  }

  private internString(field: string): number {
    const sc = this.sc;
    if (!sc.str()) {
      if (sc.nullValue()) {
        return 0;
      }
      fail(`${field} of ${this.where()} is not a string`);
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
    if (cached !== undefined && cached.length === z - a && s.startsWith(cached, a)) {
      return this.cacheIndex[h];
    }
    const index = this.b.intern(s.slice(a, z));
    this.cacheText[h] = this.b.stringAt(index);
    this.cacheIndex[h] = index;
    return index;
  }

  /** Span kind: the `SPAN_KIND_*` names recognised in place, anything else by `enumValue`. */
  private kind(): number {
    const sc = this.sc;
    const start = sc.p;
    if (sc.str() && !sc.escaped) {
      const len = sc.z - sc.a;
      const c = sc.s.charCodeAt(sc.a + 10);
      // SERVER/CLIENT are 16 chars long, INTERNAL/PRODUCER/CONSUMER 18, UNSPECIFIED 21
      const k = len === 16 ? (c === 83 ? 2 : 3) : len === 18 ? (c === 73 ? 1 : c === 80 ? 4 : 5) : 0;
      if (sc.s.startsWith(KIND_ORDER[k], sc.a) && KIND_ORDER[k].length === len) {
        return k;
      }
    }
    sc.p = start;
    return this.enumValue(KIND_NAMES, 5, 'kind');
  }

  /** An enum given by name (in `names`) or by number 0..max. */
  private enumValue(names: Record<string, number>, max: number, field: string): number {
    const sc = this.sc;
    if (!sc.scalar()) {
      fail(`${field} of ${this.where()} is not a name or a number`);
    }
    const text = sc.text();
    const v = names[text] ?? Number(text);
    if (!(v >= 0 && v <= max && Number.isInteger(v))) {
      fail(`${field} of ${this.where()} has an unknown value ${JSON.stringify(text)}`);
    }
    return v;
  }

  private status(i: number): void {
    const sc = this.sc;
    if (!sc.obj()) {
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
    let k = 0;
    if (!sc.arr()) {
      return;
    }
    do {
      const event = this.b.beginEvent(span);
      let name = 0;
      let hasTime = false;
      if (sc.obj()) {
        do {
          sc.key();
          if (sc.is('timeUnixNano')) {
            this.unixNano('timeUnixNano', k);
            hasTime = true;
          } else if (sc.is('name')) {
            name = this.internString('event name');
          } else if (sc.is('attributes')) {
            this.attributes(event, this.b.eventAttrs);
          } else {
            sc.skip();
          }
        } while (sc.moreMembers());
      }
      if (!hasTime) {
        fail(`event ${k} of ${this.where()} has no timeUnixNano`);
      }
      this.b.setEvent(event, this.time, name);
      k++;
    } while (sc.moreElements());
  }

  private links(span: number): void {
    const sc = this.sc;
    if (!sc.arr()) {
      return;
    }
    do {
      const link = this.b.beginLink(span);
      let traceId = '';
      let spanId = '';
      if (sc.obj()) {
        do {
          sc.key();
          if (sc.is('traceId') && sc.str()) {
            traceId = sc.text();
          } else if (sc.is('spanId') && sc.str()) {
            spanId = sc.text();
          } else if (sc.is('attributes')) {
            this.attributes(link, this.b.linkAttrs);
          } else {
            sc.skip();
          }
        } while (sc.moreMembers());
      }
      this.b.setLink(link, traceId, spanId);
    } while (sc.moreElements());
  }

  /** Reads `[{key, value:{...}}]` into `target` for `owner`. */
  private attributes(owner: number, target: AttrTarget): void {
    const sc = this.sc;
    if (!sc.arr()) {
      return;
    }
    do {
      let key = -1;
      this.attrType = AttrType.Empty;
      this.attrValue = 0;
      if (sc.obj()) {
        do {
          sc.key();
          if (sc.is('key')) {
            key = this.internString('attribute key');
          } else if (sc.is('value')) {
            this.anyValue();
          } else {
            sc.skip();
          }
        } while (sc.moreMembers());
      }
      if (key >= 0) {
        target.add(owner, key, this.attrType, this.attrValue);
      }
    } while (sc.moreElements());
  }

  /** Compact JSON of the plain values inside an arrayValue/kvlistValue wrapper text. */
  private nestedValue(wrapperJson: string): string {
    try {
      return JSON.stringify(JSON.parse(wrapperJson, plainAnyValue));
    } catch {
      return fail(`an array or kvlist attribute value of ${this.where()} is not valid JSON`);
    }
  }

  /** Reads an OTLP AnyValue into `attrType` / `attrValue` (display string index). */
  private anyValue(): void {
    const sc = this.sc;
    if (!sc.obj()) {
      return;
    }
    do {
      sc.key();
      if (sc.is('stringValue')) {
        this.attrType = AttrType.String;
        this.attrValue = this.internString('stringValue');
      } else if (sc.is('intValue') || sc.is('doubleValue') || sc.is('boolValue')) {
        this.attrType = sc.is('intValue') ? AttrType.Int : sc.is('doubleValue') ? AttrType.Double : AttrType.Bool;
        if (!sc.scalar()) {
          fail(`an attribute value of ${this.where()} is not a scalar`);
        }
        this.attrValue =
          this.attrType === AttrType.Double
            ? this.b.intern(String(Number(sc.text())))
            : sc.escaped
              ? this.b.intern(sc.text())
              : this.internRange();
      } else if (sc.is('bytesValue')) {
        this.attrType = AttrType.Bytes;
        this.attrValue = this.internString('bytesValue');
      } else if (sc.is('arrayValue') || sc.is('kvlistValue')) {
        const wrapper = sc.text();
        this.attrType = wrapper === 'arrayValue' ? AttrType.Array : AttrType.KvList;
        const start = sc.skip();
        this.attrValue = this.b.intern(this.nestedValue(`{"${wrapper}":${sc.s.slice(start, sc.p)}}`));
      } else {
        sc.skip();
      }
    } while (sc.moreMembers());
  }
}

/** Parses OTLP/JSON text (see the file header); throws `TraceParseError` on bad input. */
export function parseOtlpJson(text: string) {
  return new OtlpJsonReader(text).read();
}
