/**
 * The Tempo {@link TraceSource}: filters become one TraceQL spanset filter (traceqlFilter), TraceQL
 * passes through, hits come from Tempo's search answer, services/operations/tags from its tag API.
 * Tempo has no dependency API (its service graph is metrics in Prometheus).
 */
import { dataError, TempoClient, TempoSearchTrace, traceqlFilter } from '../data';
import { canonicalTraceId } from './trace-id';
import { TraceFilter, TraceHit, TraceQuery, TraceSource } from './types';

/** TraceQL for a query; a filter value TraceQL cannot express (a negative duration) is a query-syntax DataError. */
export function tempoTraceql(query: TraceQuery): string {
  if ('traceql' in query) {
    return query.traceql;
  }
  try {
    return traceqlFilter(query.filter);
  } catch (e) {
    throw dataError('not-traceql', { cause: (e as Error).message });
  }
}

/** One hit from Tempo's search answer (start truncated to whole ms; duration as Tempo reports it). */
export function tempoHit(t: TempoSearchTrace): TraceHit {
  return {
    traceId: canonicalTraceId(t.traceID),
    rootService: t.rootServiceName,
    rootName: t.rootTraceName,
    startMs: Number(t.startTimeUnixNano.slice(0, -6) || '0'),
    durationMs: t.durationMs ?? 0,
    serviceStats: Object.fromEntries(
      Object.entries(t.serviceStats ?? {}).map(([service, s]) => [
        service,
        { spanCount: s.spanCount, errorCount: s.errorCount ?? 0 },
      ])
    ),
  };
}

const sorted = (values: string[]) => [...new Set(values)].sort();

export function createTempoSource(client: TempoClient, uid: string, target: string): TraceSource {
  return {
    kind: 'tempo',
    uid,
    target,
    capabilities: { traceql: true, tagSuggestions: true, dependencies: false },

    async search(query, options, request) {
      const q = tempoTraceql(query);
      const res = await client.search(q, { limit: options.limit, start: options.start, end: options.end }, request);
      return (res.traces ?? []).map(tempoHit);
    },

    async traceById(traceId, range, request) {
      const fetched = await client.traceById(traceId, range, request);
      return { format: 'otlp', raw: fetched.raw, ...(fetched.partial ? { partial: fetched.partial } : {}) };
    },

    traceStream(traceId, range) {
      return client.traceByIdStream(traceId, range);
    },

    async services(range, request) {
      const values = await client.tagValues('resource.service.name', range, request);
      return sorted(values.map((v) => v.value));
    },

    async operations(service, range, request) {
      const q = traceqlFilter({ service } satisfies TraceFilter);
      const values = await client.tagValues('name', { ...range, q }, request);
      return sorted(values.map((v) => v.value));
    },

    async tagNames(scope, range, request) {
      const scopes = await client.tagNames({ ...range, scope }, request);
      return sorted(scopes.find((s) => s.scope === scope)?.tags ?? []);
    },

    async tagValues(tag, range, request) {
      return sorted((await client.tagValues(tag, range, request)).map((v) => v.value));
    },

    async dependencies() {
      throw dataError('no-dependency-api', { target });
    },

    exploreQuery(what) {
      return { queryType: 'traceql', query: 'traceId' in what ? what.traceId : tempoTraceql(what) };
    },
  };
}
