import React from 'react';
import { cx } from '@emotion/css';
import { Alert, useStyles2 } from '@grafana/ui';
import { getTableStyles } from '../../components/tableStyles';
import { ServiceGap } from '../../engine';
import { formatDuration } from '../../components/breakdown';

/** Time between CLIENT spans and their SERVER children in another service (network, queues), per pair. */
export function GapsTable({ gaps }: { gaps: ServiceGap[] }) {
  const table = useStyles2(getTableStyles);
  if (gaps.length === 0) {
    return (
      <Alert severity="info" title="No cross-service calls">
        This trace has no CLIENT span whose SERVER child runs in another service, so there is no network or queue time
        to show.
      </Alert>
    );
  }
  return (
    <table className={cx(table.table, table.fit)} aria-label="Cross-service gaps">
      <thead>
        <tr>
          <th>Client → server</th>
          <th>Calls</th>
          <th>Before server start</th>
          <th>After server end</th>
          <th>Total gap</th>
          <th>Per call min / avg / max</th>
        </tr>
      </thead>
      <tbody>
        {gaps.map((g) => (
          <tr key={`${g.client}→${g.server}`}>
            <td>
              {g.client} → {g.server}
            </td>
            <td>{g.count}</td>
            <td>{formatDuration(g.before)}</td>
            <td>{formatDuration(g.after)}</td>
            <td>{formatDuration(g.total)}</td>
            <td>
              {formatDuration(g.min)} / {formatDuration(g.avg)} / {formatDuration(g.max)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
