/**
 * TraceLens data layer — public API. Reach Tempo and Prometheus through a {@link Transport}
 * (Grafana's datasource proxy in the app, plain fetch in tests and the browser harness), wrap it
 * in the Tempo or Prometheus client, detect the span-metrics scheme and query it. Every failure
 * is a {@link DataError} whose `kind` says what went wrong and whose message says it to people.
 */
export type { DataErrorKind } from './errors';
export { DataError, dataError, partialTraceWarning } from './errors';
export { targetText } from './errorWords';
export type { ErrorReason, ErrorValues, ErrorWords, TargetParts, Where } from './errorWords';
export type { QueryParams, RequestOptions, TraceStream, Transport, WorkerFetch } from './transport';
export { createFetchTransport } from './fetch-transport';
export type { UnixSecondsRange } from './unix-seconds-range';
export type { FetchedTrace, SearchOptions, TagScope, TempoClient } from './tempo/client';
export { createTempoClient } from './tempo/client';
export type * from './tempo/types';
export type { PrometheusClient } from './prometheus/client';
export { createPrometheusClient, sampleNumber } from './prometheus/client';
export type * from './prometheus/types';
export type { SchemeDetection, SchemeId, ServiceGraphScheme, SpanMetricsScheme } from './spanmetrics/scheme';
export { detectScheme, PRESET_SCHEMES } from './spanmetrics/scheme';
export type { MetricsGrouping, SpanMetricsFilter } from './spanmetrics/queries';
export { latencySelector } from './spanmetrics/queries';
export type {
  Exemplar,
  GroupValue,
  LatencyBucket,
  NamedSeries,
  OverTime,
  Points,
  ServiceGraphEdge,
  SpanMetrics,
  Window,
} from './spanmetrics/spanmetrics';
export { createSpanMetrics } from './spanmetrics/spanmetrics';
export type { EdgeCandidates, EdgeSource, SourcedEdges } from './spanmetrics/edges';
export { pickDependencyEdges } from './spanmetrics/edges';
export type { AttributeScope, SpanFilter } from './queries/traceql';
export { traceqlAttribute, traceqlDuration, traceqlEquals, traceqlFilter } from './queries/traceql';
export type { JaegerClient, JaegerFetchedTrace, JaegerSearchParams } from './jaeger/client';
export { createJaegerClient } from './jaeger/client';
export { goDuration } from './jaeger/duration';
export type * from './jaeger/types';
export type { LatencyMetricsDetection, LatencyMetricsScheme } from './latencymetrics/scheme';
export { detectLatencyMetrics, latencyMetricsNames } from './latencymetrics/scheme';
export type { LatencyMeasure, LatencyMetricsFilter } from './latencymetrics/queries';
export type {
  ConnectorCounters,
  LatencyBreakdownRow,
  LatencyMetrics,
  LatencyOverTime,
  MeasureStats,
} from './latencymetrics/latencymetrics';
export { createLatencyMetrics } from './latencymetrics/latencymetrics';
