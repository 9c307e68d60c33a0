/**
 * Test helper: a TraceSource answering with bodies recorded from the real Tempo of the test stack
 * (tests/integration/fixtures): search hits from `tempo-search`, every trace as `tempo-trace-v2`,
 * services and tag values from `tempo-tag-values`, tag names from `tempo-tags`. Tests override
 * single methods (a failure, a partial trace, another kind) with `overrides`.
 */
import { DataError } from '../../data';
import { recorded, wireText } from '../../../tests/support/recorded';
import type { TraceHit, TraceSource } from '../../sources/types';

interface RecordedHit {
  traceID: string;
  rootServiceName?: string;
  rootTraceName?: string;
  startTimeUnixNano: string;
  durationMs?: number;
  serviceStats?: Record<string, { spanCount: number; errorCount?: number }>;
}

export function recordedHits(): TraceHit[] {
  return (recorded('tempo-search').body.traces as RecordedHit[]).map((t) => ({
    traceId: t.traceID,
    rootService: t.rootServiceName,
    rootName: t.rootTraceName,
    startMs: Number(t.startTimeUnixNano.slice(0, -6)),
    durationMs: t.durationMs ?? 0,
    serviceStats: Object.fromEntries(
      Object.entries(t.serviceStats ?? {}).map(([s, v]) => [
        s,
        { spanCount: v.spanCount, errorCount: v.errorCount ?? 0 },
      ])
    ),
  }));
}

const tagValues = () => (recorded('tempo-tag-values').body.tagValues as Array<{ value: string }>).map((v) => v.value);

export function recordedSource(overrides: Partial<TraceSource> = {}): TraceSource {
  const kind = overrides.kind ?? 'tempo';
  const name = kind === 'tempo' ? 'Tempo' : 'Jaeger';
  return {
    kind,
    uid: kind,
    target: `${name} (datasource "${kind}")`,
    capabilities: { traceql: kind === 'tempo', tagSuggestions: kind === 'tempo', dependencies: kind === 'jaeger' },
    search: async () => recordedHits(),
    traceById: async () => ({ format: 'otlp', raw: wireText(recorded('tempo-trace-v2')) }),
    services: async () => tagValues(),
    operations: async () => [],
    tagNames: async (scope) =>
      kind === 'tempo'
        ? ((recorded('tempo-tags').body.scopes as Array<{ name: string; tags: string[] }>).find((s) => s.name === scope)
            ?.tags ?? [])
        : [],
    tagValues: async () => (kind === 'tempo' ? tagValues() : []),
    dependencies: async () => {
      throw new DataError('query-failed', `${name} lists no dependencies here.`);
    },
    exploreQuery: (what) => ({ query: JSON.stringify(what) }),
    ...overrides,
  };
}
