/**
 * `toOtlpJson`: writes a {@link ParsedTrace} as an OTLP/JSON export request
 * `{"resourceSpans":[{resource, scopeSpans:[{scope, spans}]}]}` as the OTLP/JSON spec writes it:
 * lowerCamel field names, ids as lowercase hex, 64-bit times as decimal strings of Unix ns,
 * kinds and status codes as enum numbers, attribute values as AnyValue objects.
 *
 * Definitions:
 * - One `resourceSpans` per resource of the trace, in resource order (a resource without spans
 *   is written with no `scopeSpans`, so resource numbers survive); inside it one `scopeSpans` per
 *   scope its spans use, in scope order; spans in trace order inside their scope. Reading the text
 *   back with `parseOtlpTrace` gives the same trace, column for column, whenever the spans are
 *   already in that (resource, scope) order and every scope belongs to one resource — which is how
 *   the OTLP reader numbers them. Otherwise (e.g. a Jaeger trace whose spans of several services
 *   interleave) the spans come back grouped, and a scope shared by two resources is written under
 *   each (two scopes when read back); what each span holds is unchanged. Scopes no span uses
 *   are not written, and the trace's warnings have no place in OTLP.
 * - Times: absolute ns = `startUnixNano` + the span's relative ns, computed exactly in
 *   (seconds, ns) halves; relative times that are not whole ns (a float-ms data frame) are
 *   rounded to the ns; an instant before the Unix epoch is written as 0. A time the reader did
 *   not have (repaired by the builder) is written as repaired: OTLP has no "unknown" beside 0.
 * - `service.name`: a resource whose attributes do not name its service (a data frame's
 *   service column) gets a `service.name` attribute first; {@link NO_SERVICE_NAME} is not written.
 * - Attribute values by {@link AttrType}: ints as decimal strings (digits kept as read), doubles
 *   as JSON numbers (`"NaN"`, `"Infinity"`, `"-Infinity"` as strings, per protobuf JSON), bytes
 *   as the base64 text, arrays and kvlists rebuilt as AnyValue trees from their plain-JSON
 *   display text (numbers that are safe integers as `intValue`, others as `doubleValue`), empty
 *   values as `{}`.
 *
 * Complexity: O(spans + attributes + events + links + strings): two counting-sort passes order
 * the spans, every string of the table is JSON-quoted at most once. Builds one array of parts
 * and joins it once.
 */
import { AttrTable, AttrType, NO_SERVICE_NAME, ParsedTrace } from './model';

/** Two lowercase hex digits of each byte value. Read-only after construction. */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** 16 lowercase hex digits of a 64-bit id given as halves. */
function hex16(hi: number, lo: number): string {
  return (
    BYTE_HEX[hi >>> 24] +
    BYTE_HEX[(hi >>> 16) & 255] +
    BYTE_HEX[(hi >>> 8) & 255] +
    BYTE_HEX[hi & 255] +
    BYTE_HEX[lo >>> 24] +
    BYTE_HEX[(lo >>> 16) & 255] +
    BYTE_HEX[(lo >>> 8) & 255] +
    BYTE_HEX[lo & 255]
  );
}

/** Exact absolute times: `startUnixNano` split into seconds and ns, plus a relative ns time. */
class UnixClock {
  private readonly baseSec: number;
  private readonly baseNs: number;

  constructor(startUnixNano: string) {
    const digits = /^\d+$/.test(startUnixNano) ? startUnixNano : '0';
    const split = Math.max(0, digits.length - 9);
    this.baseSec = Number(digits.slice(0, split) || '0');
    this.baseNs = Number(digits.slice(split));
  }

  /** Decimal Unix ns of relative ns `rel`, as a JSON string. */
  text(rel: number): string {
    const total = this.baseNs + Math.round(rel);
    let sec = this.baseSec + Math.floor(total / 1e9);
    let ns = total - Math.floor(total / 1e9) * 1e9;
    // the division may round across a second boundary: put ns back into [0, 1e9)
    if (ns < 0) {
      sec -= 1;
      ns += 1e9;
    } else if (ns >= 1e9) {
      sec += 1;
      ns -= 1e9;
    }
    if (!(sec >= 0) || !Number.isFinite(ns)) {
      return '"0"';
    }
    return sec > 0 ? `"${sec}${String(ns).padStart(9, '0')}"` : `"${ns}"`;
  }
}

/** AnyValue JSON of a plain JSON value (the display form of arrays and kvlists). Iterative. */
function plainToAnyValue(root: unknown): string {
  const out: string[] = [];
  // values still to write, with the literal texts that go between them (Closer)
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v instanceof Closer) {
      out.push(v.text);
    } else if (typeof v === 'string') {
      out.push(`{"stringValue":${JSON.stringify(v)}}`);
    } else if (typeof v === 'boolean') {
      out.push(`{"boolValue":${v}}`);
    } else if (typeof v === 'number') {
      out.push(Number.isSafeInteger(v) ? `{"intValue":"${v}"}` : `{"doubleValue":${doubleText(String(v))}}`);
    } else if (Array.isArray(v)) {
      out.push('{"arrayValue":{"values":[');
      stack.push(new Closer(']}}'));
      for (let k = v.length - 1; k >= 0; k--) {
        stack.push(v[k]);
        if (k > 0) {
          stack.push(new Closer(','));
        }
      }
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      out.push('{"kvlistValue":{"values":[');
      stack.push(new Closer(']}}'));
      for (let k = entries.length - 1; k >= 0; k--) {
        stack.push(new Closer('}'));
        stack.push(entries[k][1]);
        stack.push(new Closer(`${k > 0 ? ',' : ''}{"key":${JSON.stringify(entries[k][0])},"value":`));
      }
    } else {
      out.push('{}');
    }
  }
  return out.join('');
}

/** Literal JSON text pushed between values by {@link plainToAnyValue}. */
class Closer {
  constructor(readonly text: string) {}
}

/** JSON of a double's display text: a number, or a string for NaN and the infinities. */
function doubleText(display: string): string {
  const v = Number(display);
  return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
}

class OtlpWriter {
  private readonly parts: string[] = [];
  private readonly quoted: Array<string | undefined>;
  private readonly clock: UnixClock;

  constructor(private readonly t: ParsedTrace) {
    this.quoted = new Array(t.strings.length);
    this.clock = new UnixClock(t.startUnixNano);
  }

  /** JSON string literal of string `i` of the trace, made once. */
  private q(i: number): string {
    let s = this.quoted[i];
    if (s === undefined) {
      s = JSON.stringify(this.t.strings[i]);
      this.quoted[i] = s;
    }
    return s;
  }

  write(): string {
    const t = this.t;
    const order = spansByResourceAndScope(t);
    const p = this.parts;
    const traceId = /^[0-9a-f]+$/.test(t.traceId) ? `"traceId":"${t.traceId}",` : '';
    p.push('{"resourceSpans":[');
    let k = 0;
    for (let r = 0; r < t.resourceService.length; r++) {
      p.push(r > 0 ? ',{"resource":{"attributes":[' : '{"resource":{"attributes":[');
      this.resourceAttributes(r);
      p.push(']},"scopeSpans":[');
      let scope = -1;
      while (k < order.length && t.resource[order[k]] === r) {
        const i = order[k];
        if (t.scope[i] !== scope) {
          p.push(scope < 0 ? '{"scope":' : ']},{"scope":');
          scope = t.scope[i];
          this.scope(scope);
          p.push(',"spans":[');
        } else {
          p.push(',');
        }
        this.span(i, traceId);
        k++;
      }
      p.push(scope < 0 ? ']}' : ']}]}');
    }
    p.push(']}');
    return p.join('');
  }

  private resourceAttributes(r: number): void {
    const t = this.t;
    const a = t.resourceAttrs;
    const service = t.resourceService[r];
    let named = t.strings[service] === NO_SERVICE_NAME;
    for (let e = a.offsets[r]; e < a.offsets[r + 1] && !named; e++) {
      named = t.strings[a.keys[e]] === 'service.name' && a.values[e] === service;
    }
    if (!named) {
      this.parts.push(`{"key":"service.name","value":{"stringValue":${this.q(service)}}}`);
    }
    this.attributes(a, r, !named);
  }

  private scope(s: number): void {
    const t = this.t;
    const version = t.scopeVersion[s] !== 0 ? `,"version":${this.q(t.scopeVersion[s])}` : '';
    this.parts.push(`{"name":${this.q(t.scopeName[s])}${version}}`);
  }

  private span(i: number, traceId: string): void {
    const t = this.t;
    const p = this.parts;
    const parent = t.hasParent[i] ? `,"parentSpanId":"${hex16(t.parentHi[i], t.parentLo[i])}"` : '';
    p.push(
      `{${traceId}"spanId":"${hex16(t.idHi[i], t.idLo[i])}"${parent},"name":${this.q(t.name[i])},` +
        `"kind":${t.kind[i]},"startTimeUnixNano":${this.clock.text(t.start[i])},` +
        `"endTimeUnixNano":${this.clock.text(t.end[i])},"attributes":[`
    );
    this.attributes(t.spanAttrs, i, false);
    p.push(']');
    if (t.status[i] !== 0 || t.statusMessage[i] !== 0) {
      const message = t.statusMessage[i] !== 0 ? `,"message":${this.q(t.statusMessage[i])}` : '';
      p.push(`,"status":{"code":${t.status[i]}${message}}`);
    }
    this.events(i);
    this.links(i);
    p.push('}');
  }

  private events(i: number): void {
    const ev = this.t.events;
    const from = ev.offsets[i];
    const to = ev.offsets[i + 1];
    if (from === to) {
      return;
    }
    const p = this.parts;
    p.push(',"events":[');
    for (let e = from; e < to; e++) {
      p.push(
        `${e > from ? ',' : ''}{"timeUnixNano":${this.clock.text(ev.time[e])},"name":${this.q(ev.name[e])},"attributes":[`
      );
      this.attributes(ev.attrs, e, false);
      p.push(']}');
    }
    p.push(']');
  }

  private links(i: number): void {
    const links = this.t.links;
    const from = links.offsets[i];
    const to = links.offsets[i + 1];
    if (from === to) {
      return;
    }
    const p = this.parts;
    p.push(',"links":[');
    for (let l = from; l < to; l++) {
      p.push(
        `${l > from ? ',' : ''}{"traceId":${JSON.stringify(links.traceId[l])},"spanId":${JSON.stringify(links.spanId[l])},"attributes":[`
      );
      this.attributes(links.attrs, l, false);
      p.push(']}');
    }
    p.push(']');
  }

  /** The `{key, value}` entries of `owner` in `table`, comma-separated (`after` when something precedes them). */
  private attributes(table: AttrTable, owner: number, after: boolean): void {
    const p = this.parts;
    for (let e = table.offsets[owner]; e < table.offsets[owner + 1]; e++) {
      const comma = after || e > table.offsets[owner] ? ',' : '';
      p.push(`${comma}{"key":${this.q(table.keys[e])},"value":${this.value(table.types[e], table.values[e])}}`);
    }
  }

  private value(type: number, value: number): string {
    switch (type) {
      case AttrType.String:
        return `{"stringValue":${this.q(value)}}`;
      case AttrType.Int:
        return `{"intValue":${this.q(value)}}`;
      case AttrType.Double:
        return `{"doubleValue":${doubleText(this.t.strings[value])}}`;
      case AttrType.Bool:
        return `{"boolValue":${this.t.strings[value] === 'true'}}`;
      case AttrType.Bytes:
        return `{"bytesValue":${this.q(value)}}`;
      case AttrType.Array:
      case AttrType.KvList:
        return nestedValue(this.t.strings[value], type);
      default:
        return '{}';
    }
  }
}

/** AnyValue of an array or kvlist display text; text that is not JSON of that kind is kept as a string. */
function nestedValue(display: string, type: AttrType): string {
  let plain: unknown;
  try {
    plain = JSON.parse(display);
  } catch {
    return `{"stringValue":${JSON.stringify(display)}}`;
  }
  const fits =
    type === AttrType.Array
      ? Array.isArray(plain)
      : plain !== null && typeof plain === 'object' && !Array.isArray(plain);
  return fits ? plainToAnyValue(plain) : `{"stringValue":${JSON.stringify(display)}}`;
}

/** Span indexes ordered by (resource, scope), trace order within: two stable counting sorts. O(spans + resources + scopes). */
function spansByResourceAndScope(t: ParsedTrace): Uint32Array {
  const identity = new Uint32Array(t.spanCount);
  for (let i = 0; i < t.spanCount; i++) {
    identity[i] = i;
  }
  const byScope = countingSort(identity, t.scope, t.scopeName.length);
  return countingSort(byScope, t.resource, t.resourceService.length);
}

/** `items` stably sorted by `key[item]` (keys below `keyCount`). */
function countingSort(items: Uint32Array, key: Uint32Array, keyCount: number): Uint32Array {
  const at = new Uint32Array(keyCount + 1);
  for (let k = 0; k < items.length; k++) {
    at[key[items[k]] + 1]++;
  }
  for (let c = 0; c < keyCount; c++) {
    at[c + 1] += at[c];
  }
  const out = new Uint32Array(items.length);
  for (let k = 0; k < items.length; k++) {
    out[at[key[items[k]]]++] = items[k];
  }
  return out;
}

/**
 * OTLP/JSON export request (`{"resourceSpans":[…]}`, camelCase, hex ids, string nanosecond
 * times) of one parsed trace; reading it back with parseOtlpTrace gives the same trace (see the
 * file header for the exact conditions).
 */
export function toOtlpJson(trace: ParsedTrace): string {
  return new OtlpWriter(trace).write();
}
