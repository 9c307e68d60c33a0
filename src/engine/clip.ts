/**
 * Effective span intervals used by every timing analysis, and clock-skew detection.
 *
 * Definitions (applied top-down in pre-order, so a parent is settled before its children):
 * - A child cannot start before its parent: `effStart = max(start, parent.effStart)`.
 * - A synchronous call cannot outlive its caller: for a SERVER span whose parent is a CLIENT
 *   span, the interval is also clipped to end by the parent's end. Both cases are clock skew
 *   between hosts and are reported as `clockSkew`.
 * - Any other child may legitimately end after its parent (fire-and-forget work, a CONSUMER
 *   of a PRODUCER): it keeps its end, is flagged `childOutlivesParent`, and the analyses handle it
 *   (self time clips children to the parent; the critical path treats it as async work and takes it
 *   only for the time after its parent ended, see critical-path.ts).
 * O(n).
 * Definitions: src/engine/DEFINITIONS.md (shared with the Collector connector in collector/).
 */
import { ParsedTrace, SpanKind } from './model';
import { FLAG_OUTLIVES_PARENT, FLAG_SKEW, SpanTree } from './tree';
import { TraceWarning, WarningTally } from './warnings';

export interface EffectiveIntervals {
  /** ns since trace start */
  readonly effStart: Float64Array;
  readonly effEnd: Float64Array;
}

/** Computes effective intervals, sets skew/outlive flags on `tree.flags` and reports them. */
export function clipIntervals(trace: ParsedTrace, tree: SpanTree, warnings: TraceWarning[]): EffectiveIntervals {
  const n = trace.spanCount;
  const { start, end, kind } = trace;
  const { parent, preorder, flags } = tree;
  const effStart = new Float64Array(n);
  const effEnd = new Float64Array(n);
  const skewed = new WarningTally(trace);
  const outliving = new WarningTally(trace);
  for (let k = 0; k < n; k++) {
    const x = preorder[k];
    const p = parent[x];
    let s = start[x];
    let e = end[x];
    if (p >= 0) {
      const ps = effStart[p];
      const pe = effEnd[p];
      const sync = kind[p] === SpanKind.Client && kind[x] === SpanKind.Server;
      const skew = s < ps || (sync && e > pe);
      if (s < ps) {
        s = ps;
      }
      if (sync && e > pe) {
        e = pe;
        s = Math.min(s, pe);
      }
      if (skew) {
        flags[x] |= FLAG_SKEW;
        skewed.add(x);
      } else if (e > pe) {
        flags[x] |= FLAG_OUTLIVES_PARENT;
        outliving.add(x);
      }
    }
    effStart[x] = s;
    effEnd[x] = e < s ? s : e;
  }
  skewed.report(
    warnings,
    'clockSkew',
    (c) =>
      `${c} span(s) start before their parent or (as a server) end after their client; clipped to the parent for analysis`
  );
  outliving.report(
    warnings,
    'childOutlivesParent',
    (c) => `${c} span(s) end after their parent (asynchronous work); kept as they are`
  );
  return { effStart, effEnd };
}
