/**
 * Memory readings the benches share (Linux): fields of /proc/<pid>/status (the bench's own
 * process by default, or e.g. a browser's renderer), the reset of the peak RSS (VmHWM) to the
 * current RSS (both O(1)), and the pids of the Chromium renderers this process started (O(processes)).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

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

/** Pids of this process's descendants that are Chromium renderers. */
export function rendererPids(): number[] {
  const parent = new Map<number, number>();
  const renderer = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) {
        renderer.add(pid);
      }
    } catch {
      // the process ended meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parent.get(p) ?? 0, hops++) {
      if (p === process.pid) {
        return true;
      }
    }
    return false;
  };
  return [...renderer].filter(mine);
}
