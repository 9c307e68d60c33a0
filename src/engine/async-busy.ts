/**
 * The busy/idle split that async Rust services report themselves: `tracing-opentelemetry` records
 * on every span `busy_ns` (time the task was being polled inside the span) and `idle_ns` (time the
 * span was open but not polled), as integers. Per span: both values, read as whole numbers of ns
 * from an int attribute or a string (or a double) holding one. A span reporting them is used only
 * when both are there, neither is negative nor anything but a whole number, and busy + idle is at
 * most the span's reported duration (end − start) plus {@link BUSY_IDLE_SLACK_NS}: tracing-
 * opentelemetry starts its counters (monotonic clock) just before it reads the span's start time
 * (wall clock), in the same call, and stops counting at the span's last exit, before its end, so a
 * sum a little over the duration is normal and a sum far over it does not belong to these times.
 * Otherwise the span is left out with a warning: the span and its {@link BusyIdleProblem}s (codes
 * and the values they are about; the UI words them). Spans reporting neither are listed as lacking
 * them.
 * Per service: the sums over its outermost reporting spans — those with no ancestor of the same
 * service among the used spans — since a span's busy time includes the busy time of the spans
 * entered inside it in the same task, and summing those too would count it twice.
 * O(n + attributes) over the tree's preorder. `reportedBusyIdle` gives only the used spans, at no
 * cost for a trace that names neither attribute (`mayReportBusyIdle`).
 */
import type { TraceAnalysis } from './analyze';
import { SpanAttribute, warnedSpan, WarnedSpan } from './genai-attributes';
import { ParsedTrace, serviceOf } from './model';

export const BUSY_NS = 'busy_ns';
export const IDLE_NS = 'idle_ns';
/** How far busy + idle may exceed the span's duration (see the file header), ns. */
export const BUSY_IDLE_SLACK_NS = 10_000;

/** Why a span's busy_ns/idle_ns were left out (see the file header). */
export type BusyIdleProblem =
  /** the span reports the other value but not this one */
  | { code: 'missing'; attribute: string }
  /** the value is not a whole number (`text`: as sent) */
  | { code: 'not-whole-ns'; attribute: string; text: string }
  | { code: 'negative'; attribute: string; text: string }
  /** busy + idle is more than `slack` over the span's duration (all ns) */
  | { code: 'over-duration'; sum: number; duration: number; slack: number };

export interface BusyIdleWarning extends WarnedSpan {
  /** one per unusable value, or the sum's */
  problems: BusyIdleProblem[];
}

export interface SpanBusyIdle {
  span: number;
  /** ns */
  busy: number;
  idle: number;
}

export interface ServiceAsyncBusyIdle {
  service: string;
  /** spans of the service used (valid values) */
  reporting: number;
  /** spans of the service reporting neither value */
  lacking: number;
  /** spans of the service left out (a warning each) */
  leftOut: number;
  /** ns, summed over its outermost reporting spans */
  busy: number;
  idle: number;
}

export interface AsyncBusyIdle {
  /** the used spans, in span order */
  spans: SpanBusyIdle[];
  /** services with any span, sorted by name */
  services: ServiceAsyncBusyIdle[];
  /** spans reporting neither value */
  lacking: number[];
  /** spans left out, one warning each */
  warnings: BusyIdleWarning[];
}

/** Value of `attr` on span `i` as whole ns, or why it is not usable. */
function readNs(attr: SpanAttribute, i: number): number | BusyIdleProblem {
  const text = attr.text(i);
  if (text === undefined) {
    return { code: 'missing', attribute: attr.name };
  }
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    return { code: 'not-whole-ns', attribute: attr.name, text };
  }
  return value < 0 ? { code: 'negative', attribute: attr.name, text } : value;
}

/** Span `i`'s values, or why they are not usable. */
function readSpan(
  trace: ParsedTrace,
  busyAttr: SpanAttribute,
  idleAttr: SpanAttribute,
  i: number
): SpanBusyIdle | BusyIdleProblem[] {
  const busy = readNs(busyAttr, i);
  const idle = readNs(idleAttr, i);
  if (typeof busy !== 'number' || typeof idle !== 'number') {
    return [busy, idle].filter((v): v is BusyIdleProblem => typeof v !== 'number');
  }
  const duration = trace.end[i] - trace.start[i];
  if (busy + idle > duration + BUSY_IDLE_SLACK_NS) {
    return [{ code: 'over-duration', sum: busy + idle, duration, slack: BUSY_IDLE_SLACK_NS }];
  }
  return { span: i, busy, idle };
}

export function asyncBusyIdle(analysis: TraceAnalysis): AsyncBusyIdle {
  const { trace, tree } = analysis;
  const busyAttr = new SpanAttribute(trace, BUSY_NS);
  const idleAttr = new SpanAttribute(trace, IDLE_NS);
  const used: Array<SpanBusyIdle | null> = new Array(trace.spanCount).fill(null);
  const out: AsyncBusyIdle = { spans: [], services: [], lacking: [], warnings: [] };
  const byService = new Map<string, ServiceAsyncBusyIdle>();
  // rows by resource entry, so a span finds its service's row without hashing the name
  const rowOfResource: Array<ServiceAsyncBusyIdle | undefined> = [];
  const serviceRow = (i: number) => {
    let row = rowOfResource[trace.resource[i]];
    if (!row) {
      const service = serviceOf(trace, i);
      row = byService.get(service) ?? { service, reporting: 0, lacking: 0, leftOut: 0, busy: 0, idle: 0 };
      byService.set(service, row);
      rowOfResource[trace.resource[i]] = row;
    }
    return row;
  };
  // (in most traces no span can report them: the spans' attributes are not looked at then)
  const canReport = busyAttr.inTrace || idleAttr.inTrace;
  for (let i = 0; i < trace.spanCount; i++) {
    if (!canReport || (busyAttr.entry(i) < 0 && idleAttr.entry(i) < 0)) {
      out.lacking.push(i);
      serviceRow(i).lacking++;
      continue;
    }
    const read = readSpan(trace, busyAttr, idleAttr, i);
    if (Array.isArray(read)) {
      out.warnings.push({ ...warnedSpan(trace, i), problems: read });
      serviceRow(i).leftOut++;
      continue;
    }
    used[i] = read;
    out.spans.push(read);
    serviceRow(i).reporting++;
  }
  // Outermost used spans per service: a preorder walk keeping, per service, how many used spans
  // of it are open above the current span.
  // (none when no span is used, as in most traces)
  const openAbove = new Map<string, number>();
  const stack: number[] = [];
  for (const i of out.spans.length > 0 ? tree.preorder : []) {
    while (stack.length > 0 && tree.depth[stack[stack.length - 1]] >= tree.depth[i]) {
      const done = stack.pop()!;
      if (used[done]) {
        openAbove.set(serviceOf(trace, done), openAbove.get(serviceOf(trace, done))! - 1);
      }
    }
    const values = used[i];
    if (values) {
      const service = serviceOf(trace, i);
      const open = openAbove.get(service) ?? 0;
      if (open === 0) {
        const row = serviceRow(i);
        row.busy += values.busy;
        row.idle += values.idle;
      }
      openAbove.set(service, open + 1);
    }
    stack.push(i);
  }
  out.services = [...byService.values()].sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
  return out;
}

/** Whether any span can report busy_ns/idle_ns: the trace's strings hold either name. O(strings). */
export function mayReportBusyIdle(trace: ParsedTrace): boolean {
  return trace.strings.includes(BUSY_NS) || trace.strings.includes(IDLE_NS);
}

/**
 * The spans reporting valid busy_ns/idle_ns, in span order: `asyncBusyIdle`'s `spans`, and no pass
 * over the spans when no span can report them (`mayReportBusyIdle`). O(strings) then, else as
 * asyncBusyIdle.
 */
export function reportedBusyIdle(analysis: TraceAnalysis): SpanBusyIdle[] {
  return mayReportBusyIdle(analysis.trace) ? asyncBusyIdle(analysis).spans : [];
}
