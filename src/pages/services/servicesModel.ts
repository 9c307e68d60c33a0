/**
 * Services page view model: per-service (or per-operation) stats joined from separate span-metrics
 * queries (O(rows · log rows)), the search a row's "Show slow traces" asks for, and what the service
 * graph says about where its edges come from (its layout is serviceGraphLayout.ts).
 */
import type { EdgeSource, GroupValue } from '../../data';
import type { BuilderState } from '../../app/searchQuery';
import { t } from '@grafana/i18n';

export interface StatsRow {
  service: string;
  operation?: string;
  /** calls per second */
  rate: number;
  /** 0..1 */
  errorRatio: number;
  /** seconds; NaN when unknown */
  p50: number;
  p95: number;
  p99: number;
}

const rowKey = (v: { service: string; operation?: string }) => `${v.service}\u0000${v.operation ?? ''}`;

/** One row per group present in the rates, the other measures joined by group (NaN or 0 when missing). */
export function joinStats(
  rates: GroupValue[],
  errors: GroupValue[],
  p50: GroupValue[],
  p95: GroupValue[],
  p99: GroupValue[]
): StatsRow[] {
  const index = (values: GroupValue[]) => new Map(values.map((v) => [rowKey(v), v.value]));
  const [e, a, b, c] = [index(errors), index(p50), index(p95), index(p99)];
  return rates
    .map((r) => ({
      service: r.service,
      ...(r.operation !== undefined ? { operation: r.operation } : {}),
      rate: r.value,
      errorRatio: e.get(rowKey(r)) ?? 0,
      p50: a.get(rowKey(r)) ?? NaN,
      p95: b.get(rowKey(r)) ?? NaN,
      p99: c.get(rowKey(r)) ?? NaN,
    }))
    .sort((x, y) => x.service.localeCompare(y.service) || (x.operation ?? '').localeCompare(y.operation ?? ''));
}

/**
 * The search for a row's slow traces: its service's (and operation's) spans longer than the row's
 * p95, in ms rounded to the µs; no minimum when the p95 is unknown.
 */
export const slowTracesSearch = (row: StatsRow): BuilderState => ({
  service: row.service,
  spanName: row.operation,
  minMs: Number.isFinite(row.p95) ? Math.round(row.p95 * 1e6) / 1e3 : undefined,
  attrs: [],
});

/** The one line under the graph saying where its edges come from and what they measure. */
export function edgeSourceText(source: EdgeSource): string {
  switch (source) {
    case 'service-graph':
      return t(
        'services.graph.source-service-graph',
        'Edges from service-graph metrics (traces_service_graph_*): requests, failures and the server side’s p95.'
      );
    case 'span-metrics-peer':
      return t(
        'services.graph.source-span-metrics',
        'Edges from span metrics of client spans with a peer-service label: calls, errors and the client side’s p95.'
      );
    case 'jaeger-dependencies':
      return t(
        'services.graph.source-jaeger',
        'Edges from Jaeger’s dependencies API: call counts over the time range only, no errors or latency.'
      );
    case 'none':
      return t(
        'services.graph.source-none',
        'No dependency edges in this time range: no service-graph metrics, no client spans with a peer-service label, and no dependencies from the trace source.'
      );
  }
}

/** Which side of the call the edge latency is measured on. */
export const edgeLatencyTitle = (source: EdgeSource) =>
  source === 'span-metrics-peer'
    ? t('services.graph.client-p95', 'Client p95')
    : t('services.graph.server-p95', 'Server p95');
