/** TraceLens app settings, stored in the app's jsonData through Grafana's plugin settings API. */
import type { SchemeId } from '../data';

export interface AppSettings {
  /**
   * UID of the trace datasource (Tempo or Jaeger) the pages query by default; pages take another
   * from their URL (`ds`). The key keeps its name from when TraceLens read only Tempo.
   */
  tempoDatasourceUid?: string;
  /** UID of the Prometheus datasource holding span metrics. */
  prometheusDatasourceUid?: string;
  /** Span-metrics naming scheme; "auto" detects it from what Prometheus holds. */
  spanMetricsScheme?: SpanMetricsSchemeSetting;
  /**
   * Traces fetched for one comparison by default: the compare page's search (half each in its
   * two-queries mode); a comparison can raise it from its coverage line up to
   * MAX_TRACES_FOR_AGGREGATE. The breakdown panel has its own option, capped at MAX_TRACES_PER_PANEL.
   */
  maxTracesForAggregate?: number;
}

export type SpanMetricsSchemeSetting = 'auto' | SchemeId;

/**
 * Highest `maxTracesForAggregate` the configuration page accepts, and the most a comparison's
 * coverage line raises it to: 5,000 traces of 200 spans load (6 at a time) and fold in as they
 * arrive within a browser tab's budget (`npm run bench` measures it).
 */
export const MAX_TRACES_FOR_AGGREGATE = 5000;

export const DEFAULT_SETTINGS: Required<Omit<AppSettings, 'tempoDatasourceUid' | 'prometheusDatasourceUid'>> = {
  spanMetricsScheme: 'auto',
  maxTracesForAggregate: 200,
};

/** What is wrong with a typed traces limit: not a whole number, or outside 1…MAX_TRACES_FOR_AGGREGATE; undefined when nothing is. */
export function validateMaxTraces(value: string): 'not-integer' | 'out-of-range' | undefined {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) {
    return 'not-integer';
  }
  const n = Number(trimmed);
  return n < 1 || n > MAX_TRACES_FOR_AGGREGATE ? 'out-of-range' : undefined;
}
