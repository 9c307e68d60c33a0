/**
 * Every escape of a query string, for PromQL and TraceQL: string literals, quoted names and RE2
 * regexes. O(length) each.
 *
 * Both languages are read as UTF-8 by Go, where a lone UTF-16 surrogate cannot exist (a producer's
 * invalid text is stored as U+FFFD, and neither Grafana's grammars nor Prometheus take one), so
 * every function here first writes a lone surrogate as U+FFFD ({@link wellFormed}).
 *
 * PromQL ({@link quoteString}): Prometheus' lexer unquotes Go-style, so `\` and `"` are escaped,
 * newline/CR/tab written as `\n` `\r` `\t` and other C0 controls as `\u00XX`; everything else
 * (DEL, U+2028/2029, unicode) stays as it is.
 *
 * TraceQL ({@link traceqlLiteral}, {@link traceqlQuotedName}) has two readers that disagree:
 * - Tempo's lexer reads a value with Go's text/scanner and strconv.Unquote: every Go escape works,
 *   raw characters work too except a newline inside `"…"`; `` `…` `` raw strings work (their CRs are
 *   dropped); a NUL anywhere is an error. A quoted attribute name (`span."a b"`) knows only `\"`
 *   and `\\` and takes every other character raw.
 * - Grafana's TraceQL grammar (@grafana/lezer-traceql, which Grafana's query editor parses with)
 *   knows only the escapes `\"` and `\\` and takes every other character raw, in `"…"` and in
 *   `` `…` `` alike.
 * So a value is written `"…"` escaping only `\` and `"`; one holding a newline is written as a raw
 * `` `…` `` string. A value no literal carries for both readers — a NUL, or a newline together with a
 * backtick or a CR — has no literal (`traceqlLiteral` gives undefined): it is matched with the RE2
 * regex {@link traceqlExactRegex}, `^…$` with `\x00`, `\n`, `\r` written as RE2 escapes, which both
 * readers take in `"…"` (traceql.ts `traceqlEquals`). An attribute name holding a NUL cannot be
 * written at all (a quoted name has no escape for it).
 */

import { quoteInput } from '../../engine/errors';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every lone UTF-16 surrogate replaced by U+FFFD, as Go reads such text. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** A double-quoted PromQL string literal (a label value, or a quoted name in Prometheus 3) for any text. */
export function quoteString(value: string): string {
  return `"${wellFormed(value).replace(/[\\"\u0000-\u001f]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeQuotes = (value: string) => value.replace(/[\\"]/g, (c) => `\\${c}`);

/** Escapes RE2 metacharacters so the regex matches `value` literally (PromQL `=~`, TraceQL `=~`). */
export function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/**
 * A TraceQL string literal that Tempo and Grafana's TraceQL grammar both read as `value`, or
 * undefined when there is none (a NUL, or a newline with a backtick or a CR: see the header).
 */
export function traceqlLiteral(value: string): string | undefined {
  const text = wellFormed(value);
  if (text.includes('\u0000')) {
    return undefined;
  }
  if (!text.includes('\n')) {
    return `"${escapeQuotes(text)}"`;
  }
  return /[`\r]/.test(text) ? undefined : `\`${text}\``;
}

const RE2_CONTROL: Record<string, string> = { '\u0000': '\\x00', '\n': '\\n', '\r': '\\r' };

/**
 * A TraceQL string literal holding the RE2 regex that matches exactly `value` (`"^…$"`): RE2
 * metacharacters escaped, NUL/newline/CR as `\x00` `\n` `\r`, so the literal holds no character
 * either reader refuses.
 */
export function traceqlExactRegex(value: string): string {
  const re = escapeRegex(wellFormed(value)).replace(/[\u0000\n\r]/g, (c) => RE2_CONTROL[c]);
  return `"${escapeQuotes(`^${re}$`)}"`;
}

/**
 * A quoted TraceQL attribute name (`"http request id"` in `span."http request id"`): only `\` and
 * `"` escaped. Throws a RangeError for a name with a NUL, which no TraceQL can name.
 */
export function traceqlQuotedName(name: string): string {
  const text = wellFormed(name);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new RangeError(
      `TraceQL cannot name an attribute holding a NUL character (at position ${nul} of ${quoteInput(text)})`
    );
  }
  return `"${escapeQuotes(text)}"`;
}

/**
 * Whether an attribute name can stay bare after `span.`/`resource.`/`.`: an identifier with dots,
 * dashes, slashes and colons, not starting with a word Grafana's grammar reads as a scope or
 * keyword (`span`, `resource`, `parent`, `event`, `link`, `instrumentation`, `with`) — so
 * `span.spanId` is written `span."spanId"`, which Tempo reads the same.
 */
export function isBareTraceqlName(name: string): boolean {
  return (
    /^[A-Za-z_][A-Za-z0-9_.\-/:]*$/.test(name) && !/^(span|resource|parent|event|link|instrumentation|with)/.test(name)
  );
}
