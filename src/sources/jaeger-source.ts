/**
 * The Jaeger {@link TraceSource}: filters become Jaeger search parameters, hits are computed from
 * the whole traces Jaeger's search returns (only the hits are kept), traces by id come as OTLP JSON
 * (API v3) or Jaeger JSON (v1), services/operations/dependencies from Jaeger's API. No TraceQL, no
 * attribute suggestions.
 */
import type { JaegerClient } from '../data';
import { jaegerExploreQuery } from './jaeger-explore';
import { jaegerSearchParams, noTraceql, traceMatches } from './jaeger-filter';
import { jaegerHit } from './jaeger-hits';
import { TraceHit, TraceSource } from './types';

/** Jaeger's own default when no lookback is given (24 h). */
const DEFAULT_LOOKBACK_MS = 24 * 3600 * 1000;

export function createJaegerSource(client: JaegerClient, uid: string, target: string): TraceSource {
  return {
    kind: 'jaeger',
    uid,
    target,
    capabilities: { traceql: false, tagSuggestions: false, dependencies: true },

    async search(query, options, request) {
      if ('traceql' in query) {
        throw noTraceql(target);
      }
      const traces = await client.search(jaegerSearchParams(query.filter, options), request);
      const hits: TraceHit[] = [];
      for (const trace of traces) {
        const hit = traceMatches(trace, query.filter) ? jaegerHit(trace) : undefined;
        if (hit) {
          hits.push(hit);
        }
      }
      return hits;
    },

    async traceById(traceId, range, request) {
      const fetched = await client.traceById(traceId, range, request);
      return { format: fetched.apiVersion === 'v3' ? 'otlp' : 'jaeger', raw: fetched.raw };
    },

    traceStream(traceId, range) {
      return client.traceByIdStream(traceId, range);
    },

    async services(_range, request) {
      return [...(await client.services(request))].sort();
    },

    async operations(service, _range, request) {
      return [...new Set((await client.operations(service, undefined, request)).map((o) => o.name))].sort();
    },

    async tagNames() {
      return [];
    },

    async tagValues() {
      return [];
    },

    async dependencies(range, request) {
      const endS = range.end ?? Date.now() / 1000;
      const lookbackMs = range.start === undefined ? DEFAULT_LOOKBACK_MS : (endS - range.start) * 1000;
      const edges = await client.dependencies(endS * 1000, lookbackMs, request);
      return edges.map((e) => ({ parent: e.parent, child: e.child, callCount: e.callCount }));
    },

    exploreQuery(what) {
      return jaegerExploreQuery(what, target);
    },
  };
}
