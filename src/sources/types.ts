/**
 * One interface for everything that lists and fetches traces. Implementations: Tempo and Jaeger
 * (each wrapping its data-layer client behind Grafana's datasource proxy); the datasource's type
 * decides which one a page gets ({@link createTraceSource}). Pages and the panel only see this.
 *
 * Times are Unix seconds; trace ids are lowercase hex. Every method rejects only with `DataError`.
 */
import type { DataError, RequestOptions, SpanFilter, TraceStream, UnixSecondsRange } from '../data';

export type SourceKind = 'tempo' | 'jaeger';

/** The range a source searches or fetches in; an open end is the backend's default. */
export type SearchRange = Partial<UnixSecondsRange>;

/**
 * A search both backends understand: every condition must hold for one span of the trace
 * (Tempo: one spanset filter; Jaeger: service/operation/tags/duration parameters, narrowed to
 * that meaning by the Jaeger source). The same conditions the TraceQL builder writes.
 */
export type TraceFilter = SpanFilter;

/** A structured filter, or (sources with `capabilities.traceql`) a TraceQL query as typed. */
export type TraceQuery = { filter: TraceFilter } | { traceql: string };

/** One search result: a trace with its root and its size. */
export interface TraceHit {
  traceId: string;
  /** undefined while the root span has not arrived */
  rootService?: string;
  rootName?: string;
  /** epoch milliseconds */
  startMs: number;
  durationMs: number;
  /** span and error counts per service, when the backend reports them */
  serviceStats: Record<string, { spanCount: number; errorCount: number }>;
}

/** A trace's body as the backend sent it, and how to read it. */
export interface FetchedTrace {
  /** `otlp`: OTLP JSON (Tempo v1/v2, Jaeger v3 `{"result":…}`); `jaeger`: Jaeger's v1 JSON `{"data":[…]}` */
  format: 'otlp' | 'jaeger';
  raw: string;
  /** set when the backend returned only part of the trace */
  partial?: DataError;
}

/** A service-to-service call edge, as the backend's dependency API reports it. */
export interface DependencyEdge {
  parent: string;
  child: string;
  callCount: number;
}

export interface SourceCapabilities {
  /** accepts `{traceql}` queries */
  traceql: boolean;
  /** lists attribute names and values for autocomplete */
  tagSuggestions: boolean;
  /** answers `dependencies` */
  dependencies: boolean;
}

export interface TraceSource {
  readonly kind: SourceKind;
  /** Grafana datasource uid */
  readonly uid: string;
  /** human name for messages, e.g. `Jaeger (datasource "jaeger")` */
  readonly target: string;
  readonly capabilities: SourceCapabilities;

  search(query: TraceQuery, options: SearchRange & { limit: number }, request?: RequestOptions): Promise<TraceHit[]>;
  traceById(traceId: string, range?: SearchRange, request?: RequestOptions): Promise<FetchedTrace>;
  /**
   * `traceById` as a request a worker can stream, for an OTLP JSON answer; undefined where there
   * is none (then use `traceById`)
   */
  traceStream?(traceId: string, range?: SearchRange): TraceStream | undefined;
  services(range: SearchRange, request?: RequestOptions): Promise<string[]>;
  operations(service: string, range: SearchRange, request?: RequestOptions): Promise<string[]>;
  /** attribute names by scope; [] where `capabilities.tagSuggestions` is false */
  tagNames(scope: 'span' | 'resource', range: SearchRange, request?: RequestOptions): Promise<string[]>;
  /** values of a scoped attribute (`span.http.route`); [] where `capabilities.tagSuggestions` is false */
  tagValues(tag: string, range: SearchRange, request?: RequestOptions): Promise<string[]>;
  /** call edges between services; rejects where `capabilities.dependencies` is false */
  dependencies(range: SearchRange, request?: RequestOptions): Promise<DependencyEdge[]>;
  /** the query Grafana Explore opens for this datasource: one trace, or a search */
  exploreQuery(what: { traceId: string } | TraceQuery): Record<string, unknown>;
}

/** The datasource a page picked: its uid and Grafana plugin type (`tempo` or `jaeger`). */
export interface SourceRef {
  uid: string;
  type: string;
}
