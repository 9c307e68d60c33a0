/**
 * Memory readings the benches share (Linux): fields of /proc/<pid>/status (the bench's own
 * process by default, or e.g. a browser's renderer), and the reset of the peak RSS (VmHWM) to the
 * current RSS. O(1).
 */
import { readFileSync, writeFileSync } from 'node:fs';

export const MB = 1e6;

/** A field of /proc/<pid>/status in MB (its values are in kB), or NaN. */
export function procStatusMB(field: string, pid: number | 'self' = 'self'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return line ? (Number(line.split(/\s+/)[1]) * 1e3) / MB : NaN;
}

/** Resets VmHWM (peak RSS) to the current RSS. */
export function resetPeakRss(): void {
  writeFileSync('/proc/self/clear_refs', '5');
}
