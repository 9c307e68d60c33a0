/**
 * The configuration page's diagnostics, as a hook: runs the checks (diagnostics.ts) for the chosen
 * datasources whenever they change and again on request, cancelling a run that is overtaken; nothing
 * runs until both a trace datasource and a Prometheus datasource are chosen.
 */
import { useState } from 'react';
import { AsyncState, useAsync } from '../app/useAsync';
import { CheckResult, DiagnosticsTarget, runDiagnostics } from './diagnostics';

export interface DiagnosticsModel {
  /** both datasources are chosen */
  ready: boolean;
  checks: AsyncState<CheckResult[]>;
  runAgain: () => void;
}

export function useDiagnostics(target: DiagnosticsTarget): DiagnosticsModel {
  const [run, setRun] = useState(0);
  const ready = Boolean(target.traceUid && target.promUid);
  const checks = useAsync(ready ? JSON.stringify([target, run]) : undefined, (signal) =>
    runDiagnostics(target, signal)
  );
  return { ready, checks, runAgain: () => setRun((n) => n + 1) };
}
