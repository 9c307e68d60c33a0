/**
 * The trace page's "Cross-service gaps" tab: time between CLIENT spans and their SERVER children in
 * another service (network, queues; engine/gaps.ts), per client → server pair.
 */
import React, { useMemo } from 'react';
import { t, Trans } from '@grafana/i18n';
import { Alert, Column } from '@grafana/ui';
import { NamedTable } from '../../components/NamedTable';
import { sortableColumn } from '../../components/tableColumns';
import { ServiceGap } from '../../engine';
import { formatDuration } from '../../components/breakdown';

const pairOf = (g: ServiceGap) => `${g.client} → ${g.server}`;

/** The table's columns, headed in the user's language. */
function gapColumns(): Array<Column<ServiceGap>> {
  /** the summed gaps, ns: before the server starts, after it ends, both */
  const durations = [
    ['before', t('trace.gaps.before', 'Before server start')],
    ['after', t('trace.gaps.after', 'After server end')],
    ['total', t('trace.gaps.total', 'Total gap')],
  ] as const;
  return [
    sortableColumn('pair', t('trace.gaps.pair', 'Client → server'), pairOf, pairOf, { ascendingFirst: true }),
    sortableColumn(
      'count',
      t('trace.gaps.calls', 'Calls'),
      (g) => g.count,
      (g) => g.count
    ),
    ...durations.map(([key, header]) =>
      sortableColumn<ServiceGap>(
        key,
        header,
        (g) => g[key],
        (g) => formatDuration(g[key])
      )
    ),
    sortableColumn(
      'perCall',
      t('trace.gaps.per-call', 'Per call min / avg / max'),
      (g) => g.avg,
      (g) => `${formatDuration(g.min)} / ${formatDuration(g.avg)} / ${formatDuration(g.max)}`
    ),
  ];
}

/** The pairs in the engine's order (largest total first); the headers sort (per call: by the average). */
export function GapsTable({ gaps }: { gaps: ServiceGap[] }) {
  const columns = useMemo(() => gapColumns(), []);
  if (gaps.length === 0) {
    return (
      <Alert severity="info" title={t('trace.gaps.none.title', 'No cross-service calls')}>
        <Trans i18nKey="trace.gaps.none.body">
          This trace has no CLIENT span whose SERVER child runs in another service, so there is no network or queue time
          to show.
        </Trans>
      </Alert>
    );
  }
  return (
    <NamedTable
      label={t('trace.gaps.label', 'Cross-service gaps')}
      columns={columns}
      data={gaps}
      getRowId={pairOf}
      fit
    />
  );
}
