import React from 'react';
import { Alert, Column } from '@grafana/ui';
import { NamedTable } from '../../components/NamedTable';
import { sortableColumn } from '../../components/tableColumns';
import { ServiceGap } from '../../engine';
import { formatDuration } from '../../components/breakdown';

const pairOf = (g: ServiceGap) => `${g.client} → ${g.server}`;

/** the summed gaps, ns: before the server starts, after it ends, both */
const DURATIONS = [
  ['before', 'Before server start'],
  ['after', 'After server end'],
  ['total', 'Total gap'],
] as const;

const COLUMNS: Array<Column<ServiceGap>> = [
  sortableColumn('pair', 'Client → server', pairOf, pairOf, { ascendingFirst: true }),
  sortableColumn(
    'count',
    'Calls',
    (g) => g.count,
    (g) => g.count
  ),
  ...DURATIONS.map(([key, header]) =>
    sortableColumn<ServiceGap>(
      key,
      header,
      (g) => g[key],
      (g) => formatDuration(g[key])
    )
  ),
  sortableColumn(
    'perCall',
    'Per call min / avg / max',
    (g) => g.avg,
    (g) => `${formatDuration(g.min)} / ${formatDuration(g.avg)} / ${formatDuration(g.max)}`
  ),
];

/**
 * Time between CLIENT spans and their SERVER children in another service (network, queues), per
 * pair: the engine's order (largest total first), the headers sort (per call: by the average).
 */
export function GapsTable({ gaps }: { gaps: ServiceGap[] }) {
  if (gaps.length === 0) {
    return (
      <Alert severity="info" title="No cross-service calls">
        This trace has no CLIENT span whose SERVER child runs in another service, so there is no network or queue time
        to show.
      </Alert>
    );
  }
  return <NamedTable label="Cross-service gaps" columns={COLUMNS} data={gaps} getRowId={pairOf} fit />;
}
