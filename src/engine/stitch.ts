/**
 * Stitching: several traces of one request (context lost between processes leaves disconnected
 * traces, joined only by a request id or by span links) analysed as one trace.
 *
 * Rule. The stitched trace holds the spans of every trace (the first given trace's id names it;
 * each span keeps its own trace, `spanTrace`). Span ids are per trace: ids that two traces share
 * are renamed in the later one (stitch-ids.ts), so no span joins another trace's span by an id
 * coincidence. A root of a trace (no parent, or a parent its trace lacks) with a link to a span of
 * another stitched trace becomes that span's child — its first such link decides, and the link is
 * used up (it no longer counts as a link no path follows). Like any child it is synchronous when
 * it ends within its new parent (the caller waited for it: the context was lost, not the call),
 * and async when it outlives it, so the critical path enters it in both modes in the first case
 * and in `async` mode in the second (critical-path.ts). A trace with no such link stays a root of
 * its own (a trace with several roots). Times share one time zero, the earliest start of any
 * trace. Then `analyzeTrace` as for any trace.
 * Worked example (µs): trace A is R [0,100] → C [10,90] (a CLIENT call); trace B, 5 µs later in
 * absolute time, is S [0,70] linking to C. Stitched: S is C's child at [15,85]; C's self time is
 * 90 − 10 − 70 = 10 instead of 80, and the critical path runs R[0,10] C[10,15] S[15,85] C[85,90]
 * R[90,100].
 * O(spans + links + attributes + events + strings) (stitch-merge.ts), then analyzeTrace's.
 */
import { analyzeTrace, TraceAnalysis } from './analyze';
import { decodeHexId, IdHalves } from './ids';
import { ParsedTrace } from './model';
import { idKey, IdRenaming, renameIds } from './stitch-ids';
import { JoinedRoot, mergeTraces } from './stitch-merge';

/** A root joined under a span of another trace by its link; span indexes of the stitched trace. */
export interface StitchLink {
  span: number;
  parent: number;
}

export interface StitchedTrace {
  analysis: TraceAnalysis;
  /** the stitched traces' ids, the first given first (each once) */
  traceIds: readonly string[];
  /** per span of the stitched trace, its trace's index in `traceIds` */
  spanTrace: Uint32Array;
  /** the roots that joined a span of another trace, in trace order */
  links: readonly StitchLink[];
}

/** Span id keys of a trace. */
function spanIdSet(t: ParsedTrace): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i < t.spanCount; i++) {
    ids.add(idKey(t.idHi[i], t.idLo[i]));
  }
  return ids;
}

/** The joined roots of trace `k` (see the file header): local span index → its new parent. */
function joinsOf(
  k: number,
  traces: readonly ParsedTrace[],
  spanIds: ReadonlyArray<Set<string>>,
  traceIndex: ReadonlyMap<string, number>,
  renamings: readonly IdRenaming[]
): Map<number, JoinedRoot> {
  const t = traces[k];
  const joins = new Map<number, JoinedRoot>();
  const id: IdHalves = { hi: 0, lo: 0, ok: false };
  for (let i = 0; i < t.spanCount; i++) {
    if (t.hasParent[i] && spanIds[k].has(idKey(t.parentHi[i], t.parentLo[i]))) {
      continue;
    }
    for (let l = t.links.offsets[i]; l < t.links.offsets[i + 1]; l++) {
      const j = traceIndex.get(t.links.traceId[l]);
      const sid = t.links.spanId[l];
      decodeHexId(sid, 0, sid.length, id);
      if (j !== undefined && j !== k && id.ok && spanIds[j].has(idKey(id.hi, id.lo))) {
        const [parentHi, parentLo] = renamings[j].get(idKey(id.hi, id.lo)) ?? [id.hi, id.lo];
        joins.set(i, { parentHi, parentLo, link: l });
        break;
      }
    }
  }
  return joins;
}

/**
 * Stitches `traces` (the one the user opened first) into one analysed trace (see the file header).
 * A trace given twice (same id) counts once. Throws when given no trace.
 */
export function stitchTraces(given: readonly ParsedTrace[]): StitchedTrace {
  const traces = given.filter((t, k) => given.findIndex((u) => u.traceId === t.traceId) === k);
  if (traces.length === 0) {
    throw new Error('stitchTraces needs at least one trace');
  }
  const traceIndex = new Map(traces.map((t, k) => [t.traceId, k]));
  const renamings = renameIds(traces);
  const spanIds = traces.map(spanIdSet);
  const joins = traces.map((_, k) => joinsOf(k, traces, spanIds, traceIndex, renamings));
  const analysis = analyzeTrace(mergeTraces({ traces, renamings, joins, traceIndex }));
  const spanTrace = new Uint32Array(analysis.trace.spanCount);
  const links: StitchLink[] = [];
  let base = 0;
  traces.forEach((t, k) => {
    spanTrace.fill(k, base, base + t.spanCount);
    for (const i of joins[k].keys()) {
      links.push({ span: base + i, parent: analysis.tree.parent[base + i] });
    }
    base += t.spanCount;
  });
  return { analysis, traceIds: traces.map((t) => t.traceId), spanTrace, links };
}
