/**
 * Absolute Unix-nanosecond times as (seconds, nanoseconds) pairs, so both halves stay exact in a
 * float64, and the readers of their decimal text. O(digits) per time.
 */
/** Absolute time split so both halves stay exact in a float64. */
export interface UnixNano {
  sec: number;
  ns: number;
  ok: boolean;
}

/**
 * Reads a non-negative Unix-nanosecond count from `s[from, to)` exactly (any number of digits:
 * the last 9 are the ns within the second), falling back to `Number()` for decimal or exponent
 * notation. Sets `out.ok = false` on garbage.
 */
export function parseUnixNano(s: string, from: number, to: number, out: UnixNano): void {
  const split = to - 9 > from ? to - 9 : from;
  let sec = 0;
  let ns = 0;
  // negative as soon as any char is not a digit: (9 - d) | d < 0 exactly when d is outside 0..9
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
  if (check < 0) {
    splitUnixNano(Number(s.slice(from, to)), out);
    return;
  }
  out.sec = sec;
  out.ns = ns;
  out.ok = true;
}

/** Splits a Unix-ns number (already rounded to float64 by whoever parsed it) into seconds + ns. */
export function splitUnixNano(v: number, out: UnixNano): void {
  out.ok = Number.isFinite(v) && v >= 0;
  out.sec = out.ok ? Math.floor(v / 1e9) : 0;
  out.ns = out.ok ? v - out.sec * 1e9 : 0;
}
