import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { getTableStyles } from '../../components/tableStyles';
import { formatDuration, formatShare } from '../../components/breakdown';
import { StatsRow } from './servicesModel';

interface Props {
  label: string;
  rows: StatsRow[];
  /** link to the search page for traces slower than the row's p95 */
  slowTracesHref: (row: StatsRow) => string;
  /** makes each row's name a button choosing that row (its service, or its operation) */
  onSelect?: (row: StatsRow) => void;
  /** key of the chosen row: the service, or the operation when rows are operations */
  selected?: string;
}

const seconds = (s: number) => (Number.isFinite(s) ? formatDuration(s * 1e9) : '–');

/** Rate, error ratio and latency percentiles per service or per operation, from span metrics. */
export function StatsTable({ label, rows, slowTracesHref, onSelect, selected }: Props) {
  const styles = useStyles2(getStyles);
  const table = useStyles2(getTableStyles);
  const byOperation = rows.some((r) => r.operation !== undefined);
  return (
    <table className={table.table} aria-label={label}>
      <thead>
        <tr>
          <th>{byOperation ? 'Operation' : 'Service'}</th>
          <th>Rate</th>
          <th>Errors</th>
          <th>p50</th>
          <th>p95</th>
          <th>p99</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={`${r.service}/${r.operation ?? ''}`}
            data-testid="stats-row"
            aria-selected={(byOperation ? r.operation : r.service) === selected}
          >
            <td>
              {onSelect ? (
                <button type="button" className={styles.name} onClick={() => onSelect(r)}>
                  {r.operation ?? r.service}
                </button>
              ) : (
                (r.operation ?? r.service)
              )}
            </td>
            <td>{r.rate.toFixed(2)} req/s</td>
            <td className={r.errorRatio > 0 ? styles.error : undefined}>{formatShare(r.errorRatio)}</td>
            <td>{seconds(r.p50)}</td>
            <td>{seconds(r.p95)}</td>
            <td>{seconds(r.p99)}</td>
            <td>
              <a className={table.link} href={slowTracesHref(r)}>
                Show slow traces
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  name: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.link,
    cursor: 'pointer',
    '&:hover': { textDecoration: 'underline' },
  }),
  error: css({ color: theme.colors.error.text }),
});
