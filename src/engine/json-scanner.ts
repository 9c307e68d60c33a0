/**
 * A forward-only, strict JSON tokenizer over a string that never builds objects: callers walk
 * the structure they expect and `skip()` the rest. It accepts exactly the JSON that `JSON.parse`
 * accepts (RFC 8259: no raw control characters in strings, only the standard escapes, the number
 * grammar, `true`/`false`/`null`, matched brackets, no trailing commas), skipped values included.
 * Strings are located with `indexOf` (escapes are checked on a slow path only where a backslash
 * occurs) and returned as ranges, so ids and times can be decoded in place. `str(false)` leaves
 * the check for raw control characters to a caller that validates the content anyway (an id, a
 * time, a literal compared with `is`, an interned string checked on a cache miss).
 * O(length of the input); iterative, so any nesting depth is fine.
 *
 * Chunked input: the text may also come in pieces (`feed`), as a stream is decoded. The scanner
 * then holds only what follows the position it was last fed at; an operation that runs into the
 * end of the text held (a string, number or literal cut short, or an error shown with fewer than
 * the 12 characters a whole text would show) throws {@link NEED_MORE} instead of an answer, and
 * the caller goes back to where the operation started and tries again once more text came.
 * Nothing is decided on a cut-short token, so the chunked and the whole-text scanner give the
 * same results and the same messages (line, column and character counted across the pieces).
 *
 * Errors are {@link TraceParseError}s: a document that stops inside a value "ends early", other
 * syntax errors name line, column and what was expected, and a valid value of the wrong kind
 * names the field, its place (from the `where` the reader gives) and both kinds.
 */
import { quoteInput, TraceParseError } from './errors';
import { parseError } from './parse-errors';
import { textAt } from './text-at';

/** Thrown (always this one object, so cheaply) when an operation needs text not fed yet. */
export const NEED_MORE = new Error('more JSON text is needed: a token continues past the text fed so far');
/** Characters of input an error message shows (see `syntax`). */
const SHOWN = 12;
/** Characters of a new piece copied after the unread rest of the text before it (see `feed`). */
const BRIDGE = 4096;

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** Characters allowed after a backslash besides `u`: " \ / b f n r t. */
function isShortEscape(c: number): boolean {
  return c === QUOTE || c === BACKSLASH || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116;
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
  /** where the search for `nextBackslash` started (a caller may move `p` back) */
  private backslashFrom = 0;
  /** open containers of the value `skip()` is in (true = object); reused */
  private readonly open: boolean[] = [];
  /** false while more text may be fed (chunked input) */
  private final = true;
  /** for chunked input: offset of `s[0]` in the whole text, its line (1-based), and where that line starts */
  private base = 0;
  private line = 1;
  private lineStart = 0;
  /** position of the first line break in `s` (-1: none), for counting lines when `feed` drops text */
  private firstNewline = -1;
  /** the piece fed last while `s` holds only a copy of its start ('' otherwise), where that copy starts in `s`, and its `final` */
  private piece = '';
  private pieceAt = 0;
  private pieceFinal = true;

  /**
   * `s`: the whole text, or (chunked input) '' and then `feed` each piece. `where()` names the
   * place being read, for messages about a wrong kind of value.
   */
  constructor(
    public s: string,
    private readonly where: () => string = () => '',
    /** characters of a piece copied after an unread rest (see `feed`); tests make it small */
    private readonly bridge = BRIDGE
  ) {
    this.nextBackslash = this.findBackslash(0);
  }

  /**
   * Appends `text`, dropping the text before `p` (read already): positions restart at 0.
   * `final`: no text follows. When an unread rest (an unfinished span) comes before a long `text`,
   * `s` is that rest and a copy of the first `bridge` characters of `text` only: once the
   * reading has gone past the rest, it goes on in `text` itself ({@link readOn}), so no piece is
   * copied whole (Node 20, a 100k-span trace in pieces of 1 MB, as Chromium's streams give them:
   * 352 ms to read copying each piece after the rest, 231 ms without). O(length kept + BRIDGE).
   */
  feed(text: string, final: boolean): void {
    const rest = this.s.length - this.p;
    // joined rather than concatenated: a flat string, which V8 reads faster than a rope
    if (rest === 0 || text.length <= this.bridge) {
      this.piece = '';
      this.restart(this.p, rest === 0 ? text : [this.s.slice(this.p), text].join(''), 0, final);
    } else {
      this.piece = text;
      this.pieceAt = rest;
      this.pieceFinal = final;
      this.restart(this.p, [this.s.slice(this.p), text.slice(0, this.bridge)].join(''), 0, false);
    }
  }

  /**
   * Called when an operation ran out of text and its caller went back to where it started: whether
   * more of the text fed last is there to read. It is when `s` holds only the start of that piece
   * (see `feed`): the reading then goes on in the piece itself once the position is in it, else
   * (a value longer than what was copied) with a copy of 4 times as much of its start.
   */
  readOn(): boolean {
    const piece = this.piece;
    if (piece === '') {
      return false;
    }
    const { p, pieceAt: at } = this;
    if (p >= at) {
      this.piece = '';
      this.restart(at, piece, p - at, this.pieceFinal);
      return true;
    }
    const kept = this.s.slice(p, at);
    const more = (this.s.length - at) * 4;
    if (more >= piece.length) {
      this.piece = '';
      this.restart(p, [kept, piece].join(''), 0, this.pieceFinal);
    } else {
      this.pieceAt = at - p;
      this.restart(p, [kept, piece.slice(0, more)].join(''), 0, false);
    }
    return true;
  }

  /** Characters held: `s`, and the part of the piece fed last that `s` does not hold yet. */
  get held(): number {
    return this.s.length + (this.piece === '' ? 0 : this.piece.length - (this.s.length - this.pieceAt));
  }

  /** Drops `s[0, dropped)` (read already, its lines counted) and reads on in `next`, from `p`. */
  private restart(dropped: number, next: string, p: number, final: boolean): void {
    const s = this.s;
    // lines of the part dropped (most trace JSON has none: one forward search then says so)
    const lastNewline = this.firstNewline >= 0 && this.firstNewline < dropped ? s.lastIndexOf('\n', dropped - 1) : -1;
    if (lastNewline >= 0) {
      for (let at = s.indexOf('\n'); at >= 0 && at <= lastNewline; at = s.indexOf('\n', at + 1)) {
        this.line++;
      }
      this.lineStart = this.base + lastNewline + 1;
    }
    this.base += dropped;
    this.s = next;
    this.p = p;
    this.a = 0;
    this.z = 0;
    this.final = final;
    this.nextBackslash = this.findBackslash(0);
    this.firstNewline = next.indexOf('\n');
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

  /** Line and column (1-based) of position `at`. */
  private lineColumn(at: number): { line: number; column: number } {
    const before = this.s.slice(0, at);
    const newline = before.lastIndexOf('\n');
    const column = newline >= 0 ? at - newline : this.base + at - this.lineStart + 1;
    return { line: this.line + before.split('\n').length - 1, column };
  }

  /**
   * Throws a syntax error at `at` (default: the current position): "ends early" when the input
   * stops there, else the line, column, what was expected and what was found. With chunked
   * input, {@link NEED_MORE} while the text fed ends less than 12 characters after `at`.
   */
  syntax(expected: string, at = this.p): never {
    if (!this.final && at + SHOWN > this.s.length) {
      throw NEED_MORE;
    }
    if (at >= this.s.length) {
      throw parseError('json-ends-early', { ...this.lineColumn(at), character: this.base + at, expected });
    }
    const found = quoteInput(this.s.slice(at, at + SHOWN), SHOWN);
    throw parseError('json-syntax', { ...this.lineColumn(at), expected, found });
  }

  /**
   * Throws for the value at the current position, which is not `expected` (e.g. "an array"):
   * a syntax error if it is no JSON value at all, else "`field` of <where>: expected …, found …"
   * ("<where>: …" when `field` is '').
   */
  wrongType(field: string, expected: string): never {
    const c = this.ws();
    const start = this.p;
    const found =
      c === QUOTE
        ? 'a string'
        : c === OPEN_OBJECT
          ? 'an object'
          : c === OPEN_ARRAY
            ? 'an array'
            : this.token()
              ? this.s.charCodeAt(start) === 110
                ? 'null'
                : this.s.charCodeAt(start) === 116 || this.s.charCodeAt(start) === 102
                  ? 'a boolean'
                  : 'a number'
              : this.syntax('a value', start);
    const where = this.where();
    throw where === ''
      ? parseError('json-wrong-kind', { ...this.lineColumn(start), expected, found })
      : new TraceParseError(`${field === '' ? '' : `${field} of `}${where}: expected ${expected}, found ${found}`);
  }

  private findBackslash(from: number): number {
    this.backslashFrom = from;
    const at = this.s.indexOf('\\', from);
    return at < 0 ? this.s.length : at;
  }

  /**
   * Reads a string at the current position into `[a, z)`; false (nothing consumed) if not a
   * string. Escapes are always validated; raw control characters only when `check` is true.
   */
  str(check = true): boolean {
    if (this.ws() !== QUOTE) {
      return false;
    }
    const s = this.s;
    const a = this.p + 1;
    let q = s.indexOf('"', a);
    if (q < 0) {
      this.syntax('a closing quote', s.length);
    }
    if (this.nextBackslash < a || a < this.backslashFrom) {
      this.nextBackslash = this.findBackslash(a);
    }
    this.escaped = this.nextBackslash < q;
    if (this.escaped) {
      q = this.escapedEnd(a);
      this.nextBackslash = this.findBackslash(q + 1);
    } else if (check) {
      this.checkRaw(a, q);
    }
    this.a = a;
    this.z = q;
    this.p = q + 1;
    return true;
  }

  /** Fails on a raw control character (U+0000–U+001F) in `s[from, to)`. */
  private checkRaw(from: number, to: number): void {
    const s = this.s;
    for (let p = from; p < to; p++) {
      if (s.charCodeAt(p) < 32) {
        this.syntax('no raw control character inside a string (write it escaped)', p);
      }
    }
  }

  /** Validates a string with escapes from its first char `a`; returns the position of its closing quote. */
  private escapedEnd(a: number): number {
    const s = this.s;
    let q = a;
    for (;;) {
      const c = s.charCodeAt(q);
      if (c === QUOTE) {
        return q;
      }
      if (c !== c) {
        this.syntax('a closing quote', q);
      }
      if (c < 32) {
        this.syntax('no raw control character inside a string (write it escaped)', q);
      }
      if (c !== BACKSLASH) {
        q++;
        continue;
      }
      const e = s.charCodeAt(q + 1);
      if (isShortEscape(e)) {
        q += 2;
      } else if (e === 117) {
        for (let k = q + 2; k < q + 6; k++) {
          if (!isHexDigit(s.charCodeAt(k))) {
            this.syntax('4 hex digits after \\u', k);
          }
        }
        q += 6;
      } else {
        this.syntax('an escape (one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', q + 1);
      }
    }
  }

  /** Fails if the last string, read with `str(false)`, holds a raw control character. */
  checkLast(): void {
    if (!this.escaped) {
      this.checkRaw(this.a, this.z);
    }
  }

  /** The decoded text of the last string read by `str()` (checked for raw control characters). */
  text(): string {
    if (!this.escaped) {
      this.checkRaw(this.a, this.z);
      return this.s.slice(this.a, this.z);
    }
    return JSON.parse(this.s.slice(this.a - 1, this.z + 1)) as string;
  }

  /**
   * Reads a number or `true`/`false`/`null` into `[a, z)`; false (nothing consumed) if the next
   * value is a string, object or array. Fails on a bare word or a malformed number.
   */
  token(): boolean {
    const c = this.ws();
    if (c === QUOTE || c === OPEN_OBJECT || c === OPEN_ARRAY) {
      return false;
    }
    const start = this.p;
    if (c === 116 || c === 102 || c === 110) {
      const literal = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
      for (let k = 1; k < literal.length; k++) {
        if (this.s.charCodeAt(start + k) !== literal.charCodeAt(k)) {
          // a bare word: shown from its start, unless the input ends inside the literal
          this.syntax(
            start + k >= this.s.length ? `'${literal}'` : 'a value',
            start + k >= this.s.length ? start + k : start
          );
        }
      }
      this.p = start + literal.length;
    } else {
      this.number();
    }
    this.a = start;
    this.z = this.p;
    this.escaped = false;
    return true;
  }

  /** Consumes a number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  private number(): void {
    const s = this.s;
    let p = this.p;
    if (s.charCodeAt(p) === MINUS) {
      p++;
    }
    if (s.charCodeAt(p) === ZERO) {
      p++;
    } else {
      p = this.digits(p, 'a value');
    }
    if (s.charCodeAt(p) === DOT) {
      p = this.digits(p + 1, "a digit after '.'");
    }
    if ((s.charCodeAt(p) | 32) === 101) {
      p++;
      const sign = s.charCodeAt(p);
      if (sign === 43 || sign === MINUS) {
        p++;
      }
      p = this.digits(p, 'a digit in the exponent');
    }
    if (p === s.length && !this.final) {
      // more digits may follow
      throw NEED_MORE;
    }
    this.p = p;
  }

  /** Position after one or more digits starting at `p`. */
  private digits(p: number, expected: string): number {
    if (!isDigit(this.s.charCodeAt(p))) {
      this.syntax(expected, p);
    }
    while (isDigit(this.s.charCodeAt(++p))) {
      // skip the digits
    }
    return p;
  }

  /** Reads a string or a bare token (number, true, false, null) into `[a, z)`. */
  scalar(check = true): boolean {
    return this.str(check) || this.token();
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
  obj(field = 'value'): boolean {
    return this.enter(OPEN_OBJECT, CLOSE_OBJECT, field, 'an object');
  }

  /** Enters an array: true if it has elements, false if empty or null. */
  arr(field = 'value'): boolean {
    return this.enter(OPEN_ARRAY, CLOSE_ARRAY, field, 'an array');
  }

  private enter(open: number, close: number, field: string, what: string): boolean {
    const c = this.ws();
    if (c !== open) {
      if (this.nullValue()) {
        return false;
      }
      if (!this.startsValue(c)) {
        this.syntax(open === OPEN_OBJECT ? "'{'" : "'['");
      }
      this.wrongType(field, what);
    }
    this.p++;
    if (this.ws() === close) {
      this.p++;
      return false;
    }
    if (this.p === this.s.length && !this.final) {
      // the container may be empty
      throw NEED_MORE;
    }
    return true;
  }

  /** Whether a JSON value can begin at the current position, whose char code is `c` (a literal must be whole). */
  private startsValue(c: number): boolean {
    const s = this.s;
    const p = this.p;
    return (
      c === QUOTE ||
      c === OPEN_OBJECT ||
      c === OPEN_ARRAY ||
      c === MINUS ||
      isDigit(c) ||
      s.startsWith('true', p) ||
      s.startsWith('false', p) ||
      s.startsWith('null', p)
    );
  }

  /** Consumes `literal` if the input continues with it after whitespace. */
  take(literal: string): boolean {
    this.ws();
    if (textAt(this.s, this.p, literal)) {
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
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      this.skipNested();
    } else if (!this.str() && !this.token()) {
      this.syntax('a value');
    }
    return start;
  }

  /** Skips an object or array, validating it, with an explicit stack of open containers. */
  private skipNested(): void {
    const open = this.open;
    open.length = 0;
    for (;;) {
      // at the start of a value
      const c = this.ws();
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        this.p++;
        const isObject = c === OPEN_OBJECT;
        if (this.ws() !== (isObject ? CLOSE_OBJECT : CLOSE_ARRAY)) {
          open.push(isObject);
          if (isObject) {
            this.key();
          }
          continue;
        }
        this.p++;
      } else if (!this.str() && !this.token()) {
        this.syntax('a value');
      }
      // after a value: close what ends here, then go on with the next member or element
      while (open.length > 0 && !(open[open.length - 1] ? this.moreMembers() : this.moreElements())) {
        open.pop();
      }
      if (open.length === 0) {
        return;
      }
      if (open[open.length - 1]) {
        this.key();
      }
    }
  }

  /** Fails unless only whitespace remains (with chunked input: {@link NEED_MORE} until the last piece). */
  end(): void {
    this.ws();
    if (this.p < this.s.length) {
      this.syntax('the end of the input');
    }
    if (!this.final) {
      throw NEED_MORE;
    }
  }

  /** Whether the last string/token equals `literal` (escaped strings compare decoded). */
  is(literal: string): boolean {
    return this.escaped
      ? this.text() === literal
      : this.z - this.a === literal.length && textAt(this.s, this.a, literal);
  }
}
