/**
 * A forward-only JSON tokenizer over a string that never builds objects: callers walk the
 * structure they expect and `skip()` the rest. Strings are located with `indexOf` (escapes are
 * handled on a slow path only where a backslash occurs) and returned as ranges, so ids and
 * times can be decoded in place. O(length of the input), iterative (no recursion).
 */
import { TraceParseError } from './errors';

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

/** Character codes that end a number or literal token. */
function endsToken(c: number): boolean {
  return c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c <= 32 || c !== c;
}

export class JsonScanner {
  /** current position */
  p = 0;
  /** range `[a, z)` of the last string (without quotes) or token read */
  a = 0;
  z = 0;
  /** whether the last string contains escape sequences */
  escaped = false;
  /** position of the next backslash at or after `p` (cached: the input may have none) */
  private nextBackslash: number;

  constructor(readonly s: string) {
    this.nextBackslash = this.findBackslash(0);
  }

  /** Skips whitespace and returns the code of the next char (NaN at the end). */
  ws(): number {
    const s = this.s;
    let p = this.p;
    let c = s.charCodeAt(p);
    while (c === 32 || c === 10 || c === 13 || c === 9) {
      c = s.charCodeAt(++p);
    }
    this.p = p;
    return c;
  }

  /** Throws a syntax error naming the line and column of the current position. */
  syntax(expected: string): never {
    const before = this.s.slice(0, this.p);
    const line = before.split('\n').length;
    const column = this.p - before.lastIndexOf('\n');
    const found = this.p >= this.s.length ? 'the end of the input' : JSON.stringify(this.s.slice(this.p, this.p + 12));
    throw new TraceParseError(`invalid JSON at line ${line}, column ${column}: expected ${expected}, found ${found}`);
  }

  private findBackslash(from: number): number {
    const at = this.s.indexOf('\\', from);
    return at < 0 ? this.s.length : at;
  }

  /** Reads a string at the current position into `[a, z)`; false (nothing consumed) if not a string. */
  str(): boolean {
    if (this.ws() !== QUOTE) {
      return false;
    }
    const s = this.s;
    const a = this.p + 1;
    let q = s.indexOf('"', a);
    if (q < 0) {
      this.syntax('a closing quote');
    }
    if (this.nextBackslash < a) {
      this.nextBackslash = this.findBackslash(a);
    }
    this.escaped = this.nextBackslash < q;
    if (this.escaped) {
      q = this.nextBackslash;
      while (q < s.length && s.charCodeAt(q) !== QUOTE) {
        q += s.charCodeAt(q) === BACKSLASH ? 2 : 1;
      }
      if (q >= s.length) {
        this.p = a - 1;
        this.syntax('a closing quote');
      }
      this.nextBackslash = this.findBackslash(q + 1);
    }
    this.a = a;
    this.z = q;
    this.p = q + 1;
    return true;
  }

  /** The decoded text of the last string read by `str()`. */
  text(): string {
    if (!this.escaped) {
      return this.s.slice(this.a, this.z);
    }
    try {
      return JSON.parse(this.s.slice(this.a - 1, this.z + 1));
    } catch {
      this.p = this.a;
      return this.syntax('a valid string escape');
    }
  }

  /** Reads a number or literal token into `[a, z)`; false if the next value is a string, object or array. */
  token(): boolean {
    const c = this.ws();
    if (c === QUOTE || c === OPEN_OBJECT || c === OPEN_ARRAY || endsToken(c)) {
      return false;
    }
    const s = this.s;
    let p = this.p + 1;
    while (!endsToken(s.charCodeAt(p))) {
      p++;
    }
    this.a = this.p;
    this.z = p;
    this.p = p;
    this.escaped = false;
    return true;
  }

  /** Reads a string or a bare token (number, true, false) into `[a, z)`. */
  scalar(): boolean {
    return this.str() || this.token();
  }

  /** Consumes `null` if it is next. */
  nullValue(): boolean {
    if (this.ws() === 110 && this.s.startsWith('null', this.p)) {
      this.p += 4;
      return true;
    }
    return false;
  }

  /** Enters an object: true if it has members (then call `key()`), false if empty or null. */
  obj(): boolean {
    return this.open(OPEN_OBJECT, CLOSE_OBJECT, "'{'");
  }

  /** Enters an array: true if it has elements, false if empty or null. */
  arr(): boolean {
    return this.open(OPEN_ARRAY, CLOSE_ARRAY, "'['");
  }

  private open(open: number, close: number, what: string): boolean {
    if (this.ws() !== open) {
      if (this.nullValue()) {
        return false;
      }
      this.syntax(what);
    }
    this.p++;
    if (this.ws() === close) {
      this.p++;
      return false;
    }
    return true;
  }

  /** Consumes `literal` if the input continues with it after whitespace. */
  take(literal: string): boolean {
    this.ws();
    if (this.s.startsWith(literal, this.p)) {
      this.p += literal.length;
      return true;
    }
    return false;
  }

  /** Reads a member key and its colon; the key's range is `[a, z)`. */
  key(): void {
    if (!this.str()) {
      this.syntax('a quoted object key');
    }
    if (this.ws() !== COLON) {
      this.syntax("':' after an object key");
    }
    this.p++;
  }

  /** After an object member: true if another follows (',' consumed), false at '}'. */
  moreMembers(): boolean {
    return this.more(CLOSE_OBJECT, "',' or '}'");
  }

  /** After an array element: true if another follows, false at ']'. */
  moreElements(): boolean {
    return this.more(CLOSE_ARRAY, "',' or ']'");
  }

  private more(close: number, what: string): boolean {
    const c = this.ws();
    if (c === COMMA) {
      this.p++;
      return true;
    }
    if (c !== close) {
      this.syntax(what);
    }
    this.p++;
    return false;
  }

  /** Skips one value of any kind; its raw text is `s.slice(start, p)` afterwards. Returns its start. */
  skip(): number {
    const c = this.ws();
    const start = this.p;
    if (c === QUOTE) {
      this.str();
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      this.skipNested();
    } else if (!this.token()) {
      this.syntax('a value');
    }
    return start;
  }

  private skipNested(): void {
    const s = this.s;
    let depth = 0;
    do {
      const c = s.charCodeAt(this.p);
      if (c === QUOTE) {
        this.str();
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
      } else if (c !== c) {
        this.syntax("a closing '}' or ']'");
      }
      this.p++;
    } while (depth > 0);
  }

  /** Fails unless only whitespace remains. */
  end(): void {
    this.ws();
    if (this.p < this.s.length) {
      this.syntax('the end of the input');
    }
  }

  /** Whether the last string/token equals `literal` (escaped strings compare decoded). */
  is(literal: string): boolean {
    return this.escaped
      ? this.text() === literal
      : this.z - this.a === literal.length && this.s.startsWith(literal, this.a);
  }
}
