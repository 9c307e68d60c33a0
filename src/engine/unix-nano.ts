/**
 * Absolute Unix-nanosecond times as (seconds, nanoseconds) pairs, so both halves stay exact in a
 * float64, and the readers of their text. A time is an unsigned 64-bit count (OTLP's fixed64):
 * - as a string, only decimal digits are a time ("0017" is 17): empty or blank text, signs,
 *   `0x…`, fractions, exponents and values beyond 2^64−1 are not;
 * - as a JSON number, a non-negative integer ≤ 2^64−1; fraction or exponent notation is taken
 *   when the value it denotes is such an integer (`1.7e18`, `17.0`), read exactly from its digits.
 * O(digits) per time (exponents are bounded, so `1e400` costs no more than its text).
 */
/** Absolute time split so both halves stay exact in a float64. */
export interface UnixNano {
  sec: number;
  ns: number;
  ok: boolean;
}

const UINT64_MAX = '18446744073709551615';

/** Whether the decimal digits `s[from, to)` are at most 2^64−1 (leading zeros allowed). */
function fitsUint64(s: string, from: number, to: number): boolean {
  while (from < to - 1 && s.charCodeAt(from) === 48) {
    from++;
  }
  const len = to - from;
  return len < 20 || (len === 20 && s.slice(from, to) <= UINT64_MAX);
}

/**
 * Reads a Unix-nanosecond count written as decimal digits in `s[from, to)` exactly (the last 9
 * digits are the ns within the second). Sets `out.ok = false` when the text is anything else.
 */
export function parseUnixNano(s: string, from: number, to: number, out: UnixNano): void {
  const split = to - 9 > from ? to - 9 : from;
  let sec = 0;
  let ns = 0;
  // negative as soon as any char is not a digit, or the text is empty: (9 - d) | d < 0 exactly when d is outside 0..9
  let check = to - from - 1;
  for (let p = from; p < split; p++) {
    const d = s.charCodeAt(p) - 48;
    check |= (9 - d) | d;
    sec = sec * 10 + d;
  }
  for (let p = split; p < to; p++) {
    const d = s.charCodeAt(p) - 48;
    check |= (9 - d) | d;
    ns = ns * 10 + d;
  }
  out.ok = check >= 0 && (to - from < 20 || fitsUint64(s, from, to));
  out.sec = out.ok ? sec : 0;
  out.ns = out.ok ? ns : 0;
}

/**
 * Reads a JSON number token `s[from, to)` as a Unix-ns count: plain digits as `parseUnixNano`;
 * fraction or exponent notation when it denotes an integer in range (see the file header).
 */
export function parseUnixNanoNumber(s: string, from: number, to: number, out: UnixNano): void {
  const m = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(s.slice(from, to));
  if (m === null) {
    parseUnixNano('', 0, 0, out);
    return;
  }
  const fraction = m[2] ?? '';
  let digits = (m[1] + fraction).replace(/^0+(?=\d)/, '');
  // the value is digits × 10^shift; more than 40 in either direction is out of range or not whole
  let shift = Number(m[3] ?? 0) - fraction.length;
  if (digits === '0') {
    shift = 0;
  }
  if (shift > 40 || shift < -40 - digits.length) {
    parseUnixNano('', 0, 0, out);
    return;
  }
  if (shift < 0) {
    const kept = digits.length + shift;
    const whole = /^0*$/.test(digits.slice(Math.max(kept, 0)));
    digits = whole ? (kept > 0 ? digits.slice(0, kept) : '0') : '';
  } else {
    digits += '0'.repeat(shift);
  }
  parseUnixNano(digits, 0, digits.length, out);
}
