import React, { FormEvent, useState } from 'react';
import { css } from '@emotion/css';
import { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Alert, Button, Combobox, Field, FieldSet, Input, useStyles2 } from '@grafana/ui';
import { describeSaveError, saveAppSettings } from './saveSettings';
import { reloadPage } from './reloadPage';
import { Diagnostics } from './Diagnostics';
import { TRACE_DATASOURCE_TYPES } from '../app/traceSource';
import {
  AppSettings,
  DEFAULT_SETTINGS,
  MAX_TRACES_FOR_AGGREGATE,
  SPAN_METRICS_SCHEME_OPTIONS,
  SpanMetricsSchemeSetting,
  validateMaxTraces,
} from '../app/settings';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<AppSettings>> {}

/** The app's configuration page: default datasources (traces: Tempo or Jaeger), span-metrics scheme, limits, diagnostics. */
export default function AppConfig({ plugin }: AppConfigProps) {
  const styles = useStyles2(getStyles);
  const { enabled, pinned, jsonData } = plugin.meta;
  const [traceUid, setTraceUid] = useState(jsonData?.tempoDatasourceUid);
  const [prometheusUid, setPrometheusUid] = useState(jsonData?.prometheusDatasourceUid);
  const [scheme, setScheme] = useState<SpanMetricsSchemeSetting>(
    jsonData?.spanMetricsScheme ?? DEFAULT_SETTINGS.spanMetricsScheme
  );
  const [maxTraces, setMaxTraces] = useState(
    String(jsonData?.maxTracesForAggregate ?? DEFAULT_SETTINGS.maxTracesForAggregate)
  );
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const maxTracesError = validateMaxTraces(maxTraces);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (maxTracesError) {
      return;
    }
    setSaving(true);
    setSaveError(undefined);
    try {
      await saveAppSettings(
        plugin.meta.id,
        { enabled, pinned },
        {
          tempoDatasourceUid: traceUid,
          prometheusDatasourceUid: prometheusUid,
          spanMetricsScheme: scheme,
          maxTracesForAggregate: Number(maxTraces.trim()),
        }
      );
      // Grafana hands plugin settings to the app only at load time.
      reloadPage();
    } catch (error) {
      setSaveError(describeSaveError(error));
      setSaving(false);
    }
  };

  return (
    <form onSubmit={onSubmit} aria-label="TraceLens settings">
      <FieldSet label="Datasources">
        <Field
          label="Traces"
          description="Where TraceLens searches and fetches traces by default: a Tempo or Jaeger datasource"
        >
          <DataSourcePicker
            inputId="tracelens-traces"
            type={TRACE_DATASOURCE_TYPES}
            current={traceUid}
            noDefault
            width={40}
            onChange={(ds) => setTraceUid(ds.uid)}
          />
        </Field>
        <Field
          label="Prometheus"
          description="Where the span metrics and service-graph metrics generated from those traces live"
        >
          <DataSourcePicker
            inputId="tracelens-prometheus"
            pluginId="prometheus"
            current={prometheusUid}
            noDefault
            width={40}
            onChange={(ds) => setPrometheusUid(ds.uid)}
          />
        </Field>
      </FieldSet>
      <FieldSet label="Span metrics">
        <Field label="Naming scheme" description="Which metric names and labels hold the span metrics">
          <Combobox
            id="tracelens-scheme"
            width={40}
            value={scheme}
            options={SPAN_METRICS_SCHEME_OPTIONS}
            onChange={(option) => setScheme(option.value)}
          />
        </Field>
      </FieldSet>
      <FieldSet label="Limits">
        <Field
          label="Traces fetched for an aggregate"
          description={`Upper bound on traces fetched for breakdowns and comparisons (1–${MAX_TRACES_FOR_AGGREGATE})`}
          invalid={Boolean(maxTracesError)}
          error={maxTracesError}
        >
          <Input
            id="tracelens-max-traces"
            width={20}
            inputMode="numeric"
            value={maxTraces}
            onChange={(e) => setMaxTraces(e.currentTarget.value)}
          />
        </Field>
      </FieldSet>
      {saveError && (
        <Alert severity="error" title="Settings not saved">
          {saveError}
        </Alert>
      )}
      <div className={styles.actions}>
        <Button type="submit" disabled={saving || Boolean(maxTracesError)} icon={saving ? 'spinner' : undefined}>
          {saving ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
      <Diagnostics target={{ traceUid: traceUid ?? '', promUid: prometheusUid ?? '', scheme }} />
    </form>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  actions: css({ margin: theme.spacing(2, 0, 3) }),
});
