/**
 * Memory readings the bench's child processes share (Linux): fields of /proc/self/status, and
 * the reset of the peak RSS (VmHWM) to the current RSS. O(1).
 */
import { readFileSync, writeFileSync } from 'node:fs';

export const MB = 1e6;

/** A field of /proc/self/status in MB (its values are in kB), or NaN. */
export function procStatusMB(field: string): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return line ? (Number(line.split(/\s+/)[1]) * 1e3) / MB : NaN;
}

/** Resets VmHWM (peak RSS) to the current RSS. */
export function resetPeakRss(): void {
  writeFileSync('/proc/self/clear_refs', '5');
}
