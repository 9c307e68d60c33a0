/**
 * The loading service: traces from a TraceSource (Tempo or Jaeger), read by format and analysed,
 * one ({@link loadTrace}) or many with bounded concurrency ({@link loadTraces}). Pages and the
 * panel load traces only through here.
 */
export type { LoadedTrace, LoadOptions, LoadWarning, PartialTraceWarning } from './load-trace';
export type { LoadProgress } from './worker/wire';
export { loadTrace } from './load-trace';
export { prestartAnalysisWorker } from './analyze-fetched';
export type { LoadTracesOptions, TraceResult } from './load-traces';
export { DEFAULT_CONCURRENCY, forEachBounded, loadTraces } from './load-traces';
export { readTrace } from './read-trace';
export { HOTSPOT_COUNT, isHugeTrace, SUMMARY_SPAN_THRESHOLD } from './huge-trace';
