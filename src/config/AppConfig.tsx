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
import { AppSettings, MAX_TRACES_FOR_AGGREGATE } from '../app/settings';
import { spanMetricsSchemeOptions } from './schemeOptions';
import { t } from '@grafana/i18n';

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
      aria-label={t('config.form.label', 'TraceLens settings')}
    >
      <FieldSet label={t('config.form.datasources', 'Datasources')}>
        <Field
          label={t('config.form.traces', 'Traces')}
          description={t(
            'config.form.traces-description',
            'Where TraceLens searches and fetches traces by default: a Tempo or Jaeger datasource'
          )}
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
          label={t('config.form.prometheus', 'Prometheus')}
          description={t(
            'config.form.prometheus-description',
            'Where the span metrics and service-graph metrics generated from those traces live'
          )}
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
      <FieldSet label={t('config.form.span-metrics', 'Span metrics')}>
        <Field
          label={t('config.form.scheme', 'Naming scheme')}
          description={t('config.form.scheme-description', 'Which metric names and labels hold the span metrics')}
        >
          <Combobox
            id="tracelens-scheme"
            width={40}
            value={form.scheme}
            options={spanMetricsSchemeOptions()}
            onChange={(option) => change({ scheme: option.value })}
          />
        </Field>
      </FieldSet>
      <FieldSet label={t('config.form.limits', 'Limits')}>
        <Field
          label={t('config.form.max-traces', 'Traces fetched for an aggregate')}
          description={t(
            'config.form.max-traces-description',
            'Traces a comparison fetches by default (1–{{max}}); its coverage line can raise it up to {{max}}',
            { max: MAX_TRACES_FOR_AGGREGATE }
          )}
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
        <Alert severity="error" title={t('config.form.not-saved', 'Settings not saved')}>
          {saveError}
        </Alert>
      )}
      <div className={styles.actions}>
        <Button type="submit" disabled={saving || Boolean(error)} icon={saving ? 'spinner' : undefined}>
          {saving ? t('config.form.saving', 'Saving…') : t('config.form.save', 'Save settings')}
        </Button>
      </div>
      <Diagnostics model={diagnostics} />
    </form>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  actions: css({ margin: theme.spacing(2, 0, 3) }),
});
