/**
 * The services page's model hook: reads the selection from the URL (servicesUrl.ts), finds the
 * span metrics for the page's Prometheus, and loads — each when its inputs change, the previous
 * load cancelled — the per-service stats, the dependency edges, and for the selected service its
 * operations, its charts (or one operation's) and its slowest exemplars; and the TraceLens
 * connector's self-time and critical-path breakdown per service (per operation of the selected
 * service) beside a sample of fetched traces, and its time rates over the range, charted
 * (latencyLoaders.ts): everything `ServicesPage`
 * renders, plus the links and URL updates its tables make.
 */
import { ROUTES } from '../../constants';
import { useQueryContext } from '../../app/queryContext';
import { useUrlState } from '../../app/urlState';
import { useAsync } from '../../app/useAsync';
import { useSpanMetrics } from '../../app/useSpanMetrics';
import { pageUrl, traceUrl } from '../../app/links';
import { builderToParams } from '../../app/searchQuery';
import { slowTracesSearch, StatsRow } from './servicesModel';
import { loadDependencies, loadServiceCharts, loadStats } from './serviceLoaders';
import { loadLatencyCharts, loadLatencyMetrics, loadLatencyRows, loadSampleShares } from './latencyLoaders';
import { readServicesUrl, selectOperationPatch, selectServicePatch } from './servicesUrl';

/** exemplar traces listed for the selected service */
const EXEMPLARS = 10;

export function useServicesModel() {
  const context = useQueryContext();
  const { params, update } = useUrlState();
  const url = readServicesUrl(params);
  const { service, operation } = url;
  const metrics = useSpanMetrics(context);
  const m = metrics.value;
  const rangeKey = `${context.promUid}|${context.carry.from}|${context.carry.to}|${m?.scheme.id}`;

  const services = useAsync(m ? rangeKey : undefined, () => loadStats(m!, {}, 'service', context.resolveSeconds()));
  // Dependencies: service graph, else the span metrics' peer label, else the trace source's own API.
  const graph = useAsync(metrics.loading ? undefined : `${rangeKey}|${context.traceUid}`, (signal) =>
    loadDependencies(m, context.source, context.resolveSeconds(), signal)
  );
  const detailKey = m && service ? `${rangeKey}|${service}` : undefined;
  const operations = useAsync(detailKey, () =>
    loadStats(m!, { services: [service] }, 'operation', context.resolveSeconds())
  );
  const charts = useAsync(detailKey && `${detailKey}|${operation ?? ''}`, (signal) =>
    loadServiceCharts(m!, service, operation, context.resolveSeconds(), signal)
  );
  const exemplars = useAsync(detailKey, (signal) =>
    m!.slowestExemplars(service, context.resolveSeconds(), EXEMPLARS, { signal })
  );

  // The TraceLens connector's metrics, detected apart from the span metrics; with them, its
  // breakdown beside the same shares over a sample of fetched traces.
  const promRangeKey = `${context.promUid}|${context.carry.from}|${context.carry.to}`;
  const latencyMetrics = useAsync(promRangeKey, (signal) =>
    loadLatencyMetrics(context.clients.prom, context.resolveSeconds(), signal)
  );
  const lm = latencyMetrics.value;
  const latencyKey = lm && `${promRangeKey}|${lm.scheme.selfTime}|${context.traceUid}`;
  const latencyRows = (svc: string | undefined) => (signal: AbortSignal) => {
    const s = context.resolveSeconds();
    const sample = context.source && loadSampleShares(context.source, svc, s, signal);
    return loadLatencyRows(lm!, sample, svc, s, signal);
  };
  const latencyServices = useAsync(latencyKey, latencyRows(undefined));
  const latencyOperations = useAsync(
    latencyKey && service ? `${latencyKey}|${service}` : undefined,
    latencyRows(service)
  );
  const chartKey = lm && `${promRangeKey}|${lm.scheme.selfTime}|charts`;
  const latencyCharts = (svc: string | undefined) => (signal: AbortSignal) =>
    loadLatencyCharts(lm!, svc, context.resolveSeconds(), signal);
  const latencyServiceCharts = useAsync(chartKey, latencyCharts(undefined));
  const latencyOperationCharts = useAsync(
    chartKey && service ? `${chartKey}|${service}` : undefined,
    latencyCharts(service)
  );

  return {
    context,
    metrics,
    /** '' for none */
    service,
    /** the charted operation of `service`; undefined for the whole service */
    operation,
    services,
    graph,
    operations,
    charts,
    exemplars,
    /** the connector's metrics: undefined value when Prometheus holds none */
    latencyMetrics,
    latencyServices,
    latencyOperations,
    /** the connector's time rates over the range: per service, and per operation of `service` */
    latencyServiceCharts,
    latencyOperationCharts,
    slowTracesHref: (row: StatsRow) =>
      pageUrl(ROUTES.Search, { ...context.carry, ...builderToParams(slowTracesSearch(row)), run: '1' }),
    selectService: (name: string) => update(selectServicePatch(name), { push: true }),
    selectOperation: (row: StatsRow) => update(selectOperationPatch(row.operation, url), { push: true }),
    traceHref: (id: string) => traceUrl(id, context.carry),
  };
}
