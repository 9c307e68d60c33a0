/**
 * Configuration diagnostics: checks run against the chosen datasources, each giving a status,
 * what was found, and (when not green) the fix our users' troubleshooting docs give. The trace
 * datasource's type picks its checks (tempoChecks.ts, jaegerChecks.ts); the Prometheus checks
 * (promChecks.ts) run alongside, their hints fitted to that type. An unusable trace datasource
 * (unknown uid, another type) is a failed check of its own, and Prometheus is still checked.
 */
import { resolveTraceSource } from '../app/traceSource';
import { CheckResult } from './checkResult';
import { errorText } from '../components/errorText';
import { jaegerChecks } from './jaegerChecks';
import { promChecks } from './promChecks';
import { SpanMetricsSchemeSetting } from '../app/settings';
import { tempoChecks } from './tempoChecks';
import { t } from '@grafana/i18n';

export type { CheckResult, CheckStatus } from './checkResult';

export interface DiagnosticsTarget {
  /** the trace datasource: Tempo or Jaeger */
  traceUid: string;
  promUid: string;
  scheme: SpanMetricsSchemeSetting;
}

export async function runDiagnostics(target: DiagnosticsTarget, signal: AbortSignal): Promise<CheckResult[]> {
  const resolved = resolveTraceSource(target.traceUid);
  const source = resolved.source;
  const traceResults = !source
    ? Promise.resolve<CheckResult[]>([
        {
          id: 'trace-datasource',
          title: t('config.diagnostics.trace-source', 'Trace datasource usable'),
          status: 'error',
          detail: errorText(resolved.error),
          hint: t('config.diagnostics.trace-source-hint', 'Pick a Tempo or Jaeger datasource above.'),
        },
      ])
    : source.kind === 'jaeger'
      ? jaegerChecks(source, signal)
      : tempoChecks(source.uid, signal);
  const [traces, prom] = await Promise.all([
    traceResults,
    promChecks(target.promUid, target.scheme, source?.kind ?? 'tempo', signal),
  ]);
  return [...traces, ...prom];
}
