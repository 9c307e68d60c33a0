/**
 * String literals for PromQL and TraceQL.
 *
 * PromQL ({@link quoteString}): Prometheus' lexer unquotes Go-style, so `\` and `"` are escaped,
 * newline/CR/tab written as `\n` `\r` `\t` and other control characters as `\u00XX`; everything
 * else (unicode included) stays as it is.
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
 * backtick or a CR — is written the way Tempo reads it (`\n`, `\u0000`): Tempo finds what the user
 * asked for, and Grafana's editor marks the literal (src/data/queries/traceql-grammar.test.ts says so).
 */
export function quoteString(value: string): string {
  return `"${value.replace(/[\\"\u0000-\u001f]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeQuotes = (value: string) => value.replace(/[\\"]/g, (c) => `\\${c}`);

/** A TraceQL string literal that Tempo and Grafana's TraceQL grammar both read as `value` (see the header for the exceptions). */
export function traceqlLiteral(value: string): string {
  if (!value.includes('\u0000')) {
    if (!value.includes('\n')) {
      return `"${escapeQuotes(value)}"`;
    }
    if (!/[`\r]/.test(value)) {
      return `\`${value}\``;
    }
  }
  // For Tempo only: Go escapes for what it cannot take raw.
  return `"${escapeQuotes(value)
    .replace(/\n/g, '\\n')
    .replace(/\u0000/g, '\\u0000')}"`;
}

/** A quoted TraceQL attribute name (`"http request id"` in `span."http request id"`): only `\` and `"` escaped. */
export function traceqlQuotedName(name: string): string {
  return `"${escapeQuotes(name)}"`;
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
