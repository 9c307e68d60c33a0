/**
 * Services, from Prometheus span metrics: rate, error ratio and p50/p95/p99 per service over the
 * time range, the service dependency graph from service-graph metrics, and for the selected
 * service its operations, charts over time (of the service or one operation) and exemplar traces.
 * "Show slow traces" opens the search page (on the page's trace source, Tempo or Jaeger) for the
 * service's or operation's spans above the p95. When Prometheus holds the TraceLens connector's
 * metrics, shares and p50/p95 of self time and critical-path time for all traffic, per service and
 * per operation of the selected service, beside the same shares over a sample of fetched traces,
 * and their seconds per second over the range, charted per service (per operation of the service);
 * without them, one line says how to get them. It renders what its model (useServicesModel.ts;
 * URL state in servicesUrl.ts) gives.
 */
import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { formatDuration } from '../../components/breakdown';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { QueryContextBar } from '../../components/QueryContextBar';
import { TimeSeriesChart } from '../../components/TimeSeriesChart';
import { LatencyBreakdown } from './LatencyBreakdown';
import { ServiceGraph } from './ServiceGraph';
import { StatsTable } from './StatsTable';
import { useServicesModel } from './useServicesModel';
import { t, Trans } from '@grafana/i18n';
import { AS_TEXT } from '../../components/i18n';

export default function ServicesPage() {
  const styles = useStyles2(getStyles);
  const model = useServicesModel();
  const { context, metrics, service, operation, services, graph, operations, charts, exemplars } = model;
  const { latencyMetrics, latencyServices, latencyOperations, latencyServiceCharts, latencyOperationCharts } = model;
  const m = metrics.value;

  return (
    <PluginPage>
      <h2>
        <Trans i18nKey="services.title">Services</Trans>
      </h2>
      <QueryContextBar context={context} />
      {metrics.loading && (
        <LoadingPlaceholder text={t('services.metrics.loading', 'Looking for span metrics in Prometheus…')} />
      )}
      {metrics.error && (
        <DataErrorAlert title={t('services.metrics.error', 'No span metrics to show')} error={metrics.error} />
      )}
      {m && (
        <p className={styles.note}>
          <Trans
            i18nKey="services.metrics.scheme"
            values={{
              calls: m.scheme.callsMetric,
              latency: m.scheme.latencyMetric,
              histogram: m.scheme.histogram,
              label: m.scheme.labels.service,
            }}
          >
            Span metrics: {'{{calls}}'} and {'{{latency}}'} ({'{{histogram}}'} histogram), label{' '}
            <code>{'{{label}}'}</code>.
          </Trans>
        </p>
      )}
      {services.error && (
        <DataErrorAlert title={t('services.stats.error', 'Could not load service stats')} error={services.error} />
      )}
      {services.loading && m && <LoadingPlaceholder text={t('services.stats.loading', 'Loading service stats…')} />}
      {services.value && services.value.length === 0 && (
        <Alert severity="info" title={t('services.stats.none-title', 'No services in this time range')}>
          <Trans i18nKey="services.stats.none">
            Prometheus holds span metrics but none in this time range. Widen the range, or check that the
            metrics-generator (or collector) is remote-writing to this Prometheus.
          </Trans>
        </Alert>
      )}
      {services.value && services.value.length > 0 && (
        <section className={styles.section}>
          <h3>
            {t('services.stats.title', '', {
              count: services.value.length,
              defaultValue_one: 'Per service ({{count}} service)',
              defaultValue_other: 'Per service ({{count}} services)',
            })}
          </h3>
          <StatsTable
            label={t('services.stats.label', 'Services')}
            rows={services.value}
            slowTracesHref={model.slowTracesHref}
            onSelect={(row) => model.selectService(row.service)}
            selected={service}
          />
        </section>
      )}
      {!(latencyMetrics.error && metrics.error) && (
        <section className={styles.section} aria-label={t('services.latency.section', 'Self time and critical path')}>
          <h3>
            <Trans i18nKey="services.latency.title">
              Self time and critical path — all traffic (TraceLens connector)
            </Trans>
          </h3>
          {latencyMetrics.loading && (
            <LoadingPlaceholder
              text={t('services.latency.metrics-loading', 'Looking for the TraceLens connector’s metrics…')}
            />
          )}
          {latencyMetrics.error && (
            <DataErrorAlert
              title={t('services.latency.metrics-error', 'Could not look for the TraceLens connector’s metrics')}
              error={latencyMetrics.error}
            />
          )}
          {!latencyMetrics.loading && !latencyMetrics.error && !latencyMetrics.value && (
            <p className={styles.note} data-testid="no-latency-metrics">
              <Trans i18nKey="services.latency.no-metrics">
                No TraceLens connector metrics in this Prometheus: add the tracelens_latency connector to your
                OpenTelemetry Collector (see <code>collector/README.md</code> in the TraceLens repository) to see self
                time and critical path for all traffic.
              </Trans>
            </p>
          )}
          <LatencyBreakdown
            label={t('services.latency.per-service', 'Self time and critical path per service')}
            per="service"
            rows={latencyServices}
            charts={latencyServiceCharts}
            timeRange={context.range}
            noteClassName={styles.note}
            chartsClassName={styles.charts}
          />
        </section>
      )}
      {graph.error && (
        <DataErrorAlert title={t('services.graph.error', 'Could not load the service graph')} error={graph.error} />
      )}
      {graph.value && (
        <section className={styles.section}>
          <h3>
            <Trans i18nKey="services.graph.title">Dependencies</Trans>
          </h3>
          <ServiceGraph
            edges={graph.value.edges}
            source={graph.value.source}
            selected={service}
            onSelect={model.selectService}
          />
        </section>
      )}
      {service && (
        <section
          className={styles.section}
          aria-label={t('services.service-label', 'Service {{name}}', { name: service, ...AS_TEXT })}
        >
          <h3>
            {service}
            {operation ? ` / ${operation}` : ''}
          </h3>
          <p className={styles.note}>
            {operation
              ? t(
                  'services.charts.operation-note',
                  'Charts for this operation; choose it again in the table to see the whole service.'
                )
              : t(
                  'services.charts.service-note',
                  'Charts for the whole service; choose an operation in the table to chart it alone.'
                )}
          </p>
          {charts.error && (
            <DataErrorAlert title={t('services.charts.error', 'Could not load charts')} error={charts.error} />
          )}
          {charts.value && (
            <div className={styles.charts}>
              <TimeSeriesChart
                title={t('services.charts.rate', 'Requests per second')}
                series={charts.value.rate}
                unit="reqps"
                timeRange={context.range}
              />
              <TimeSeriesChart
                title={t('services.charts.errors', 'Error ratio')}
                series={charts.value.errors}
                unit="percent"
                timeRange={context.range}
              />
              <TimeSeriesChart
                title={t('services.charts.latency', 'Latency p50 / p95 / p99')}
                series={charts.value.latency}
                unit="s"
                timeRange={context.range}
              />
            </div>
          )}
          {operations.error && (
            <DataErrorAlert
              title={t('services.operations.error', 'Could not load operations')}
              error={operations.error}
            />
          )}
          {operations.value && (
            <StatsTable
              label={t('services.operations.label', 'Operations of {{service}}', { service, ...AS_TEXT })}
              rows={operations.value}
              slowTracesHref={model.slowTracesHref}
              onSelect={model.selectOperation}
              selected={operation}
            />
          )}
          {latencyMetrics.value && (
            <LatencyBreakdown
              label={t('services.latency.per-operation', 'Self time and critical path of {{service}}’s operations', {
                service,
                ...AS_TEXT,
              })}
              per="operation"
              rows={latencyOperations}
              charts={latencyOperationCharts}
              timeRange={context.range}
              noteClassName={styles.note}
              chartsClassName={styles.charts}
            />
          )}
          <h4>
            <Trans i18nKey="services.exemplars.title">Exemplars (slowest first)</Trans>
          </h4>
          {exemplars.error && (
            <DataErrorAlert title={t('services.exemplars.error', 'Could not load exemplars')} error={exemplars.error} />
          )}
          {exemplars.value?.length === 0 && (
            <p className={styles.note}>
              {t('services.exemplars.none', 'No exemplars for {{service}} in this time range.', {
                service,
                ...AS_TEXT,
              })}
            </p>
          )}
          <ul className={styles.exemplars}>
            {exemplars.value?.map((e) => (
              <li key={e.traceId}>
                <a className={styles.link} href={model.traceHref(e.traceId)}>
                  {e.traceId}
                </a>{' '}
                {e.operation} · {formatDuration(e.value * 1e9)} · {dateTimeFormat(e.timestamp * 1000)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  section: css({ marginTop: theme.spacing(3) }),
  charts: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  }),
  exemplars: css({
    listStyle: 'none',
    padding: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    fontVariantNumeric: 'tabular-nums',
  }),
  link: css({ color: theme.colors.text.link, fontFamily: theme.typography.fontFamilyMonospace }),
});
