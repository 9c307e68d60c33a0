/**
 * What views read about one span (or one trace), as plain values, so pages and panels never index
 * the engine's typed-array columns or its string table themselves.
 * Over a `ParsedTrace`: label, kind, status, scope, attributes, events, links; per trace: the
 * services, the error count and the attribute keys. Over a `TraceAnalysis`: the span's effective
 * (skew-clipped) start, end and duration, self time, critical-path time, depth, parent and whether
 * it has children — the times every analysis uses, in ns since the trace start — and the number of
 * critical-path sections.
 * `serviceOf`/`nameOf` (model.ts) and `spanIdOf` (analyze.ts) are accessors too and stay beside
 * the data they read. None of these allocate except those returning lists.
 */
import type { TraceAnalysis } from './analyze';
import { AttrTable, nameOf, ParsedTrace, serviceOf, SPAN_KIND_NAMES, StatusCode } from './model';

export type KeyValue = [key: string, value: string];
export type SpanStatus = 'unset' | 'ok' | 'error';

export interface SpanEvent {
  /** ns since the trace start (may be negative for skewed events) */
  time: number;
  name: string;
  attributes: KeyValue[];
}

export interface SpanLink {
  /** lowercase hex, '' when the producer gave none (a link within this trace) */
  traceId: string;
  spanId: string;
  attributes: KeyValue[];
}

const STATUS: Record<StatusCode, SpanStatus> = {
  [StatusCode.Unset]: 'unset',
  [StatusCode.Ok]: 'ok',
  [StatusCode.Error]: 'error',
};

function keyValues(table: AttrTable, owner: number, strings: readonly string[]): KeyValue[] {
  const out: KeyValue[] = [];
  for (let k = table.offsets[owner]; k < table.offsets[owner + 1]; k++) {
    out.push([strings[table.keys[k]], strings[table.values[k]]]);
  }
  return out;
}

/** `service: name` of span `i`. */
export function spanLabel(trace: ParsedTrace, i: number): string {
  return `${serviceOf(trace, i)}: ${nameOf(trace, i)}`;
}

/** Lowercase span kind name of span `i` (`server`, `client`, …). */
export function spanKindName(trace: ParsedTrace, i: number): string {
  return SPAN_KIND_NAMES[trace.kind[i]] ?? 'unspecified';
}

export function spanStatus(trace: ParsedTrace, i: number): SpanStatus {
  return STATUS[trace.status[i] as StatusCode] ?? 'unset';
}

export function isErrorSpan(trace: ParsedTrace, i: number): boolean {
  return trace.status[i] === StatusCode.Error;
}

/** The status message of span `i` ('' when none). */
export function spanStatusMessage(trace: ParsedTrace, i: number): string {
  return trace.strings[trace.statusMessage[i]];
}

/** Instrumentation scope of span `i` as `name version` ('' when unnamed). */
export function spanScope(trace: ParsedTrace, i: number): string {
  const scope = trace.scope[i];
  return [trace.strings[trace.scopeName[scope]], trace.strings[trace.scopeVersion[scope]]].filter(Boolean).join(' ');
}

/** Span attributes of span `i`, in input order (values as display strings). */
export function spanAttributes(trace: ParsedTrace, i: number): KeyValue[] {
  return keyValues(trace.spanAttrs, i, trace.strings);
}

/** Resource attributes of span `i`'s resource. */
export function resourceAttributes(trace: ParsedTrace, i: number): KeyValue[] {
  return keyValues(trace.resourceAttrs, trace.resource[i], trace.strings);
}

export function spanEvents(trace: ParsedTrace, i: number): SpanEvent[] {
  const { events, strings } = trace;
  const out: SpanEvent[] = [];
  for (let e = events.offsets[i]; e < events.offsets[i + 1]; e++) {
    out.push({ time: events.time[e], name: strings[events.name[e]], attributes: keyValues(events.attrs, e, strings) });
  }
  return out;
}

export function spanLinks(trace: ParsedTrace, i: number): SpanLink[] {
  const { links, strings } = trace;
  const out: SpanLink[] = [];
  for (let l = links.offsets[i]; l < links.offsets[i + 1]; l++) {
    out.push({ traceId: links.traceId[l], spanId: links.spanId[l], attributes: keyValues(links.attrs, l, strings) });
  }
  return out;
}

/** The trace's service names, distinct and sorted. */
export function traceServices(trace: ParsedTrace): string[] {
  const set = new Set<string>();
  for (let r = 0; r < trace.resourceService.length; r++) {
    set.add(trace.strings[trace.resourceService[r]]);
  }
  return [...set].sort();
}

/** How many spans have error status. */
export function errorSpanCount(trace: ParsedTrace): number {
  let errors = 0;
  for (let i = 0; i < trace.spanCount; i++) {
    errors += isErrorSpan(trace, i) ? 1 : 0;
  }
  return errors;
}

/** Attribute keys present on the trace's spans and resources, distinct and sorted. */
export function traceAttributeKeys(trace: ParsedTrace): string[] {
  const { strings, spanAttrs, resourceAttrs } = trace;
  const keys = new Set<string>();
  spanAttrs.keys.forEach((k) => keys.add(strings[k]));
  resourceAttrs.keys.forEach((k) => keys.add(strings[k]));
  return [...keys].sort();
}

/** Effective start of span `i`, ns since the trace start. */
export function spanStart(analysis: TraceAnalysis, i: number): number {
  return analysis.intervals.effStart[i];
}

/** Effective end of span `i`, ns since the trace start. */
export function spanEnd(analysis: TraceAnalysis, i: number): number {
  return analysis.intervals.effEnd[i];
}

/** Effective duration of span `i`, ns. */
export function spanDuration(analysis: TraceAnalysis, i: number): number {
  return analysis.intervals.effEnd[i] - analysis.intervals.effStart[i];
}

/** Time span `i` runs with none of its children running, ns. */
export function spanSelfTime(analysis: TraceAnalysis, i: number): number {
  return analysis.selfTime[i];
}

/** Time span `i` spends on the critical path, ns. */
export function spanCriticalPathTime(analysis: TraceAnalysis, i: number): number {
  return analysis.criticalPath.perSpan[i];
}

/** How many sections the trace's critical path has (a span may hold several, between its children's). */
export function criticalPathSectionCount(analysis: TraceAnalysis): number {
  return analysis.criticalPath.span.length;
}

/** Depth of span `i` in the span tree (roots are 0). */
export function spanDepth(analysis: TraceAnalysis, i: number): number {
  return analysis.tree.depth[i];
}

/** Index of span `i`'s parent, or -1 for a root. */
export function spanParent(analysis: TraceAnalysis, i: number): number {
  return analysis.tree.parent[i];
}

export function hasChildren(analysis: TraceAnalysis, i: number): boolean {
  const { childOffsets } = analysis.tree;
  return childOffsets[i + 1] > childOffsets[i];
}
