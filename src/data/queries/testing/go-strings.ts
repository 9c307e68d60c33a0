/** Test helper: Go's reading of string literals, to check what the query builders write. */
const HEX = /^[0-9a-fA-F]+$/;

/**
 * A Go string literal as Go's text/scanner and strconv.Unquote read it — how Tempo reads a TraceQL
 * literal and Prometheus a PromQL one: `"…"` with Go escapes (a raw newline or `"` inside is an
 * error), `` `…` `` raw (CRs dropped); a NUL anywhere is an error. Throws where Go would. O(length).
 */
export function goUnquote(literal: string): string {
  if (literal.includes('\u0000')) {
    throw new Error('invalid character NUL');
  }
  if (literal.length >= 2 && literal.startsWith('`') && literal.endsWith('`')) {
    const body = literal.slice(1, -1);
    if (body.includes('`')) {
      throw new Error('backtick inside a raw string');
    }
    return body.replace(/\r/g, '');
  }
  if (literal.length < 2 || !literal.startsWith('"') || !literal.endsWith('"')) {
    throw new Error(`not a string literal: ${literal}`);
  }
  let out = '';
  const body = literal.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\n' || c === '"') {
      throw new Error(`raw ${JSON.stringify(c)} inside "…"`);
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = {
      a: '\u0007',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
      '"': '"',
    };
    const hex = (n: number) => {
      const digits = body.slice(i + 1, i + 1 + n);
      if (digits.length !== n || !HEX.test(digits)) {
        throw new Error(`bad \\${e} escape`);
      }
      i += n;
      return parseInt(digits, 16);
    };
    if (e in simple) {
      out += simple[e];
    } else if (e === 'x') {
      out += String.fromCharCode(hex(2));
    } else if (e === 'u') {
      out += String.fromCodePoint(hex(4));
    } else if (e === 'U') {
      out += String.fromCodePoint(hex(8));
    } else if (/[0-7]/.test(e ?? '')) {
      const digits = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(digits)) {
        throw new Error('bad octal escape');
      }
      out += String.fromCharCode(parseInt(digits, 8));
      i += 2;
    } else {
      throw new Error(`unknown escape \\${e}`);
    }
  }
  return out;
}
