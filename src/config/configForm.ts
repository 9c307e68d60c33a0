/**
 * The configuration form, pure: its fields as the saved settings (jsonData) give them, defaults
 * filled in; whether it can be saved (the traces limit must be a whole number in range); the
 * settings it saves; and the datasources the diagnostics check. O(1).
 */
import { AppSettings, DEFAULT_SETTINGS, SpanMetricsSchemeSetting, validateMaxTraces } from '../app/settings';
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

/** Why the form cannot be saved as it is, or undefined when it can. */
export const formError = (form: ConfigForm) => validateMaxTraces(form.maxTraces);

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
