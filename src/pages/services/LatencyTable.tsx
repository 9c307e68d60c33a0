import React, { useMemo } from 'react';
import { Column } from '@grafana/ui';
import { NamedTable } from '../../components/NamedTable';
import { sortableColumn } from '../../components/tableColumns';
import { formatDuration, formatShare } from '../../components/breakdown';
import { LatencyRow } from './latencyShares';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../../components/i18n';

interface Props {
  label: string;
  rows: LatencyRow[];
  /** traces in the sample, undefined when it could not be loaded */
  sampleTraces?: number;
}

const MEASURES = ['selfTime', 'criticalPath'] as const;
type LatencyMeasure = (typeof MEASURES)[number];

/** A measure's column headers: its share over all traffic and over the sample, and a percentile of it. */
function headers(measure: LatencyMeasure) {
  return measure === 'selfTime'
    ? {
        all: t('services.latency.self-all', 'Self time, all traffic'),
        sample: t('services.latency.self-sample', 'Self time, sample'),
        percentile: (p: string) => t('services.latency.self-percentile', 'Self time {{p}}', { p }),
      }
    : {
        all: t('services.latency.critical-all', 'Critical path, all traffic'),
        sample: t('services.latency.critical-sample', 'Critical path, sample'),
        percentile: (p: string) => t('services.latency.critical-percentile', 'Critical path {{p}}', { p }),
      };
}

const seconds = (s: number) => (Number.isFinite(s) ? formatDuration(s * 1e9) : '–');
const nameOf = (r: LatencyRow) => r.operation ?? r.service;

/** The line under the table: what its shares are of and what the sample is. */
function description(byOperation: boolean, sampleTraces?: number): string {
  const sample =
    sampleTraces === undefined
      ? t('services.latency.sample-missing', 'a sample of fetched traces (which could not be loaded)')
      : t('services.latency.sample', '', {
          count: sampleTraces,
          defaultValue_one: 'the newest {{count}} trace fetched',
          defaultValue_other: 'the newest {{count}} traces fetched',
        });
  return byOperation
    ? t(
        'services.latency.description-operations',
        'Shares of the service’s self time and critical-path time: all traffic over the time range, from the TraceLens connector’s histograms, beside the same computed here from {{sample}}. p50/p95 are a span’s self and critical-path time, from the connector.',
        { sample, ...AS_TEXT }
      )
    : t(
        'services.latency.description-services',
        'Shares of the total self time and critical-path time: all traffic over the time range, from the TraceLens connector’s histograms, beside the same computed here from {{sample}}. p50/p95 are a span’s self and critical-path time, from the connector.',
        { sample, ...AS_TEXT }
      );
}

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
      sortableColumn(
        'name',
        byOperation ? t('services.operation', 'Operation') : t('services.service', 'Service'),
        nameOf,
        nameOf,
        { ascendingFirst: true }
      ),
      ...MEASURES.flatMap((m) => [
        sortableColumn<LatencyRow>(
          m,
          headers(m).all,
          (r) => r[m].share,
          (r) => formatShare(r[m].share)
        ),
        sortableColumn<LatencyRow>(
          `${m}-sample`,
          headers(m).sample,
          (r) => r.sample?.[m],
          (r) => formatShare(r.sample?.[m] ?? NaN)
        ),
      ]),
      ...MEASURES.flatMap((m) =>
        (['p50', 'p95'] as const).map((p) =>
          sortableColumn<LatencyRow>(
            `${m}-${p}`,
            headers(m).percentile(p),
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
      description={description(byOperation, sampleTraces)}
    />
  );
}
