/**
 * The other traces of a trace's request, fetched and stitched with it (engine/stitch.ts).
 *
 * Related traces: for each value the join attribute (default `x_request_id`) has on the trace's
 * spans, a search for traces with a span carrying exactly that value — a structured filter, which
 * the sources turn into TraceQL through the safe builders (Tempo: `{span.x_request_id="…"}`) or
 * into a tag filter (Jaeger: `x_request_id=…`). Jaeger searches one service at a time, so on Jaeger
 * the search runs for every service Jaeger lists, the trace's own first, at most
 * MAX_SEARCHES searches in all (the services left out are counted). With `followLinks`, the traces
 * its spans link to are related too. At most MAX_RELATED traces are fetched, value matches first,
 * then links; the others are counted. Searches cover the trace's time ± SEARCH_MARGIN_S. Traces
 * come through `loadTraces` (6 at a time, cancellable); one that fails is listed and left out.
 * O(searches + fetched traces' spans).
 */
import { DataError, dataError } from '../data';
import { spanAttributes, StitchedTrace, stitchTraces, TraceAnalysis, traceServices } from '../engine';
import type { SearchRange, TraceSource } from '../sources/types';
import { loadTraces } from './load-traces';

export const DEFAULT_JOIN_KEY = 'x_request_id';
/** Traces fetched at most besides the trace itself. */
export const MAX_RELATED = 20;
/** Searches one stitch runs at most (values × services on Jaeger). */
export const MAX_SEARCHES = 30;
/** Distinct join values searched at most. */
export const MAX_VALUES = 5;
const SEARCH_MARGIN_S = 3600;

export interface StitchRequest {
  /** the join attribute; '' joins by links only */
  key: string;
  followLinks: boolean;
}

export type StitchProgress =
  { phase: 'searching'; done: number; total: number } | { phase: 'fetching'; done: number; total: number };

export interface RelatedTraces {
  /** the join attribute's values on the trace's spans, at most MAX_VALUES */
  values: string[];
  /** distinct values beyond MAX_VALUES, not searched */
  valuesLeftOut: number;
  /** trace ids found by value, then by link (without the trace itself), at most MAX_RELATED */
  traceIds: string[];
  /** how many of `traceIds` came from the value searches (the rest from links) */
  byValue: number;
  /** related traces found but not fetched (over MAX_RELATED); `moreMayExist` when a search hit its limit */
  leftOut: number;
  moreMayExist: boolean;
  /** Jaeger: services searched and services left out (over MAX_SEARCHES) */
  services?: { searched: number; leftOut: number };
}

export interface StitchOutcome {
  stitched: StitchedTrace;
  related: RelatedTraces;
  /** related traces that could not be fetched or read */
  failed: Array<{ traceId: string; error: DataError }>;
}

/** Distinct values of span attribute `key` on the trace's spans, in span order. */
export function joinValues(analysis: TraceAnalysis, key: string): string[] {
  const values = new Set<string>();
  for (let i = 0; key !== '' && i < analysis.trace.spanCount; i++) {
    for (const [k, v] of spanAttributes(analysis.trace, i)) {
      if (k === key && v !== '') {
        values.add(v);
      }
    }
  }
  return [...values];
}

/** The trace's time ± SEARCH_MARGIN_S, Unix seconds. */
function searchRange(analysis: TraceAnalysis): SearchRange {
  const startS = Number(BigInt(analysis.trace.startUnixNano || '0') / BigInt(1e9));
  return { start: startS - SEARCH_MARGIN_S, end: startS + Math.ceil(analysis.duration / 1e9) + SEARCH_MARGIN_S };
}

/** The services to search on Jaeger, the trace's own first; undefined (any service) elsewhere. */
async function servicesToSearch(source: TraceSource, analysis: TraceAnalysis, range: SearchRange, signal: AbortSignal) {
  if (source.kind !== 'jaeger') {
    return [undefined];
  }
  const own = traceServices(analysis.trace);
  const listed = await source.services(range, { signal });
  return [...own, ...listed.filter((s) => !own.includes(s))];
}

/** The related traces' ids (see the file header). */
export async function findRelatedTraces(
  source: TraceSource,
  analysis: TraceAnalysis,
  request: StitchRequest,
  signal: AbortSignal,
  onProgress?: (p: StitchProgress) => void
): Promise<RelatedTraces> {
  const allValues = joinValues(analysis, request.key);
  const values = allValues.slice(0, MAX_VALUES);
  const range = searchRange(analysis);
  const services = values.length > 0 ? await servicesToSearch(source, analysis, range, signal) : [];
  const servicesSearched = Math.min(services.length, Math.floor(MAX_SEARCHES / Math.max(values.length, 1)));
  const searches = values.flatMap((value) =>
    services.slice(0, servicesSearched).map((service) => ({ value, service }))
  );
  const found = new Set<string>();
  let moreMayExist = false;
  let done = 0;
  onProgress?.({ phase: 'searching', done, total: searches.length });
  for (const { value, service } of searches) {
    const filter = { service, spanAttributes: { [request.key]: value } };
    const hits = await source.search({ filter }, { ...range, limit: MAX_RELATED + 1 }, { signal });
    moreMayExist ||= hits.length > MAX_RELATED;
    hits.forEach((h) => h.traceId !== analysis.trace.traceId && found.add(h.traceId));
    onProgress?.({ phase: 'searching', done: ++done, total: searches.length });
  }
  const byValue = [...found];
  const byLink = request.followLinks
    ? analysis.unfollowedLinks.otherTraceIds.filter((id) => !found.has(id) && id !== analysis.trace.traceId)
    : [];
  const all = [...byValue, ...byLink];
  return {
    values,
    valuesLeftOut: allValues.length - values.length,
    traceIds: all.slice(0, MAX_RELATED),
    byValue: Math.min(byValue.length, MAX_RELATED),
    leftOut: Math.max(0, all.length - MAX_RELATED),
    moreMayExist,
    services:
      source.kind === 'jaeger'
        ? { searched: servicesSearched, leftOut: services.length - servicesSearched }
        : undefined,
  };
}

/** Finds the related traces, fetches them and stitches them with `analysis` (the trace first). */
export async function loadStitched(
  source: TraceSource,
  analysis: TraceAnalysis,
  request: StitchRequest,
  signal: AbortSignal,
  onProgress?: (p: StitchProgress) => void
): Promise<StitchOutcome> {
  const cancelled = () => dataError('stitch-cancelled', { traceId: analysis.trace.traceId });
  const related = await findRelatedTraces(source, analysis, request, signal, onProgress);
  const results = await loadTraces(source, related.traceIds, {
    signal,
    range: searchRange(analysis),
    onResult: (_id, _result, { done, total }) => onProgress?.({ phase: 'fetching', done, total }),
  });
  if (signal.aborted) {
    throw cancelled();
  }
  const failed: StitchOutcome['failed'] = [];
  const traces = [analysis.trace];
  for (const [traceId, result] of results) {
    if (result instanceof DataError) {
      failed.push({ traceId, error: result });
    } else {
      traces.push(result.analysis.trace);
    }
  }
  return { stitched: stitchTraces(traces), related, failed };
}
