import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import { ServiceGap } from '../../engine';
import { formatDuration } from '../../components/breakdown';

/** Time between CLIENT spans and their SERVER children in another service (network, queues), per pair. */
export function GapsTable({ gaps }: { gaps: ServiceGap[] }) {
  const styles = useStyles2(getStyles);
  if (gaps.length === 0) {
    return (
      <Alert severity="info" title="No cross-service calls">
        This trace has no CLIENT span whose SERVER child runs in another service, so there is no network or queue time
        to show.
      </Alert>
    );
  }
  return (
    <table className={styles.table} aria-label="Cross-service gaps">
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

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    fontVariantNumeric: 'tabular-nums',
    'th, td': {
      padding: theme.spacing(0.5, 1.5),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
  }),
});
