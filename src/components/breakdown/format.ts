/**
 * Text for durations (ns in) and shares. Durations go through Grafana's value formats, as every
 * other panel's durations do: `auto` picks the unit (ns, µs, ms, s, min, …) and about three
 * significant digits (`ns` format); a fixed unit keeps its suffix at any size.
 */
import { formattedValueToString, getValueFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import type { DurationUnit } from './types';

const UNITS: Record<Exclude<DurationUnit, 'auto'>, [string, number]> = {
  us: ['µs', 1e3],
  ms: ['ms', 1e6],
  s: ['s', 1e9],
};

/** "3.20 ms" (auto: Grafana's `ns` format) or "3196 µs" (fixed unit). */
export function formatDuration(ns: number, unit: DurationUnit = 'auto'): string {
  if (!Number.isFinite(ns)) {
    return '–';
  }
  if (unit === 'auto') {
    return formattedValueToString(getValueFormat('ns')(ns));
  }
  const [suffix, scale] = UNITS[unit];
  return formattedValueToString(getValueFormat(`suffix:${suffix}`)(ns / scale));
}

/** "17.3%"; a negative share with a minus sign, "−0.2%" */
export function formatShare(share: number): string {
  return Number.isFinite(share) ? `${share < 0 ? '−' : ''}${(Math.abs(share) * 100).toFixed(1)}%` : '–';
}

/** Long name of a unit option, for labels. */
export function unitName(unit: DurationUnit): string {
  switch (unit) {
    case 'auto':
      return t('breakdown.unit.auto', 'Automatic');
    case 'us':
      return t('breakdown.unit.us', 'Microseconds');
    case 'ms':
      return t('breakdown.unit.ms', 'Milliseconds');
    case 's':
      return t('breakdown.unit.s', 'Seconds');
  }
}
