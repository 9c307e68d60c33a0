/** One diagnostics check's outcome, and the helpers every check file shares. */
export type CheckStatus = 'ok' | 'warning' | 'error';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  /** what to do when the check is not ok */
  hint?: string;
}

export const HOUR = 3600;

/** The last hour in Unix seconds, as of `nowMs`. */
export function lastHour(nowMs = Date.now()) {
  const end = Math.floor(nowMs / 1000);
  return { start: end - HOUR, end };
}
