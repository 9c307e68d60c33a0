/** Text for durations (ns in) and shares, in a fixed or automatic unit. */
import type { DurationUnit } from './types';

const SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const FIXED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const UNITS: Record<Exclude<DurationUnit, 'auto'>, [string, number]> = {
  us: ['µs', 1e3],
  ms: ['ms', 1e6],
  s: ['s', 1e9],
};

/** "3.2 ms" (auto: 3 significant digits in the largest unit below the value) or "3.196 ms" (fixed unit). */
export function formatDuration(ns: number, unit: DurationUnit = 'auto'): string {
  if (!Number.isFinite(ns)) {
    return '–';
  }
  if (unit !== 'auto') {
    const [suffix, scale] = UNITS[unit];
    return `${FIXED.format(ns / scale)} ${suffix}`;
  }
  const abs = Math.abs(ns);
  const [suffix, scale] = abs >= 1e9 ? UNITS.s : abs >= 1e6 ? UNITS.ms : abs >= 1e3 ? UNITS.us : ['ns', 1];
  return `${SIGNIFICANT.format(ns / scale)} ${suffix}`;
}

/** "17.3%" */
export function formatShare(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '–';
}

/** Long name of a unit option, for labels. */
export const UNIT_NAMES: Record<DurationUnit, string> = {
  auto: 'Automatic',
  us: 'Microseconds',
  ms: 'Milliseconds',
  s: 'Seconds',
};
