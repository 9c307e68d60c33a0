import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Column, useStyles2 } from '@grafana/ui';
import { getLinkStyles } from '../../components/linkStyles';
import { NamedTable } from '../../components/NamedTable';
import { plainColumn, sortableColumn } from '../../components/tableColumns';
import { formatDuration, formatShare } from '../../components/breakdown';
import { StatsRow } from './servicesModel';
import { t, Trans } from '@grafana/i18n';
import { AS_TEXT } from '../../components/i18n';

interface Props {
  label: string;
  rows: StatsRow[];
  /** link to the search page for traces slower than the row's p95 */
  slowTracesHref: (row: StatsRow) => string;
  /** makes each row's name a toggle button choosing that row (its service, or its operation) */
  onSelect?: (row: StatsRow) => void;
  /** key of the chosen row: the service, or the operation when rows are operations */
  selected?: string;
}

const seconds = (s: number) => (Number.isFinite(s) ? formatDuration(s * 1e9) : '–');
const nameOf = (r: StatsRow) => r.operation ?? r.service;

/**
 * Rate, error ratio and latency percentiles per service or per operation, from span metrics, in
 * the order given; the headers sort (name A→Z, numbers largest first, unknown '–' lowest). The
 * chosen row's name button is pressed and its row highlighted. O(rows · log rows) per sort.
 */
export function StatsTable({ label, rows, slowTracesHref, onSelect, selected }: Props) {
  const styles = useStyles2(getStyles);
  const link = useStyles2(getLinkStyles);
  const byOperation = rows.some((r) => r.operation !== undefined);
  const columns = useMemo(
    (): Array<Column<StatsRow>> => [
      sortableColumn(
        'name',
        byOperation ? t('services.operation', 'Operation') : t('services.service', 'Service'),
        nameOf,
        (r) =>
          onSelect ? (
            <button
              type="button"
              className={styles.name}
              aria-pressed={nameOf(r) === selected}
              onClick={() => onSelect(r)}
            >
              {nameOf(r)}
            </button>
          ) : (
            nameOf(r)
          ),
        { ascendingFirst: true }
      ),
      sortableColumn(
        'rate',
        t('services.stats.rate', 'Rate'),
        (r) => r.rate,
        (r) => t('services.rate', '{{rate}} req/s', { rate: r.rate.toFixed(2), ...AS_TEXT })
      ),
      sortableColumn(
        'errors',
        t('services.errors', 'Errors'),
        (r) => r.errorRatio,
        (r) => <span className={r.errorRatio > 0 ? styles.error : undefined}>{formatShare(r.errorRatio)}</span>
      ),
      ...(['p50', 'p95', 'p99'] as const).map((p) =>
        sortableColumn<StatsRow>(
          p,
          p,
          (r) => r[p],
          (r) => seconds(r[p])
        )
      ),
      plainColumn('slow', '', (r) => (
        <a className={link.link} href={slowTracesHref(r)}>
          <Trans i18nKey="services.stats.slow-traces">Show slow traces</Trans>
        </a>
      )),
    ],
    [byOperation, onSelect, selected, slowTracesHref, styles, link]
  );
  return (
    <NamedTable
      label={label}
      className={styles.table}
      columns={columns}
      data={rows}
      getRowId={(r) => `${r.service}\u0000${r.operation ?? ''}`}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({ 'tbody tr:has(button[aria-pressed="true"])': { background: theme.colors.action.selected } }),
  name: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.link,
    cursor: 'pointer',
    textAlign: 'left',
    '&:hover': { textDecoration: 'underline' },
    '&[aria-pressed="true"]': { fontWeight: theme.typography.fontWeightMedium },
  }),
  error: css({ color: theme.colors.error.text }),
});
