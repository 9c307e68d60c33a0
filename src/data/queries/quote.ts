/**
 * A double-quoted string literal for TraceQL and PromQL, whose lexers both unquote Go-style:
 * escapes `\` and `"`, writes newline/CR/tab as `\n` `\r` `\t` and other control characters as
 * `\u00XX`; everything else (unicode included) stays as it is.
 */
export function quoteString(value: string): string {
  return `"${value.replace(/[\\"\u0000-\u001f]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
