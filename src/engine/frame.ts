/**
 * Adapter from a Grafana trace data frame (one row per span with the `TraceSpanRow` fields, as
 * the Tempo, Jaeger and Zipkin datasources return to a panel) into the trace model.
 * Frame times are float milliseconds since the epoch, which carry about 0.25 µs of rounding
 * error at today's epoch; they are rounded to whole microseconds (Jaeger's and Zipkin's native
 * precision). Span ids are hex of up to 16 digits (right-aligned). Resources are rebuilt from
 * `serviceName` + `serviceTags`, scopes from `instrumentationLibraryName/Version` (whose
 * `otel.library.*` copies in `tags` are dropped). O(rows + tags).
 */
import type { DataFrame } from '@grafana/data';

import { fail, SEEN_END, SEEN_ID, SEEN_START, TraceBuilder, UNSET_END, UNSET_START } from './builder';
import { UnixNano } from './unix-nano';
import { decodeHexId, IdHalves, idToHex, quotedId } from './ids';
import { AttrType, ParsedTrace, SPAN_KIND_NAMES } from './model';
import { inputWarning } from './input-warnings';
import { MAX_EXAMPLES } from './warnings';

type Row = Record<string, unknown>;
interface KeyValue {
  key: string;
  value: unknown;
}

/** A field's values as an array, whatever the @grafana/data version (array or Vector). */
function columnOf(frame: DataFrame, name: string): unknown[] | undefined {
  const field = frame.fields.find((f) => f.name === name);
  if (!field) {
    return undefined;
  }
  const values = field.values as unknown;
  if (Array.isArray(values)) {
    return values;
  }
  const vector = values as { toArray?: () => unknown[] };
  return typeof vector?.toArray === 'function' ? vector.toArray() : undefined;
}

/** Display string and type of a frame tag value. */
function tagValue(b: TraceBuilder, v: unknown): [AttrType, number] {
  switch (typeof v) {
    case 'string':
      return [AttrType.String, b.intern(v)];
    case 'number':
      return [Number.isInteger(v) ? AttrType.Int : AttrType.Double, b.intern(String(v))];
    case 'boolean':
      return [AttrType.Bool, b.intern(String(v))];
    case 'object':
      if (v !== null) {
        return [Array.isArray(v) ? AttrType.Array : AttrType.KvList, b.intern(JSON.stringify(v))];
      }
      return [AttrType.Empty, 0];
    default:
      return [AttrType.Empty, 0];
  }
}

/** Largest usable frame time, ms: 2^53 − 1 µs (the year 2255), so µs stay exact integers. */
const MAX_MS = Number.MAX_SAFE_INTEGER / 1000;

/** A frame value for a message: a string quoted when at most 32 characters long, else its length. */
function describe(v: unknown): string {
  if (typeof v === 'string') {
    return quotedId(v) ?? `a string of ${v.length} characters`;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    return String(v);
  }
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : `a value of type ${typeof v}`;
}

function kindOf(v: unknown): number {
  if (typeof v === 'number') {
    return v >= 0 && v <= 5 ? v : 0;
  }
  const name = typeof v === 'string' ? v.toLowerCase().replace(/^span_kind_/, '') : '';
  const k = SPAN_KIND_NAMES.indexOf(name);
  return k < 0 ? 0 : k;
}

/** Jaeger trace frames carry the span kind in the `span.kind` tag, Zipkin frames in `kind`. */
function kindFromTags(tags: unknown): unknown {
  if (!Array.isArray(tags)) {
    return undefined;
  }
  return (tags as KeyValue[]).find((tag) => tag?.key === 'span.kind' || tag?.key === 'kind')?.value;
}

class FrameReader {
  /** Idle instance: keeps this class's object shape alive across full GCs (see OtlpJsonReader.shapeKeeper). */
  static readonly shapeKeeper: FrameReader = new FrameReader({ fields: [], length: 0 });

  private readonly b = new TraceBuilder();
  private readonly id: IdHalves = { hi: 0, lo: 0, ok: false };
  private readonly time: UnixNano = { sec: 0, ns: 0, ok: true };
  private readonly resources = new Map<string, number>();
  private readonly scopes = new Map<string, number>();
  /** rows whose startTime or duration is a number out of range (see `times`) */
  private readonly unusableRows: number[] = [];

  constructor(private readonly frame: DataFrame) {}

  read(): ParsedTrace {
    const frame = this.frame;
    const names = ['spanID', 'parentSpanID', 'traceID', 'operationName', 'serviceName', 'serviceTags', 'startTime'];
    const more = ['duration', 'kind', 'statusCode', 'statusMessage', 'tags', 'logs', 'references'];
    const columns: Record<string, unknown[] | undefined> = {};
    for (const name of [...names, ...more, 'instrumentationLibraryName', 'instrumentationLibraryVersion']) {
      columns[name] = columnOf(frame, name);
    }
    for (const required of ['spanID', 'startTime', 'duration']) {
      if (!columns[required]) {
        fail(
          `the trace frame has no ${required} field (it has: ${frame.fields.map((f) => f.name).join(', ') || 'no fields'})`
        );
      }
    }
    const rows = columns.spanID!.length;
    for (let r = 0; r < rows; r++) {
      const row: Row = {};
      for (const name in columns) {
        row[name] = columns[name]?.[r];
      }
      this.span(row, r);
    }
    const bad = this.unusableRows;
    if (bad.length > 0) {
      this.b.warn(inputWarning('frame-bad-rows', { count: bad.length, rows: bad.slice(0, MAX_EXAMPLES) }));
    }
    return this.b.finish();
  }

  private span(row: Row, r: number): void {
    const b = this.b;
    const i = b.beginSpan(this.resourceOf(row), this.scopeOf(row));
    if (row.spanID === undefined || row.spanID === null || row.spanID === '') {
      fail(`row ${r} of the trace frame has no spanID (it is absent, null or empty)`);
    }
    this.hexId(row.spanID, `spanID of row ${r} of the trace frame`);
    b.idHi[i] = this.id.hi;
    b.idLo[i] = this.id.lo;
    b.seen |= SEEN_ID;
    if (row.parentSpanID !== undefined && row.parentSpanID !== null && row.parentSpanID !== '') {
      this.hexId(row.parentSpanID, `parentSpanID of row ${r} of the trace frame`);
      this.setParent(i);
    } else {
      this.followsFromParent(i, row);
    }
    this.times(i, row, r);
    b.name[i] = b.intern(typeof row.operationName === 'string' ? row.operationName : '');
    b.kind[i] = kindOf(row.kind ?? kindFromTags(row.tags));
    b.status[i] = row.statusCode === 1 || row.statusCode === 2 ? row.statusCode : 0;
    b.statusMessage[i] = b.intern(typeof row.statusMessage === 'string' ? row.statusMessage : '');
    if (typeof row.traceID === 'string' && row.traceID !== '') {
      b.noteTraceId(row.traceID);
    }
    this.tags(i, row);
    this.logs(i, row.logs);
    this.references(i, row.references);
  }

  /** Parent of span `i` from `this.id`; an all-zero id means none. */
  private setParent(i: number): void {
    const b = this.b;
    b.parentHi[i] = this.id.hi;
    b.parentLo[i] = this.id.lo;
    b.hasParent[i] = this.id.hi !== 0 || this.id.lo !== 0 ? 1 : 0;
  }

  /**
   * A row without parentSpanID whose references hold a FOLLOWS_FROM into its own trace (Grafana's
   * Jaeger frames keep only CHILD_OF as the parent) takes the first as its parent, as Jaeger's
   * own rule does (jaeger-json.ts); the reference stays a link too, which marks the child async.
   */
  private followsFromParent(i: number, row: Row): void {
    const refs = Array.isArray(row.references) ? (row.references as Array<Record<string, unknown>>) : [];
    for (const ref of refs) {
      const sameTrace = ref?.traceID === undefined || ref.traceID === row.traceID;
      if (ref?.refType === 'FOLLOWS_FROM' && sameTrace && typeof ref.spanID === 'string') {
        decodeHexId(ref.spanID, 0, ref.spanID.length, this.id);
        if (this.id.ok && (this.id.hi !== 0 || this.id.lo !== 0)) {
          this.setParent(i);
          return;
        }
      }
    }
  }

  /**
   * Start and end of span `i` from `startTime` and `duration` (float ms). A missing, null or NaN
   * value, or a start of 0 (1970: "unset"), is unknown (the builder repairs it); a negative, infinite or too large one (beyond
   * MAX_MS) is unknown too and noted for one warning; any other type is an error. An unknown
   * start makes the end unknown. A negative duration is an end before the start (the builder
   * makes it 0).
   */
  private times(i: number, row: Row, r: number): void {
    const b = this.b;
    const startMs = this.ms(row.startTime, 'startTime', r);
    const durationMs = this.ms(row.duration, 'duration', r);
    let unset = 0;
    let unusable = false;
    if (!(startMs > 0 && startMs <= MAX_MS)) {
      unset = UNSET_START | UNSET_END;
      unusable = !Number.isNaN(startMs) && startMs !== 0;
    } else {
      const startUs = Math.round(startMs * 1000);
      this.setMicros(startUs);
      b.startSec[i] = this.time.sec;
      b.startNs[i] = this.time.ns;
      const endUs = startUs + Math.round(durationMs * 1000);
      if (endUs >= 0 && endUs <= Number.MAX_SAFE_INTEGER) {
        this.setMicros(endUs);
        b.endSec[i] = this.time.sec;
        b.endNs[i] = this.time.ns;
      } else {
        unset = UNSET_END;
        unusable = !Number.isNaN(durationMs);
      }
    }
    if (unusable) {
      this.unusableRows.push(r);
    }
    b.timeUnset[i] = unset;
    b.seen |= SEEN_START | SEEN_END;
  }

  /** A frame time in ms: NaN when missing or null; an error when not a number. */
  private ms(v: unknown, field: string, r: number): number {
    if (v === undefined || v === null) {
      return NaN;
    }
    if (typeof v !== 'number') {
      fail(`row ${r} of the trace frame has no valid ${field} (ms): ${describe(v)}`);
    }
    return v;
  }

  private setMicros(us: number): void {
    this.time.sec = Math.floor(us / 1e6);
    this.time.ns = (us - this.time.sec * 1e6) * 1000;
  }

  private hexId(v: unknown, what: string): void {
    const text = typeof v === 'string' ? v : '';
    decodeHexId(text, 0, text.length, this.id);
    if (!this.id.ok) {
      fail(`${what} is ${describe(v)}, not a hex span id of 1 to 16 digits`);
    }
  }

  private resourceOf(row: Row): number {
    const name = typeof row.serviceName === 'string' ? row.serviceName : '';
    const tags = Array.isArray(row.serviceTags) ? (row.serviceTags as KeyValue[]) : [];
    const key = `${name}\u0000${JSON.stringify(tags)}`;
    let resource = this.resources.get(key);
    if (resource === undefined) {
      resource = this.b.beginResource(name === '' ? -1 : this.b.intern(name));
      this.resources.set(key, resource);
      for (const tag of tags) {
        const [type, value] = tagValue(this.b, tag?.value);
        this.b.resourceAttrs.add(resource, this.b.intern(String(tag?.key ?? '')), type, value);
      }
    }
    return resource;
  }

  private scopeOf(row: Row): number {
    const name = typeof row.instrumentationLibraryName === 'string' ? row.instrumentationLibraryName : '';
    const version = typeof row.instrumentationLibraryVersion === 'string' ? row.instrumentationLibraryVersion : '';
    const key = `${name}\u0000${version}`;
    let scope = this.scopes.get(key);
    if (scope === undefined) {
      scope = this.b.beginScope(this.b.intern(name), this.b.intern(version));
      this.scopes.set(key, scope);
    }
    return scope;
  }

  private tags(i: number, row: Row): void {
    const tags = Array.isArray(row.tags) ? (row.tags as KeyValue[]) : [];
    for (const tag of tags) {
      const key = String(tag?.key ?? '');
      const scopeCopy =
        (key === 'otel.library.name' && tag.value === row.instrumentationLibraryName) ||
        (key === 'otel.library.version' && tag.value === row.instrumentationLibraryVersion);
      if (!scopeCopy) {
        const [type, value] = tagValue(this.b, tag?.value);
        this.b.spanAttrs.add(i, this.b.intern(key), type, value);
      }
    }
  }

  private logs(i: number, logs: unknown): void {
    for (const log of Array.isArray(logs)
      ? (logs as Array<{ timestamp?: number; name?: string; fields?: KeyValue[] }>)
      : []) {
      const event = this.b.beginEvent(i);
      const ms = typeof log?.timestamp === 'number' ? log.timestamp : NaN;
      // a missing or unusable timestamp stays 0: the builder places the event at its span's start
      this.setMicros(ms >= 0 && ms <= MAX_MS ? Math.round(ms * 1000) : 0);
      this.b.setEvent(event, this.time, this.b.intern(typeof log?.name === 'string' ? log.name : ''));
      for (const field of Array.isArray(log?.fields) ? log.fields : []) {
        const [type, value] = tagValue(this.b, field?.value);
        this.b.eventAttrs.add(event, this.b.intern(String(field?.key ?? '')), type, value);
      }
    }
  }

  private references(i: number, refs: unknown): void {
    type Ref = { traceID?: string; spanID?: string; refType?: unknown; tags?: KeyValue[] };
    for (const ref of Array.isArray(refs) ? (refs as Ref[]) : []) {
      const link = this.b.beginLink(i);
      // frame span ids are hex of up to 16 digits, right-aligned (as the rows' own ids)
      const spanId = typeof ref?.spanID === 'string' ? ref.spanID : '';
      decodeHexId(spanId, 0, spanId.length, this.id);
      this.b.setLink(link, String(ref?.traceID ?? ''), this.id.ok ? idToHex(this.id.hi, this.id.lo) : spanId);
      if (ref?.refType === 'CHILD_OF' || ref?.refType === 'FOLLOWS_FROM') {
        const value = this.b.intern(ref.refType.toLowerCase());
        this.b.linkAttrs.add(link, this.b.intern('opentracing.ref_type'), AttrType.String, value);
      }
      for (const tag of Array.isArray(ref?.tags) ? ref.tags : []) {
        const [type, value] = tagValue(this.b, tag?.value);
        this.b.linkAttrs.add(link, this.b.intern(String(tag?.key ?? '')), type, value);
      }
    }
  }
}

/**
 * Reads a Grafana trace data frame (Tempo, Jaeger or Zipkin; `TraceSpanRow` fields, times in
 * ms) into the trace model. Times are rounded to whole microseconds.
 *
 * @throws {@link TraceParseError} when a required field is missing or a row is malformed.
 */
export function traceFromDataFrame(frame: DataFrame): ParsedTrace {
  if (!frame || !Array.isArray(frame.fields)) {
    fail('not a data frame: it has no fields array');
  }
  return new FrameReader(frame).read();
}
