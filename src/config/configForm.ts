/**
 * The configuration form, pure: its fields as the saved settings (jsonData) give them, defaults
 * filled in; whether it can be saved (the traces limit must be a whole number in range); the
 * settings it saves; and the datasources the diagnostics check. O(1).
 */
import { t } from '@grafana/i18n';
import {
  AppSettings,
  DEFAULT_SETTINGS,
  MAX_TRACES_FOR_AGGREGATE,
  SpanMetricsSchemeSetting,
  validateMaxTraces,
} from '../app/settings';
import type { DiagnosticsTarget } from './diagnostics';

export interface ConfigForm {
  /** the trace datasource (Tempo or Jaeger) */
  traceUid?: string;
  prometheusUid?: string;
  scheme: SpanMetricsSchemeSetting;
  /** "Traces fetched for an aggregate" as typed */
  maxTraces: string;
}

export const formFromSettings = (jsonData: AppSettings | undefined): ConfigForm => ({
  traceUid: jsonData?.tempoDatasourceUid,
  prometheusUid: jsonData?.prometheusDatasourceUid,
  scheme: jsonData?.spanMetricsScheme ?? DEFAULT_SETTINGS.spanMetricsScheme,
  maxTraces: String(jsonData?.maxTracesForAggregate ?? DEFAULT_SETTINGS.maxTracesForAggregate),
});

/** Why the form cannot be saved as it is, in the user's words, or undefined when it can. */
export function formError(form: ConfigForm): string | undefined {
  switch (validateMaxTraces(form.maxTraces)) {
    case 'not-integer':
      return t('config.form.max-traces-not-integer', 'Enter a whole number of traces, for example {{example}}.', {
        example: DEFAULT_SETTINGS.maxTracesForAggregate,
      });
    case 'out-of-range':
      return t(
        'config.form.max-traces-range',
        'Choose between 1 and {{max}} traces: more would make aggregates slow to fetch.',
        { max: MAX_TRACES_FOR_AGGREGATE }
      );
    default:
      return undefined;
  }
}

/** The settings a valid form saves. */
export const settingsFromForm = (form: ConfigForm): AppSettings => ({
  tempoDatasourceUid: form.traceUid,
  prometheusDatasourceUid: form.prometheusUid,
  spanMetricsScheme: form.scheme,
  maxTracesForAggregate: Number(form.maxTraces.trim()),
});

/** What the diagnostics check: the chosen datasources ('' for none) and scheme. */
export const diagnosticsTarget = (form: ConfigForm): DiagnosticsTarget => ({
  traceUid: form.traceUid ?? '',
  promUid: form.prometheusUid ?? '',
  scheme: form.scheme,
});
