/** A span's details as plain values, read through the engine's span accessors for the details pane. */
import {
  KeyValue,
  nameOf,
  resourceAttributes,
  serviceOf,
  spanAttributes,
  spanCriticalPathTime,
  spanDuration,
  SpanEvent,
  spanEvents,
  spanIdOf,
  spanKindName,
  spanLabel,
  SpanLink,
  spanLinks,
  spanParent,
  spanScope,
  spanSelfTime,
  spanStart,
  SpanStatus,
  spanStatus,
  spanStatusMessage,
  TraceAnalysis,
} from '../../engine';

export interface SpanInfo {
  index: number;
  spanId: string;
  parentSpanId?: string;
  /** the span's own trace, when the page shows several stitched together */
  traceId?: string;
  /** `service: name` */
  label: string;
  service: string;
  name: string;
  kind: string;
  status: SpanStatus;
  statusMessage: string;
  /** ns since trace start */
  start: number;
  duration: number;
  selfTime: number;
  criticalPath: number;
  attributes: KeyValue[];
  resource: KeyValue[];
  scope: string;
  events: SpanEvent[];
  links: SpanLink[];
}

/** Span `i`'s details; `traceId` names its own trace in a stitched trace. */
export function spanInfo(analysis: TraceAnalysis, i: number, traceId?: string): SpanInfo {
  const t = analysis.trace;
  const parent = spanParent(analysis, i);
  return {
    index: i,
    spanId: spanIdOf(t, i),
    parentSpanId: parent >= 0 ? spanIdOf(t, parent) : undefined,
    traceId,
    label: spanLabel(t, i),
    service: serviceOf(t, i),
    name: nameOf(t, i),
    kind: spanKindName(t, i),
    status: spanStatus(t, i),
    statusMessage: spanStatusMessage(t, i),
    start: spanStart(analysis, i),
    duration: spanDuration(analysis, i),
    selfTime: spanSelfTime(analysis, i),
    criticalPath: spanCriticalPathTime(analysis, i),
    attributes: spanAttributes(t, i),
    resource: resourceAttributes(t, i),
    scope: spanScope(t, i),
    events: spanEvents(t, i),
    links: spanLinks(t, i),
  };
}
