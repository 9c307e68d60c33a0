/**
 * Test helpers: search results as Grafana's Tempo and Jaeger datasources hand them to a panel.
 * Tempo's: the "Traces" table (traceID with trace links naming the datasource, startTime ms, traceService, traceName, traceDuration ms, nested
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

/** Tempo's "Traces" table for `traces`. */
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

export interface JaegerSearchRow {
  traceID: string;
  /** `<service>: <operation>` of the trace's earliest span */
  traceName: string;
  /** ms since the epoch */
  startTimeMs: number;
  /** µs: the earliest span's duration */
  durationUs: number;
}

/**
 * Jaeger search results as Grafana's Jaeger datasource hands them to a panel, built to the shape of
 * grafana/grafana pkg/tsdb/jaeger/utils/client_utils.go `TransformSearchResponse` (its golden file
 * pkg/tsdb/jaeger/testdata/search_multiple_response.golden.jsonc; the older frontend
 * public/app/plugins/datasource/jaeger/responseTransform.ts `createTableFrame` has the same fields):
 * a frame "traces" with `traceID` (an internal link naming the datasource), `traceName`, `startTime`
 * (time, ms) and `duration` (number, unit µs), table visualisation, newest first.
 */
export function jaegerSearchFrame(rows: JaegerSearchRow[], datasourceUid = 'jaeger', refId = 'A'): DataFrame {
  const sorted = [...rows].sort((a, b) => b.startTimeMs - a.startTimeMs);
  return {
    name: 'traces',
    refId,
    fields: [
      {
        name: 'traceID',
        type: type('string'),
        values: sorted.map((r) => r.traceID),
        config: {
          displayName: 'Trace ID',
          links: [
            {
              title: 'Trace: ${__value.raw}',
              url: '',
              internal: { datasourceUid, datasourceName: 'Jaeger', query: { query: '${__value.raw}' } },
            },
          ],
        },
      },
      {
        name: 'traceName',
        type: type('string'),
        config: { displayName: 'Trace name' },
        values: sorted.map((r) => r.traceName),
      },
      {
        name: 'startTime',
        type: type('time'),
        config: { displayName: 'Start time' },
        values: sorted.map((r) => r.startTimeMs),
      },
      {
        name: 'duration',
        type: type('number'),
        config: { displayName: 'Duration', unit: 'µs' },
        values: sorted.map((r) => r.durationUs),
      },
    ],
    meta: { preferredVisualisationType: 'table' },
    length: sorted.length,
  };
}
