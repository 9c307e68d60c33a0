/**
 * One row of the trace picker, computed from a parsed trace without analysing it (one pass over
 * the spans, O(spans)): the root is the earliest-starting span without a parent (the earliest span
 * when every span has one, as in a fragment of a trace); the duration runs from the earliest start
 * (time 0) to the latest finite end; the start is the trace's time 0 in epoch ms.
 */
import { nameOf, ParsedTrace, serviceOf, StatusCode } from '../../engine';

export interface PickerRow {
  rootService: string;
  rootName: string;
  spanCount: number;
  errorCount: number;
  /** ns */
  duration: number;
  /** epoch ms */
  startMs: number;
}

export function pickerRow(trace: ParsedTrace): PickerRow {
  let root = -1;
  let earliest = -1;
  let latestEnd = 0;
  let errorCount = 0;
  for (let i = 0; i < trace.spanCount; i++) {
    const start = trace.start[i];
    if (earliest < 0 || start < trace.start[earliest]) {
      earliest = i;
    }
    if (!trace.hasParent[i] && (root < 0 || start < trace.start[root])) {
      root = i;
    }
    if (Number.isFinite(trace.end[i]) && trace.end[i] > latestEnd) {
      latestEnd = trace.end[i];
    }
    errorCount += trace.status[i] === StatusCode.Error ? 1 : 0;
  }
  const top = root >= 0 ? root : earliest;
  return {
    rootService: top >= 0 ? serviceOf(trace, top) : '',
    rootName: top >= 0 ? nameOf(trace, top) : '',
    spanCount: trace.spanCount,
    errorCount,
    duration: latestEnd,
    // the table shows ms: float64 holds an epoch-ns count of this era to within 256 ns
    startMs: Number(trace.startUnixNano) / 1e6,
  };
}
