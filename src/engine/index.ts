/**
 * TraceLens analysis engine — public API.
 *
 * Units: every duration and timestamp is a float64 number of **nanoseconds**; timestamps are
 * relative to the trace's earliest span start (`ParsedTrace.startUnixNano` holds that instant
 * as exact decimal Unix ns). Relative ns stay exact integers for traces up to 104 days long.
 * Span ids are exposed as lowercase hex strings.
 *
 * Pipeline: `parseOtlpTrace(text)` or `traceFromDataFrame(frame)` → `analyzeTrace(trace)` (both
 * critical-path modes; `withPathMode(analysis, 'sync')` views the synchronous one) →
 * `breakdown(analysis, groupBy)`, `serviceBusyIdle`, `crossServiceGaps`; over many traces
 * `aggregateTraces`, `callTreeToFlameFrames`, `compareTraceSets`, `diffCallTrees` (node-by-node call-tree
 * diff) and `callTreeDiffToFlameFrames` (the first, third and fourth also trace by trace, as traces
 * arrive: `TraceSetAccumulator`, `TraceSetComparer`, `CallTreeDiffAccumulator`); for Prometheus histograms
 * `histogramQuantile` and `percentileRank`.
 * Views read spans through span-accessors.ts (`spanLabel`, `spanDuration`, `spanAttributes`, …).
 * Jaeger: `parseOtlpTrace` also reads v3 `{"result":…}` bodies, `parseJaegerTrace(text)` v1 `{"data":[…]}` bodies.
 * Files: `readTraceFile(text)` detects OTLP/JSON (also JSON Lines and snake_case protobuf-JSON),
 * Jaeger JSON or Zipkin v2 and reads every trace in it; `toOtlpJson(trace)` writes one as OTLP/JSON.
 */
export { TraceParseError } from './errors';
export type { FilePlace, ParseErrorValues, ParseErrorWords, ValueShape } from './parse-errors';
export type { AttrTable, EventTable, LinkTable, ParsedTrace } from './model';
export { AttrType, NO_SERVICE_NAME, nameOf, serviceOf, SPAN_KIND_NAMES, SpanKind, StatusCode } from './model';
export { parseOtlpTrace } from './otlp';
export { otlpJsonPieces } from './otlp-json';
export type { OtlpJsonPieces } from './otlp-json';
export { parseJaegerTrace } from './jaeger-json';
export type { TraceFile, TraceFileFormat } from './trace-file';
export { readTraceFile } from './trace-file';
export { toOtlpJson } from './otlp-writer';
export { traceFromDataFrame } from './frame';
export type { CriticalPathSection, TraceAnalysis } from './analyze';
export { analyzeTrace, criticalPathSections, selfIntervals, spanIdOf, withPathMode } from './analyze';
export type { KeyValue, SpanEvent, SpanLink, SpanStatus } from './span-accessors';
export {
  criticalPathSectionCount,
  errorSpanCount,
  hasChildren,
  isErrorSpan,
  resourceAttributes,
  spanAttributes,
  spanCriticalPathTime,
  spanDepth,
  spanDuration,
  spanEnd,
  spanEvents,
  spanKindName,
  spanLabel,
  spanLinks,
  spanParent,
  spanScope,
  spanSelfTime,
  spanStart,
  spanStatus,
  spanStatusMessage,
  traceAttributeKeys,
  traceServices,
} from './span-accessors';
export type { SpanTree } from './tree';
export { FLAG_ASYNC, FLAG_CYCLE, FLAG_DUPLICATE_ID, FLAG_ORPHAN, FLAG_OUTLIVES_PARENT, FLAG_SKEW } from './tree';
export type { EffectiveIntervals } from './clip';
export type { CriticalPath, PathMode } from './critical-path';
export type { PathGap } from './path-gaps';
export type { UnfollowedLinks } from './links';
export type { TraceWarning, TraceWarningKind } from './warnings';
export { inputTraceWarning } from './warnings';
export type { InputWarning, InputWarningCode, InputWarningValues } from './input-warnings';
export { inputWarning } from './input-warnings';
export type { GroupBy, GroupKind } from './grouping';
export { MODEL_ATTRIBUTES, NONE_LABEL } from './grouping';
export { commonKeysFirst, SUGGESTED_GROUP_KEYS } from './group-keys';
export type { BreakdownRow } from './breakdown';
export { breakdown } from './breakdown';
export type { ServiceBusyIdle, ServiceBusyIdleSums } from './busy-idle';
export { serviceBusyIdle, sumServiceBusyIdle } from './busy-idle';
export type { ServiceGap } from './gaps';
export { crossServiceGaps } from './gaps';
export type { Percentiles } from './percentile';
export type {
  AggregateColumns,
  AggregateOptions,
  AggregateOther,
  AggregateRow,
  AggregateSums,
  TraceSetAggregate,
} from './aggregate';
export { aggregateTraces, TraceSetAccumulator } from './aggregate';
export type { CallTree, CallTreeLimits, CallTreeShape, NodeColumns } from './call-tree';
export type { FlameFrameColumns, FlameFrames, FlameMeasure } from './flame';
export { callTreeToFlameFrame, callTreeToFlameFrames, FLAME_MEASURES, nodeLabel } from './flame';
export type { CallTreeDiff, CallTreeDiffSide } from './call-tree-diff';
export { CallTreeDiffAccumulator, diffCallTrees } from './call-tree-diff';
export { callTreeDiffToFlameFrames } from './flame-diff';
export type { ComparisonOther, ComparisonRow, SideStats, TraceSetComparison } from './compare';
export { compareTraceSets, TraceSetComparer } from './compare';
export type { HistogramBucket } from './histogram';
export { histogramQuantile, percentileRank } from './histogram';
export type { FoldedGroup, Pruning, PrunedRows } from './prune';
export type { CriticalSections } from './critical-sections';
export { criticalSectionsBySpan, mapCriticalSections } from './critical-sections';
export type { SummaryParts } from './summary-parts';
export { summaryParts } from './summary-parts';
export { foldedAncestors, foldedGroup, PRUNE_SELF_FRACTION, prunedRows, pruneTrace, selfTimeHotspots } from './prune';
export { searchSpans } from './trace-search';
// LLM, agent and async-task figures (DEFINITIONS.md §6): `genAiReadings` per GenAI span, `aggregateGenAi`
// per model and operation, `disaggSplit` of a disaggregated request, `agentSplits` per invoke_agent run,
// `agentPaths` the critical path through its steps and `compareAgentRuns` slow vs baseline runs,
// `asyncBusyIdle` (and `reportedBusyIdle`, its used spans only) from tracing-opentelemetry's busy_ns/idle_ns.
export type { WarnedSpan } from './genai-attributes';
export type { GenAiProblem, GenAiReading, GenAiReadings, GenAiWarning } from './genai';
export { FIRST_TOKEN_EVENT, genAiReadings, MODEL_OPERATIONS, OPERATION_ATTRIBUTE, TTFT_ATTRIBUTE } from './genai';
export type { GenAiRow } from './genai-aggregate';
export { aggregateGenAi } from './genai-aggregate';
export type { DisaggSplit } from './genai-disagg';
export { DISAGG_ROLE, disaggSplit } from './genai-disagg';
export type { AgentSplit, AgentToolTime } from './agent';
export { agentSplits } from './agent';
export type { AgentRunPath } from './agent-path';
export { agentPaths } from './agent-path';
export type { AgentComparison, AgentCompareRow, AgentPartKind, AgentPartStats, AgentSides } from './agent-compare';
export { AgentRunComparer, compareAgentRuns } from './agent-compare';
export type { AsyncBusyIdle, BusyIdleProblem, BusyIdleWarning, ServiceAsyncBusyIdle, SpanBusyIdle } from './async-busy';
export { asyncBusyIdle, BUSY_IDLE_SLACK_NS, BUSY_NS, IDLE_NS, mayReportBusyIdle, reportedBusyIdle } from './async-busy';
// GenAI rows folded in trace by trace (aggregateGenAi's incremental form)
export { GenAiAccumulator } from './genai-accumulator';
// Disconnected traces of one request analysed as one (stitch.ts).
export type { StitchedTrace, StitchLink } from './stitch';
export { stitchTraces } from './stitch';
