/**
 * Text for durations (ns in) and shares. Durations are written as Grafana's value formats write
 * them, as every other panel's durations are: `auto` picks the unit (ns, µs, ms, s, min, …) and
 * about three significant digits (Grafana's `ns` unit); a fixed unit keeps its suffix at any size.
 * The formatters are Grafana's own (`toFixedScaled`, `toFixedUnit`), taken without
 * `getValueFormat`, which first builds Grafana's whole unit index, translating every unit's name:
 * 40–70 ms on the page's thread, which a huge trace's summary would otherwise pay as it paints.
 */
import { formattedValueToString, toFixedScaled, toFixedUnit, ValueFormatter } from '@grafana/data';
import { t } from '@grafana/i18n';
import type { DurationUnit } from './types';

const UNITS: Record<Exclude<DurationUnit, 'auto'>, [ValueFormatter, number]> = {
  us: [toFixedUnit('µs'), 1e3],
  ms: [toFixedUnit('ms'), 1e6],
  s: [toFixedUnit('s'), 1e9],
};

/** Grafana's `ns` unit: the first step whose bound the duration is under gives its scale and suffix. */
const NS_STEPS: Array<[under: number, scale: number, suffix: string]> = [
  [1e3, 1, ' ns'],
  [1e6, 1e3, ' µs'],
  [1e9, 1e6, ' ms'],
  [60e9, 1e9, ' s'],
  [3600e9, 60e9, ' min'],
  [86_400e9, 3600e9, ' hour'],
  [Infinity, 86_400e9, ' day'],
];

/** "3.20 ms" (auto: Grafana's `ns` unit) or "3196 µs" (fixed unit). */
export function formatDuration(ns: number, unit: DurationUnit = 'auto'): string {
  if (!Number.isFinite(ns)) {
    return '–';
  }
  if (unit === 'auto') {
    const [, scale, suffix] = NS_STEPS.find(([under]) => Math.abs(ns) < under)!;
    return formattedValueToString(toFixedScaled(ns / scale, undefined, suffix));
  }
  const [format, scale] = UNITS[unit];
  return formattedValueToString(format(ns / scale));
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
