import React, { useMemo } from 'react';
import { Column } from '@grafana/ui';
import { NamedTable } from '../../components/NamedTable';
import { sortableColumn } from '../../components/tableColumns';
import { formatDuration, formatShare } from '../../components/breakdown';
import { LatencyRow } from './latencyShares';

interface Props {
  label: string;
  rows: LatencyRow[];
  /** traces in the sample, undefined when it could not be loaded */
  sampleTraces?: number;
}

const MEASURES = [
  ['selfTime', 'Self time'],
  ['criticalPath', 'Critical path'],
] as const;
const seconds = (s: number) => (Number.isFinite(s) ? formatDuration(s * 1e9) : '–');
const nameOf = (r: LatencyRow) => r.operation ?? r.service;
const sampleText = (traces?: number) =>
  traces === undefined
    ? 'a sample of fetched traces (which could not be loaded)'
    : `the newest ${traces} traces fetched`;

/**
 * Per service or per operation: the share of self time and of critical-path time from the
 * TraceLens connector (all traffic), each beside the same share over the sample of fetched traces,
 * then p50/p95 of a span's self and critical-path time from the connector's histograms. Headers
 * sort (name A→Z, numbers largest first, unknown '–' lowest). O(rows · log rows) per sort.
 */
export function LatencyTable({ label, rows, sampleTraces }: Props) {
  const byOperation = rows.some((r) => r.operation !== undefined);
  const columns = useMemo(
    (): Array<Column<LatencyRow>> => [
      sortableColumn('name', byOperation ? 'Operation' : 'Service', nameOf, nameOf, { ascendingFirst: true }),
      ...MEASURES.flatMap(([m, title]) => [
        sortableColumn<LatencyRow>(
          m,
          `${title}, all traffic`,
          (r) => r[m].share,
          (r) => formatShare(r[m].share)
        ),
        sortableColumn<LatencyRow>(
          `${m}-sample`,
          `${title}, sample`,
          (r) => r.sample?.[m],
          (r) => formatShare(r.sample?.[m] ?? NaN)
        ),
      ]),
      ...MEASURES.flatMap(([m, title]) =>
        (['p50', 'p95'] as const).map((p) =>
          sortableColumn<LatencyRow>(
            `${m}-${p}`,
            `${title} ${p}`,
            (r) => r[m][p],
            (r) => seconds(r[m][p])
          )
        )
      ),
    ],
    [byOperation]
  );
  return (
    <NamedTable
      label={label}
      columns={columns}
      data={rows}
      getRowId={(r) => `${r.service}\u0000${r.operation ?? ''}`}
      description={`Shares of the ${byOperation ? 'service’s' : 'total'} self time and critical-path time: all traffic over the time range, from the TraceLens connector’s histograms, beside the same computed here from ${sampleText(sampleTraces)}. p50/p95 are a span’s self and critical-path time, from the connector.`}
    />
  );
}
