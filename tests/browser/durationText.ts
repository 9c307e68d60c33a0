/**
 * Checks a duration as the app shows it ("18.5 ms", "5363 µs") against a known value in ns,
 * independently of the app's formatter: the text must be a number and a time unit, equal to the
 * value rounded to the digits it shows (within half its last digit), and within 1% of it.
 */
const UNIT_NS: Record<string, number> = { ns: 1, µs: 1e3, ms: 1e6, s: 1e9, mins: 60e9, hours: 3600e9 };

/** The problem with `text` as a display of `ns`, or undefined when it shows it. */
export function durationTextProblem(text: string, ns: number): string | undefined {
  const match = /^(-?\d+(?:\.(\d+))?) (ns|µs|ms|s|mins|hours)$/.exec(text.trim());
  if (!match) {
    return `"${text}" is not a number and a time unit`;
  }
  const scale = UNIT_NS[match[3]];
  const shown = Number(match[1]) * scale;
  const halfDigit = (0.5 * scale) / 10 ** (match[2]?.length ?? 0);
  const off = Math.abs(shown - ns);
  if (off > halfDigit * (1 + 1e-9) || off > Math.abs(ns) * 0.01 + 1e-9) {
    return `"${text}" shows ${shown} ns, expected ${ns} ns`;
  }
  return undefined;
}
