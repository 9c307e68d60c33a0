/** A span's details as plain values, read out of the engine's columns for the details pane. */
import {
  AttrTable,
  nameOf,
  ParsedTrace,
  serviceOf,
  SPAN_KIND_NAMES,
  spanIdOf,
  StatusCode,
  TraceAnalysis,
} from '../../engine';

export type KeyValue = [key: string, value: string];

export function attrsOf(table: AttrTable, owner: number, strings: readonly string[]): KeyValue[] {
  const out: KeyValue[] = [];
  for (let k = table.offsets[owner]; k < table.offsets[owner + 1]; k++) {
    out.push([strings[table.keys[k]], strings[table.values[k]]]);
  }
  return out;
}

export interface SpanInfo {
  index: number;
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  kind: string;
  status: 'unset' | 'ok' | 'error';
  statusMessage: string;
  /** ns since trace start */
  start: number;
  duration: number;
  selfTime: number;
  criticalPath: number;
  attributes: KeyValue[];
  resource: KeyValue[];
  scope: string;
  events: Array<{ time: number; name: string; attributes: KeyValue[] }>;
  links: Array<{ traceId: string; spanId: string; attributes: KeyValue[] }>;
}

const STATUS = { [StatusCode.Unset]: 'unset', [StatusCode.Ok]: 'ok', [StatusCode.Error]: 'error' } as const;

export function spanInfo(analysis: TraceAnalysis, i: number): SpanInfo {
  const t: ParsedTrace = analysis.trace;
  const parent = analysis.tree.parent[i];
  const events = [];
  for (let e = t.events.offsets[i]; e < t.events.offsets[i + 1]; e++) {
    events.push({
      time: t.events.time[e],
      name: t.strings[t.events.name[e]],
      attributes: attrsOf(t.events.attrs, e, t.strings),
    });
  }
  const links = [];
  for (let l = t.links.offsets[i]; l < t.links.offsets[i + 1]; l++) {
    links.push({
      traceId: t.links.traceId[l],
      spanId: t.links.spanId[l],
      attributes: attrsOf(t.links.attrs, l, t.strings),
    });
  }
  const scope = t.scope[i];
  return {
    index: i,
    spanId: spanIdOf(t, i),
    parentSpanId: parent >= 0 ? spanIdOf(t, parent) : undefined,
    service: serviceOf(t, i),
    name: nameOf(t, i),
    kind: SPAN_KIND_NAMES[t.kind[i]] ?? 'unspecified',
    status: STATUS[t.status[i] as StatusCode] ?? 'unset',
    statusMessage: t.strings[t.statusMessage[i]],
    start: analysis.intervals.effStart[i],
    duration: analysis.intervals.effEnd[i] - analysis.intervals.effStart[i],
    selfTime: analysis.selfTime[i],
    criticalPath: analysis.criticalPath.perSpan[i],
    attributes: attrsOf(t.spanAttrs, i, t.strings),
    resource: attrsOf(t.resourceAttrs, t.resource[i], t.strings),
    scope: [t.strings[t.scopeName[scope]], t.strings[t.scopeVersion[scope]]].filter(Boolean).join(' '),
    events,
    links,
  };
}
