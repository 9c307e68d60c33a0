/**
 * Test helper: Tempo search results as Grafana's Tempo datasource hands them to a panel — the
 * "Traces" table (traceID with trace links naming the datasource, startTime ms, traceService, traceName, traceDuration ms, nested
 * spansets), newest first — from search-response traces such as the recorded
 * tests/integration/fixtures/tempo-search.json.
 */
// types only: the helper also runs in Node (browser tests), where @grafana/data's runtime needs a window
import type { DataFrame, FieldType } from '@grafana/data';

const type = (t: `${FieldType}`) => t as FieldType;

export interface SearchTrace {
  traceID: string;
  rootServiceName?: string;
  rootTraceName?: string;
  startTimeUnixNano: string;
  durationMs?: number;
}

export function tempoSearchFrame(traces: SearchTrace[], datasourceUid = 'tempo', refId = 'A'): DataFrame {
  const sorted = [...traces].sort((a, b) => Number(BigInt(b.startTimeUnixNano) - BigInt(a.startTimeUnixNano)));
  return {
    name: 'Traces',
    refId,
    fields: [
      {
        name: 'traceID',
        type: type('string'),
        values: sorted.map((t) => t.traceID),
        config: {
          displayNameFromDS: 'Trace ID',
          links: [
            {
              title: 'Trace: ${__value.raw}',
              url: '',
              internal: {
                datasourceUid,
                datasourceName: 'Tempo',
                query: { query: '${__value.raw}', queryType: 'traceql' },
              },
            },
          ],
        },
      },
      {
        name: 'startTime',
        type: type('time'),
        config: {},
        values: sorted.map((t) => Number(BigInt(t.startTimeUnixNano)) / 1e6),
      },
      { name: 'traceService', type: type('string'), config: {}, values: sorted.map((t) => t.rootServiceName ?? '') },
      { name: 'traceName', type: type('string'), config: {}, values: sorted.map((t) => t.rootTraceName ?? '') },
      // Tempo's datasource writes "<1ms" when the duration is missing
      { name: 'traceDuration', type: type('number'), config: {}, values: sorted.map((t) => t.durationMs ?? '<1ms') },
      { name: 'nested', type: type('nestedFrames'), config: {}, values: sorted.map(() => []) },
    ],
    meta: { preferredVisualisationType: 'table', uniqueRowIdFields: [0] },
    length: sorted.length,
  };
}
