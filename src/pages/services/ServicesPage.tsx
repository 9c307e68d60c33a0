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

export default function ServicesPage() {
  const styles = useStyles2(getStyles);
  const model = useServicesModel();
  const { context, metrics, service, operation, services, graph, operations, charts, exemplars } = model;
  const { latencyMetrics, latencyServices, latencyOperations, latencyServiceCharts, latencyOperationCharts } = model;
  const m = metrics.value;

  return (
    <PluginPage>
      <h2>Services</h2>
      <QueryContextBar context={context} />
      {metrics.loading && <LoadingPlaceholder text="Looking for span metrics in Prometheus…" />}
      {metrics.error && <DataErrorAlert title="No span metrics to show" error={metrics.error} />}
      {m && (
        <p className={styles.note}>
          Span metrics: {m.scheme.callsMetric} and {m.scheme.latencyMetric} ({m.scheme.histogram} histogram), label{' '}
          <code>{m.scheme.labels.service}</code>.
        </p>
      )}
      {services.error && <DataErrorAlert title="Could not load service stats" error={services.error} />}
      {services.loading && m && <LoadingPlaceholder text="Loading service stats…" />}
      {services.value && services.value.length === 0 && (
        <Alert severity="info" title="No services in this time range">
          Prometheus holds span metrics but none in this time range. Widen the range, or check that the
          metrics-generator (or collector) is remote-writing to this Prometheus.
        </Alert>
      )}
      {services.value && services.value.length > 0 && (
        <section className={styles.section}>
          <h3>Per service</h3>
          <StatsTable
            label="Services"
            rows={services.value}
            slowTracesHref={model.slowTracesHref}
            onSelect={(row) => model.selectService(row.service)}
            selected={service}
          />
        </section>
      )}
      {!(latencyMetrics.error && metrics.error) && (
        <section className={styles.section} aria-label="Self time and critical path">
          <h3>Self time and critical path — all traffic (TraceLens connector)</h3>
          {latencyMetrics.loading && <LoadingPlaceholder text="Looking for the TraceLens connector’s metrics…" />}
          {latencyMetrics.error && (
            <DataErrorAlert title="Could not look for the TraceLens connector’s metrics" error={latencyMetrics.error} />
          )}
          {!latencyMetrics.loading && !latencyMetrics.error && !latencyMetrics.value && (
            <p className={styles.note} data-testid="no-latency-metrics">
              No TraceLens connector metrics in this Prometheus: add the tracelens_latency connector to your
              OpenTelemetry Collector (see <code>collector/README.md</code> in the TraceLens repository) to see self
              time and critical path for all traffic.
            </p>
          )}
          <LatencyBreakdown
            label="Self time and critical path per service"
            per="service"
            rows={latencyServices}
            charts={latencyServiceCharts}
            timeRange={context.range}
            noteClassName={styles.note}
            chartsClassName={styles.charts}
          />
        </section>
      )}
      {graph.error && <DataErrorAlert title="Could not load the service graph" error={graph.error} />}
      {graph.value && (
        <section className={styles.section}>
          <h3>Dependencies</h3>
          <ServiceGraph
            edges={graph.value.edges}
            source={graph.value.source}
            selected={service}
            onSelect={model.selectService}
          />
        </section>
      )}
      {service && (
        <section className={styles.section} aria-label={`Service ${service}`}>
          <h3>
            {service}
            {operation ? ` / ${operation}` : ''}
          </h3>
          <p className={styles.note}>
            {operation
              ? 'Charts for this operation; choose it again in the table to see the whole service.'
              : 'Charts for the whole service; choose an operation in the table to chart it alone.'}
          </p>
          {charts.error && <DataErrorAlert title="Could not load charts" error={charts.error} />}
          {charts.value && (
            <div className={styles.charts}>
              <TimeSeriesChart
                title="Requests per second"
                series={charts.value.rate}
                unit="reqps"
                timeRange={context.range}
              />
              <TimeSeriesChart
                title="Error ratio"
                series={charts.value.errors}
                unit="percent"
                timeRange={context.range}
              />
              <TimeSeriesChart
                title="Latency p50 / p95 / p99"
                series={charts.value.latency}
                unit="s"
                timeRange={context.range}
              />
            </div>
          )}
          {operations.error && <DataErrorAlert title="Could not load operations" error={operations.error} />}
          {operations.value && (
            <StatsTable
              label={`Operations of ${service}`}
              rows={operations.value}
              slowTracesHref={model.slowTracesHref}
              onSelect={model.selectOperation}
              selected={operation}
            />
          )}
          {latencyMetrics.value && (
            <LatencyBreakdown
              label={`Self time and critical path of ${service}’s operations`}
              per="operation"
              rows={latencyOperations}
              charts={latencyOperationCharts}
              timeRange={context.range}
              noteClassName={styles.note}
              chartsClassName={styles.charts}
            />
          )}
          <h4>Exemplars (slowest first)</h4>
          {exemplars.error && <DataErrorAlert title="Could not load exemplars" error={exemplars.error} />}
          {exemplars.value?.length === 0 && (
            <p className={styles.note}>No exemplars for {service} in this time range.</p>
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
