/**
 * The critical-path sections of each span: a counting sort of the analysis' time-ordered sections
 * (its `criticalPath`; pass the `withPathMode` view for another mode) by span, so that a waterfall
 * row finds its span's sections without a scan. `criticalSectionsBySpan` is O(n + sections);
 * `mapCriticalSections` maps one span's sections, O(its sections).
 */
import type { TraceAnalysis } from './analyze';

export interface CriticalSections {
  /** sections of span i: `start/end[offsets[i] .. offsets[i+1]-1]`, ns since trace start */
  offsets: Uint32Array;
  start: Float64Array;
  end: Float64Array;
}

export function criticalSectionsBySpan(analysis: TraceAnalysis): CriticalSections {
  const n = analysis.trace.spanCount;
  const { span, start, end } = analysis.criticalPath;
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < span.length; k++) {
    offsets[span[k] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    offsets[i + 1] += offsets[i];
  }
  const fill = offsets.slice(0, n);
  const s = new Float64Array(span.length);
  const e = new Float64Array(span.length);
  for (let k = 0; k < span.length; k++) {
    const at = fill[span[k]]++;
    s[at] = start[k];
    e[at] = end[k];
  }
  return { offsets, start: s, end: e };
}

/** `f(start, end, j)` for each critical-path section `j` of span `i`, in time order (ns since trace start). */
export function mapCriticalSections<T>(
  sections: CriticalSections,
  i: number,
  f: (start: number, end: number, j: number) => T
): T[] {
  const out: T[] = [];
  for (let k = sections.offsets[i], j = 0; k < sections.offsets[i + 1]; k++, j++) {
    out.push(f(sections.start[k], sections.end[k], j));
  }
  return out;
}
