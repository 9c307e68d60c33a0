/** The span metrics of the page's Prometheus, loaded by `loadSpanMetrics` once per datasource and setting. */
import { useAppSettings } from './AppSettingsContext';
import { loadSpanMetrics } from './loadSpanMetrics';
import { QueryContext } from './queryContext';
import { useAsync } from './useAsync';

export function useSpanMetrics(context: QueryContext) {
  const setting = useAppSettings().spanMetricsScheme ?? 'auto';
  return useAsync(`${context.promUid}|${setting}`, (signal) => loadSpanMetrics(context.clients.prom, setting, signal));
}
