/**
 * Test helper: a TraceSource over generated traces (tests/generator): `traceById` answers a trace's
 * OTLP/JSON, `search` the traces with one span meeting the filter's service and span attributes,
 * `services` every service of the traces. It records each search's filter. O(spans) per call.
 */
import { DataError } from '../../data';
import { GenTrace } from '../../../tests/generator/model';
import { toOtlpJson } from '../../../tests/generator/otlp';
import type { SourceKind, TraceFilter, TraceSource } from '../../sources/types';
import { recordedSource } from './recordedSource';

const meets = (s: GenTrace['spans'][number], filter: TraceFilter) =>
  (filter.service === undefined || s.service === filter.service) &&
  Object.entries(filter.spanAttributes ?? {}).every(([k, v]) => String(s.attributes[k]) === v);

export function generatedSource(traces: GenTrace[], kind: SourceKind = 'tempo') {
  const searches: TraceFilter[] = [];
  const source: TraceSource = recordedSource({
    kind,
    search: async (query) => {
      if (!('filter' in query)) {
        throw new DataError('query-syntax', 'generatedSource answers structured filters only.');
      }
      searches.push(query.filter);
      return traces
        .filter((t) => t.spans.some((s) => meets(s, query.filter)))
        .map((t) => ({ traceId: t.traceId, startMs: t.spans[0].startUs / 1000, durationMs: 0, serviceStats: {} }));
    },
    traceById: async (traceId) => {
      const trace = traces.find((t) => t.traceId === traceId);
      if (!trace) {
        throw new DataError('trace-not-found', `Trace ${traceId} not found.`);
      }
      return { format: 'otlp', raw: JSON.stringify(toOtlpJson([trace])) };
    },
    services: async () => [...new Set(traces.flatMap((t) => t.spans.map((s) => s.service)))].sort(),
  });
  return { source, searches };
}
