/**
 * Span links and the critical path. A link from a span to its own parent in the same trace (a link
 * with no trace id counts as the same trace) is Jaeger's FOLLOWS_FROM: it makes the span async
 * (tree.ts), and the `async` path follows it. Every other link is *not followed* by either path:
 * a link into another trace (stitch.ts joins such traces first, into one trace) or to a span of this trace
 * that is not the linking span's parent (e.g. a batch consumer linking to each message's
 * producer). `unfollowedLinks` counts both kinds and lists the other traces' ids. O(n + links).
 */
import { decodeHexId, IdHalves } from './ids';
import { ParsedTrace } from './model';

/** The links of a trace that neither critical path follows. */
export interface UnfollowedLinks {
  /** links to a span of this trace other than the linking span's parent */
  readonly sameTrace: number;
  /** links into another trace */
  readonly otherTrace: number;
  /** the other traces' ids (lowercase hex), each once, in the order first linked */
  readonly otherTraceIds: readonly string[];
}

/** Whether link `l` is into the trace itself: its trace id is absent or the trace's own. */
function inTrace(trace: ParsedTrace, l: number): boolean {
  const id = trace.links.traceId[l];
  return id === '' || id === trace.traceId;
}

/** Whether link `l` points at span `p` of the same trace; `id` is scratch space. */
export function linkPointsAt(trace: ParsedTrace, l: number, p: number, id: IdHalves): boolean {
  const spanId = trace.links.spanId[l];
  decodeHexId(spanId, 0, spanId.length, id);
  return id.ok && inTrace(trace, l) && id.hi === trace.idHi[p] && id.lo === trace.idLo[p];
}

/** Counts the links no path follows (see the file header); `parent` is the span tree's. */
export function unfollowedLinks(trace: ParsedTrace, parent: Int32Array): UnfollowedLinks {
  const { offsets, traceId } = trace.links;
  const id: IdHalves = { hi: 0, lo: 0, ok: false };
  const others = new Set<string>();
  let sameTrace = 0;
  let otherTrace = 0;
  for (let i = 0; i < trace.spanCount; i++) {
    for (let l = offsets[i]; l < offsets[i + 1]; l++) {
      if (!inTrace(trace, l)) {
        otherTrace++;
        others.add(traceId[l]);
      } else if (parent[i] < 0 || !linkPointsAt(trace, l, parent[i], id)) {
        sameTrace++;
      }
    }
  }
  return { sameTrace, otherTrace, otherTraceIds: [...others] };
}
