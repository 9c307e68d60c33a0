/** Milliseconds as a Go duration (`time.ParseDuration`), which Jaeger's duration parameters take. */
import { dataError } from '../errors';

/** `30` → `30ms`, `1.5` → `1.5ms`, rounded to Jaeger's resolution (1 µs); rejects negative or non-finite values. */
export function goDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0 || ms > 1e12) {
    throw dataError('jaeger-bad-duration', { ms });
  }
  return `${Math.round(ms * 1000) / 1000}ms`;
}
