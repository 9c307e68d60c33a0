/**
 * The one error type the engine throws for bad input, and how a message quotes the input. A
 * message says what is wrong and where (a JSON path, a line/column or a frame row), e.g.
 * `span 12 in resourceSpans[0].scopeSpans[1] has an invalid spanId "xyz" (…)`. A JSON syntax
 * error, and a trace file the readers cannot recognise, also carries its code and values
 * (parse-errors.ts), for the UI to say in the user's language (components/errorText.ts).
 */
import type { ParseErrorWords } from './parse-errors';

export class TraceParseError extends Error {
  constructor(
    message: string,
    /** the message as a code and values, where the reader gave them */
    readonly words?: ParseErrorWords
  ) {
    super(message);
    this.name = 'TraceParseError';
  }
}

/**
 * Characters a reader cannot see: C0/C1 controls, no-break and other odd spaces, zero-width
 * characters and direction marks, line/paragraph separators, the BOM, variation selectors and
 * lone surrogates. `quoteInput` shows them as `\uXXXX`.
 */
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeInvisible(c: string): string {
  return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `text` as a double-quoted literal for a message: quotes and backslashes escaped, invisible
 * characters as `\uXXXX`, and at most `max` characters of it, followed by `…` and the full
 * length when it is longer. O(min(length, max)).
 */
export function quoteInput(text: string, max = 60): string {
  const shown = text.length > max ? text.slice(0, max) : text;
  const body = shown.replace(/["\\]/g, (c) => `\\${c}`).replace(INVISIBLE, escapeInvisible);
  return text.length > max ? `"${body}…" (${text.length} characters)` : `"${body}"`;
}

/**
 * `text` shown as it is, unquoted (e.g. a server's error text): invisible characters as `\uXXXX`,
 * at most `max` characters of it, followed by `…` and the full length when it is longer.
 * O(min(length, max)).
 */
export function showInput(text: string, max: number): string {
  const shown = (text.length > max ? text.slice(0, max) : text).replace(INVISIBLE, escapeInvisible);
  return text.length > max ? `${shown}… (${text.length} characters)` : shown;
}
