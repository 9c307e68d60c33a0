/**
 * The app's configuration page: default datasources (traces: Tempo or Jaeger), span-metrics
 * scheme, limits, diagnostics. It renders what its model (useConfigModel.ts) gives.
 */
import React from 'react';
import { css } from '@emotion/css';
import { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Alert, Button, Combobox, Field, FieldSet, Input, useStyles2 } from '@grafana/ui';
import { Diagnostics } from './Diagnostics';
import { useConfigModel } from './useConfigModel';
import { TRACE_DATASOURCE_TYPES } from '../app/traceSource';
import { AppSettings, MAX_TRACES_FOR_AGGREGATE, SPAN_METRICS_SCHEME_OPTIONS } from '../app/settings';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<AppSettings>> {}

export default function AppConfig({ plugin }: AppConfigProps) {
  const styles = useStyles2(getStyles);
  const { form, change, error, saving, saveError, save, diagnostics } = useConfigModel(plugin.meta);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      aria-label="TraceLens settings"
    >
      <FieldSet label="Datasources">
        <Field
          label="Traces"
          description="Where TraceLens searches and fetches traces by default: a Tempo or Jaeger datasource"
        >
          <DataSourcePicker
            inputId="tracelens-traces"
            type={TRACE_DATASOURCE_TYPES}
            current={form.traceUid}
            noDefault
            width={40}
            onChange={(ds) => change({ traceUid: ds.uid })}
          />
        </Field>
        <Field
          label="Prometheus"
          description="Where the span metrics and service-graph metrics generated from those traces live"
        >
          <DataSourcePicker
            inputId="tracelens-prometheus"
            pluginId="prometheus"
            current={form.prometheusUid}
            noDefault
            width={40}
            onChange={(ds) => change({ prometheusUid: ds.uid })}
          />
        </Field>
      </FieldSet>
      <FieldSet label="Span metrics">
        <Field label="Naming scheme" description="Which metric names and labels hold the span metrics">
          <Combobox
            id="tracelens-scheme"
            width={40}
            value={form.scheme}
            options={SPAN_METRICS_SCHEME_OPTIONS}
            onChange={(option) => change({ scheme: option.value })}
          />
        </Field>
      </FieldSet>
      <FieldSet label="Limits">
        <Field
          label="Traces fetched for an aggregate"
          description={`Traces a comparison fetches by default (1–${MAX_TRACES_FOR_AGGREGATE}); its coverage line can raise it up to ${MAX_TRACES_FOR_AGGREGATE}`}
          invalid={Boolean(error)}
          error={error}
        >
          <Input
            id="tracelens-max-traces"
            width={20}
            inputMode="numeric"
            value={form.maxTraces}
            onChange={(e) => change({ maxTraces: e.currentTarget.value })}
          />
        </Field>
      </FieldSet>
      {saveError && (
        <Alert severity="error" title="Settings not saved">
          {saveError}
        </Alert>
      )}
      <div className={styles.actions}>
        <Button type="submit" disabled={saving || Boolean(error)} icon={saving ? 'spinner' : undefined}>
          {saving ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
      <Diagnostics model={diagnostics} />
    </form>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  actions: css({ margin: theme.spacing(2, 0, 3) }),
});
