/**
 * Search page view model, for Tempo and Jaeger alike (what the URL asks for is searchUrl.ts):
 * result rows from search hits (O(services) each), their order, each row's lazily filled cell from
 * its loaded trace (self time per service, warnings; made once per trace as it arrives), what the "Compare slow vs rest" link carries
 * and whether the form can run.
 */
import { DataError } from '../../data';
import { breakdown } from '../../engine';
import type { LoadWarning, TraceResult } from '../../loading';
import type { SourceKind, TraceHit } from '../../sources/types';
import type { ServiceSegment } from '../../components/ServiceBar';
import { errorText } from '../../components/errorText';
import { BuilderState, builderToTraceql } from '../../app/searchQuery';
import type { PageQuery, SearchMode } from './searchUrl';

export interface ResultRow {
  traceId: string;
  rootService: string;
  rootName: string;
  /** epoch ms */
  startMs: number;
  durationMs: number;
  spanCount: number;
  errorCount: number;
}

export interface BreakdownCell {
  segments?: ServiceSegment[];
  error?: string;
  /** the source's partial-trace note, then the engine's repairs (components/warningText.ts words them) */
  warnings?: readonly LoadWarning[];
}

export type SortKey = 'start' | 'duration' | 'spans' | 'errors' | 'root';

/**
 * What the "Compare slow vs rest" link carries: the TraceQL searched (sources taking TraceQL), or
 * (others) the service and operation as the compared root operation when they are the only
 * conditions; undefined when the comparison cannot take this search.
 */
export function compareParams(
  page: PageQuery,
  builder: BuilderState,
  acceptsTraceql: boolean
): Record<string, string | undefined> | undefined {
  if (!page.query) {
    return undefined;
  }
  if ('traceql' in page.query) {
    return { q: page.query.traceql };
  }
  if (acceptsTraceql) {
    return { q: builderToTraceql(builder) };
  }
  const onlyRoot =
    builder.service && builder.status === undefined && builder.minMs === undefined && builder.maxMs === undefined;
  return onlyRoot && builder.attrs.length === 0 ? { svc: builder.service, op: builder.spanName } : undefined;
}

export function rowFromHit(hit: TraceHit): ResultRow {
  const stats = Object.values(hit.serviceStats);
  return {
    traceId: hit.traceId,
    rootService: hit.rootService ?? '(root not yet received)',
    rootName: hit.rootName ?? '',
    startMs: hit.startMs,
    durationMs: hit.durationMs,
    spanCount: stats.reduce((n, s) => n + s.spanCount, 0),
    errorCount: stats.reduce((n, s) => n + s.errorCount, 0),
  };
}

/** Every service of the hits, sorted: a service's colour is its index here. */
export const hitServices = (hits: TraceHit[]) => [...new Set(hits.flatMap((h) => Object.keys(h.serviceStats)))].sort();

/** A row's cell: self time per service (bar segments in `services` order) and the trace's warnings, or why it failed. */
export function resultCell(result: TraceResult, services: string[]): BreakdownCell {
  if (result instanceof DataError) {
    return { error: errorText(result) };
  }
  return {
    segments: breakdown(result.analysis, { kind: 'service' })
      .map((b) => ({ service: b.label, value: b.selfTotal, colorIndex: services.indexOf(b.label) }))
      .sort((a, b) => a.colorIndex - b.colorIndex),
    warnings: result.warnings,
  };
}

/**
 * Each loaded trace's cell (see `resultCell`), by trace id, made once per trace as it arrives
 * (app/useManyTraces.ts `arrived`, past the last position seen): O(spans) per trace, and
 * O(traces) per `update` for the copy a render gets.
 */
export class ResultCells {
  private seen = 0;
  private readonly cells = new Map<string, BreakdownCell>();

  constructor(private readonly services: string[]) {}

  /** Makes the cells of the traces that arrived since the last call; all cells so far. */
  update(results: ReadonlyMap<string, TraceResult>, arrived: readonly string[]): Map<string, BreakdownCell> {
    for (; this.seen < arrived.length; this.seen++) {
      const id = arrived[this.seen];
      this.cells.set(id, resultCell(results.get(id)!, this.services));
    }
    return new Map(this.cells);
  }
}

/** Jaeger's search API takes one service at a time: its builder cannot run without one. */
export const needsService = (kind: SourceKind | undefined, mode: SearchMode, builder: BuilderState) =>
  kind === 'jaeger' && mode === 'builder' && !builder.service;

const VALUE: Record<SortKey, (r: ResultRow) => number | string> = {
  start: (r) => r.startMs,
  duration: (r) => r.durationMs,
  spans: (r) => r.spanCount,
  errors: (r) => r.errorCount,
  root: (r) => `${r.rootService}\u0000${r.rootName}`,
};

/** Rows ordered by `key`, ties broken by trace id so the order is stable. */
export function sortRows(rows: ResultRow[], key: SortKey, descending: boolean): ResultRow[] {
  const value = VALUE[key];
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return (x < y ? -sign : x > y ? sign : 0) || (a.traceId < b.traceId ? -1 : 1);
  });
}
