/**
 * Test helper: Tempo search results as Grafana's Tempo datasource hands them to a panel — the
 * "Traces" table (traceID with trace links naming the datasource, startTime ms, traceService, traceName, traceDuration ms, nested
 * spansets), newest first — from search-response traces such as the recorded
 * tests/integration/fixtures/tempo-search.json.
 */
import { createDataFrame, DataFrame, FieldType } from '@grafana/data';

export interface SearchTrace {
  traceID: string;
  rootServiceName?: string;
  rootTraceName?: string;
  startTimeUnixNano: string;
  durationMs?: number;
}

export function tempoSearchFrame(traces: SearchTrace[], datasourceUid = 'tempo', refId = 'A'): DataFrame {
  const sorted = [...traces].sort((a, b) => Number(BigInt(b.startTimeUnixNano) - BigInt(a.startTimeUnixNano)));
  return createDataFrame({
    name: 'Traces',
    refId,
    fields: [
      {
        name: 'traceID',
        type: FieldType.string,
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
      { name: 'startTime', type: FieldType.time, values: sorted.map((t) => Number(BigInt(t.startTimeUnixNano)) / 1e6) },
      { name: 'traceService', type: FieldType.string, values: sorted.map((t) => t.rootServiceName ?? '') },
      { name: 'traceName', type: FieldType.string, values: sorted.map((t) => t.rootTraceName ?? '') },
      // Tempo's datasource writes "<1ms" when the duration is missing
      { name: 'traceDuration', type: FieldType.number, values: sorted.map((t) => t.durationMs ?? '<1ms') },
      { name: 'nested', type: FieldType.nestedFrames, values: sorted.map(() => []) },
    ],
    meta: { preferredVisualisationType: 'table', uniqueRowIdFields: [0] },
  });
}
