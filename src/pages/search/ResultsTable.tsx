import React, { useCallback, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Column, FetchDataArgs, Icon, Spinner, Tooltip, useStyles2 } from '@grafana/ui';
import { AS_TEXT } from '../../components/i18n';
import { getLinkStyles } from '../../components/linkStyles';
import { NamedTable } from '../../components/NamedTable';
import { plainColumn } from '../../components/tableColumns';
import { formatDuration } from '../../components/breakdown/format';
import { ServiceBar } from '../../components/ServiceBar';
import { warningText } from '../../components/warningText';
import type { LoadWarning } from '../../loading';
import { BreakdownCell, ResultRow, SortKey, sortRows } from './searchModel';

interface Props {
  rows: ResultRow[];
  sort: SortKey;
  descending: boolean;
  onSort: (key: SortKey) => void;
  breakdowns: Map<string, BreakdownCell>;
  traceHref: (traceId: string) => string;
}

/** A trace's warnings as one focusable icon: a warning sign for a partial trace, else an info sign for repairs. */
function RowWarnings({ warnings }: { warnings: readonly LoadWarning[] }) {
  const styles = useStyles2(getStyles);
  const isPartial = (w: LoadWarning) => w.kind === 'partial-trace';
  const partial = warnings.some(isPartial);
  const text = (w: LoadWarning) =>
    isPartial(w)
      ? t('search.results.partial', 'Partial trace: {{message}}', { message: warningText(w), ...AS_TEXT })
      : warningText(w);
  const label = warnings.map(text).join(' ');
  return (
    <Tooltip
      content={
        <ul className={styles.warningList}>
          {warnings.map((w, i) => (
            <li key={i}>{isPartial(w) ? <strong>{text(w)}</strong> : text(w)}</li>
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
 * Search results (Grafana's InteractiveTable): a link per trace with its warnings (partial trace,
 * repairs) once loaded, root, start, duration, spans, errors and a lazily filled service bar. The
 * order is the page's (`sort`, `descending`, from the URL): a click on a header asks the page to
 * sort by that column (`onSort`), whose rule — another column starts descending, the same one
 * flips — is the header's own (`sortDescFirst`, no unsorted state). O(rows · log rows) per sort.
 */
export function ResultsTable({ rows, sort, descending, onSort, breakdowns, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const link = useStyles2(getLinkStyles);
  const columns = useMemo(
    (): Array<Column<ResultRow>> => [
      plainColumn('trace', t('search.results.trace', 'Trace'), (r) => {
        const warnings = breakdowns.get(r.traceId)?.warnings;
        return (
          <>
            <a className={link.link} href={traceHref(r.traceId)}>
              <code>{r.traceId.slice(0, 16)}</code>
            </a>
            {warnings && warnings.length > 0 && <RowWarnings warnings={warnings} />}
          </>
        );
      }),
      sortedColumn('root', t('search.results.root', 'Root service and span'), (r) => (
        <>
          <strong>{r.rootService}</strong> {r.rootName}
        </>
      )),
      sortedColumn('start', t('search.results.start', 'Start'), (r) => (
        <span className={styles.nowrap}>{dateTimeFormat(r.startMs, { format: 'YYYY-MM-DD HH:mm:ss.SSS' })}</span>
      )),
      sortedColumn('duration', t('search.results.duration', 'Duration'), (r) => formatDuration(r.durationMs * 1e6)),
      sortedColumn('spans', t('search.results.spans', 'Spans'), (r) => r.spanCount),
      sortedColumn('errors', t('search.results.errors', 'Errors'), (r) =>
        r.errorCount > 0 ? <span className={styles.error}>{r.errorCount}</span> : 0
      ),
      plainColumn('services', t('search.results.self-time', 'Self time per service'), (r) => {
        const cell = breakdowns.get(r.traceId);
        return cell?.segments ? (
          <ServiceBar segments={cell.segments} />
        ) : cell?.error ? (
          <span className={styles.muted} title={cell.error}>
            <Trans i18nKey="search.results.unavailable">unavailable</Trans>
          </span>
        ) : (
          <Spinner inline size="sm" />
        );
      }),
    ],
    [breakdowns, traceHref, styles, link]
  );
  // the headers start from the page's order, then tell the page what they change
  const [initialSortBy] = useState(() => [{ id: sort, desc: descending }]);
  const fetchData = useCallback(
    ({ sortBy }: FetchDataArgs<ResultRow>) => {
      const [next] = sortBy;
      if (next && (next.id !== sort || Boolean(next.desc) !== descending)) {
        onSort(next.id as SortKey);
      }
    },
    [sort, descending, onSort]
  );
  const sorted = useMemo(() => sortRows(rows, sort, descending), [rows, sort, descending]);
  return (
    <NamedTable
      label={t('search.results.label', 'Traces found')}
      columns={columns}
      data={sorted}
      getRowId={(r) => r.traceId}
      initialSortBy={initialSortBy}
      fetchData={fetchData}
      disableSortRemove
    />
  );
}

/** A column the page sorts by its key (the rows come sorted: no comparison of its own). */
function sortedColumn(key: SortKey, header: string, show: (r: ResultRow) => React.ReactNode): Column<ResultRow> {
  return { ...plainColumn(key, header, show), sortType: 'basic', sortDescFirst: true };
}

const getStyles = (theme: GrafanaTheme2) => ({
  nowrap: css({ whiteSpace: 'nowrap' }),
  error: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  muted: css({ color: theme.colors.text.secondary }),
  partial: css({ color: theme.colors.warning.text }),
  warningIcon: css({ marginLeft: theme.spacing(0.5), display: 'inline-flex', verticalAlign: 'middle' }),
  warningList: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
