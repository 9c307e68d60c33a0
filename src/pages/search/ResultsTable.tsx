import React from 'react';
import { css, cx } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { Icon, Spinner, Tooltip, useStyles2 } from '@grafana/ui';
import { getTableStyles } from '../../components/tableStyles';
import { formatDuration } from '../../components/breakdown/format';
import { ServiceBar } from '../../components/ServiceBar';
import { BreakdownCell, ResultRow, RowWarning, SortKey, sortRows } from './searchModel';

interface Props {
  rows: ResultRow[];
  sort: SortKey;
  descending: boolean;
  onSort: (key: SortKey) => void;
  breakdowns: Map<string, BreakdownCell>;
  traceHref: (traceId: string) => string;
}

const COLUMNS: Array<{ key?: SortKey; label: string; numeric?: boolean }> = [
  { label: 'Trace' },
  { key: 'root', label: 'Root service and span' },
  { key: 'start', label: 'Start' },
  { key: 'duration', label: 'Duration', numeric: true },
  { key: 'spans', label: 'Spans', numeric: true },
  { key: 'errors', label: 'Errors', numeric: true },
  { label: 'Self time per service' },
];

/** A trace's warnings as one focusable icon: a warning sign for a partial trace, else an info sign for repairs. */
function RowWarnings({ warnings }: { warnings: RowWarning[] }) {
  const styles = useStyles2(getStyles);
  const partial = warnings.some((w) => w.partial);
  const label = warnings.map((w) => (w.partial ? `Partial trace: ${w.message}` : w.message)).join(' ');
  return (
    <Tooltip
      content={
        <ul className={styles.warningList}>
          {warnings.map((w, i) => (
            <li key={i}>{w.partial ? <strong>Partial trace: {w.message}</strong> : w.message}</li>
          ))}
        </ul>
      }
    >
      <span tabIndex={0} role="img" aria-label={label} data-testid="row-warnings" className={styles.warningIcon}>
        <Icon
          name={partial ? 'exclamation-triangle' : 'info-circle'}
          className={partial ? styles.partial : styles.muted}
        />
      </span>
    </Tooltip>
  );
}

/**
 * Search results: sortable columns (header buttons), a link per trace with its warnings (partial
 * trace, repairs) once loaded, and a lazily filled service bar.
 */
export function ResultsTable({ rows, sort, descending, onSort, breakdowns, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const table = useStyles2(getTableStyles);
  return (
    <table className={cx(table.table, styles.hover)} aria-label="Traces found">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.label}
              className={c.numeric ? styles.numeric : undefined}
              aria-sort={c.key === sort ? (descending ? 'descending' : 'ascending') : undefined}
            >
              {c.key ? (
                <button type="button" className={styles.sortButton} onClick={() => onSort(c.key!)}>
                  {c.label}
                  {c.key === sort && <Icon name={descending ? 'arrow-down' : 'arrow-up'} size="sm" />}
                </button>
              ) : (
                c.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sortRows(rows, sort, descending).map((r) => {
          const cell = breakdowns.get(r.traceId);
          return (
            <tr key={r.traceId} data-testid="search-result">
              <td>
                <a className={table.link} href={traceHref(r.traceId)}>
                  <code>{r.traceId.slice(0, 16)}</code>
                </a>
                {cell?.warnings && cell.warnings.length > 0 && <RowWarnings warnings={cell.warnings} />}
              </td>
              <td>
                <strong>{r.rootService}</strong> {r.rootName}
              </td>
              <td className={styles.nowrap}>{dateTimeFormat(r.startMs, { format: 'YYYY-MM-DD HH:mm:ss.SSS' })}</td>
              <td className={styles.numeric}>{formatDuration(r.durationMs * 1e6)}</td>
              <td className={styles.numeric}>{r.spanCount}</td>
              <td className={styles.numeric}>
                {r.errorCount > 0 ? <span className={styles.error}>{r.errorCount}</span> : 0}
              </td>
              <td>
                {cell?.segments ? (
                  <ServiceBar segments={cell.segments} />
                ) : cell?.error ? (
                  <span className={styles.muted} title={cell.error}>
                    unavailable
                  </span>
                ) : (
                  <Spinner inline size="sm" />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  hover: css({ 'tbody tr:hover': { background: theme.colors.action.hover } }),
  numeric: css({ textAlign: 'right !important' as 'right', fontVariantNumeric: 'tabular-nums' }),
  nowrap: css({ whiteSpace: 'nowrap' }),
  sortButton: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.primary,
    fontWeight: theme.typography.fontWeightMedium,
    cursor: 'pointer',
    display: 'inline-flex',
    gap: theme.spacing(0.5),
    alignItems: 'center',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  error: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  muted: css({ color: theme.colors.text.secondary }),
  partial: css({ color: theme.colors.warning.text }),
  warningIcon: css({ marginLeft: theme.spacing(0.5), display: 'inline-flex', verticalAlign: 'middle' }),
  warningList: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
