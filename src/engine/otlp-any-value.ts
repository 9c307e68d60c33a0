/**
 * The display text of a nested OTLP AnyValue (an attribute's arrayValue or kvlistValue), as
 * plain JSON: `{"arrayValue":{"values":[…]}}` → `[…]`, `{"kvlistValue":{"values":[{key,value}]}}`
 * → `{"key":value,…}` (a repeated key: first position, last value), string/bytes → JSON string, bool → true/false, int → a JSON number, double → a JSON number ("NaN"/"Infinity" as strings), `{}` or null →
 * null. Both spellings of each member (`arrayValue`, `array_value`…) are read; other members are
 * ignored; when an AnyValue holds several kinds the last one wins, as in the span reader.
 * Input is what `JSON.parse` made of the value's text. Iterative with an explicit stack, so any
 * nesting depth JSON.parse accepts is converted (JSON.stringify and revivers recurse and
 * overflow at ~10,000 levels). O(size of the value).
 */
import { quoteInput, TraceParseError } from './errors';

type Kind = 'string' | 'int' | 'double' | 'bool' | 'bytes' | 'array' | 'kvlist';

const VALUE_KINDS: Record<string, Kind> = {
  stringValue: 'string',
  string_value: 'string',
  intValue: 'int',
  int_value: 'int',
  doubleValue: 'double',
  double_value: 'double',
  boolValue: 'bool',
  bool_value: 'bool',
  bytesValue: 'bytes',
  bytes_value: 'bytes',
  arrayValue: 'array',
  array_value: 'array',
  kvlistValue: 'kvlist',
  kvlist_value: 'kvlist',
};

/** A list being written: its items, the next one to write, and its path for messages. */
interface Frame {
  items: unknown[];
  next: number;
  kv: boolean;
  path: string;
}

/** Describes a parsed JSON value for "found …" in messages. */
function describe(v: unknown): string {
  if (v === null || v === undefined) {
    return 'null';
  }
  if (Array.isArray(v)) {
    return 'an array';
  }
  if (typeof v === 'object') {
    return 'an object';
  }
  if (typeof v === 'string') {
    return `a string (${quoteInput(v)})`;
  }
  return typeof v === 'number' ? `a number (${v})` : `a boolean (${v})`;
}

function bad(what: string, path: string, expected: string, found: unknown): never {
  throw new TraceParseError(`${what}: ${path.slice(1) || 'the value'}: expected ${expected}, found ${describe(found)}`);
}

/**
 * Converts `root` (an AnyValue object holding an arrayValue or kvlistValue) to display JSON;
 * `what` names it in messages, e.g. `arrayValue of attribute 2 of span 0 in …`.
 *
 * @throws {@link TraceParseError} naming the path inside the value that has the wrong shape.
 */
export function plainAnyValueJson(root: unknown, what: string): string {
  const parts: string[] = [];
  const stack: Frame[] = [];
  let value = root;
  let path = '';
  for (;;) {
    const frame = writeValue(value, path, parts, what);
    if (frame !== null) {
      stack.push(frame);
    }
    let top = stack[stack.length - 1];
    while (top !== undefined && top.next === top.items.length) {
      parts.push(top.kv ? '}' : ']');
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (top === undefined) {
      return parts.join('');
    }
    const k = top.next++;
    if (k > 0) {
      parts.push(',');
    }
    path = `${top.path}.values[${k}]`;
    value = top.items[k];
    if (top.kv) {
      const entry = value as KeyValue;
      parts.push(`${JSON.stringify(entry.key)}:`);
      value = entry.value;
      path += '.value';
    }
  }
}

interface KeyValue {
  key: string;
  value?: unknown;
}

/**
 * The entries of a kvlist, checked, one per key, in the order of a JavaScript object's keys:
 * a repeated key keeps its first position and its last value, integer-like keys come first (as
 * `Object.fromEntries` does, and as JSON.parse reads the display text back).
 */
function lastPerKey(items: unknown[], what: string, at: string): KeyValue[] {
  const byKey: Record<string, KeyValue> = Object.create(null);
  items.forEach((item, k) => {
    const entry = item as Partial<KeyValue> | null;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || typeof entry.key !== 'string') {
      bad(what, `${at}.values[${k}]`, 'an object with a string "key"', item);
    }
    byKey[entry.key] = entry as KeyValue;
  });
  return Object.keys(byKey).map((key) => byKey[key]);
}

/** Writes one AnyValue; for an array or kvlist writes its opening bracket and returns its frame. */
function writeValue(value: unknown, path: string, parts: string[], what: string): Frame | null {
  if (value === null || value === undefined) {
    parts.push('null');
    return null;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return bad(what, path, 'an AnyValue object such as {"stringValue": …}', value);
  }
  let kind: Kind | undefined;
  let key = '';
  for (const k of Object.keys(value)) {
    if (Object.prototype.hasOwnProperty.call(VALUE_KINDS, k)) {
      kind = VALUE_KINDS[k];
      key = k;
    }
  }
  const v = (value as Record<string, unknown>)[key];
  const at = `${path}.${key}`;
  if (kind === undefined || v === null) {
    parts.push('null');
    return null;
  }
  switch (kind) {
    case 'string':
    case 'bytes':
      parts.push(typeof v === 'string' ? JSON.stringify(v) : bad(what, at, 'a string', v));
      return null;
    case 'bool':
      parts.push(typeof v === 'boolean' ? String(v) : bad(what, at, 'true or false', v));
      return null;
    case 'int':
      parts.push(intText(v) ?? bad(what, at, 'an integer (a number or a string of digits)', v));
      return null;
    case 'double':
      parts.push(doubleText(v) ?? bad(what, at, 'a number', v));
      return null;
    default: {
      if (typeof v !== 'object' || Array.isArray(v)) {
        return bad(what, at, 'an object {"values": […]}', v);
      }
      const items = (v as { values?: unknown }).values ?? [];
      if (!Array.isArray(items)) {
        return bad(what, `${at}.values`, 'an array', items);
      }
      parts.push(kind === 'kvlist' ? '{' : '[');
      return {
        items: kind === 'kvlist' ? lastPerKey(items, what, at) : items,
        next: 0,
        kv: kind === 'kvlist',
        path: at,
      };
    }
  }
}

/**
 * JSON text of an int64 given as an integer number or a string of digits, as the JavaScript
 * number it reads as (display JSON is read back with JSON.parse, which rounds beyond 2^53 the
 * same way); a value beyond float64's range as a JSON string of its digits. Undefined otherwise.
 */
function intText(v: unknown): string | undefined {
  const n =
    typeof v === 'number'
      ? Number.isInteger(v)
        ? v
        : NaN
      : typeof v === 'string' && /^-?\d+$/.test(v)
        ? Number(v)
        : NaN;
  if (n !== n) {
    return undefined;
  }
  return Number.isFinite(n) ? String(n) : JSON.stringify(v);
}

/**
 * The value of a double given as a number or as a string holding a decimal number, "NaN",
 * "Infinity" or "-Infinity" (as protobuf-JSON writes them); undefined for anything else.
 */
export function doubleOf(v: unknown): number | undefined {
  if (typeof v === 'number') {
    return v;
  }
  return typeof v === 'string' && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^-?Infinity$|^NaN$/.test(v)
    ? Number(v)
    : undefined;
}

/** JSON text of a double (see `doubleOf`); non-finite values as JSON strings. */
function doubleText(v: unknown): string | undefined {
  const d = doubleOf(v);
  return d === undefined ? undefined : Number.isFinite(d) ? String(d) : JSON.stringify(String(d));
}
