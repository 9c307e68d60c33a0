/**
 * The breakdown as a table (Grafana's InteractiveTable): one row per group with its colour swatch
 * and label (a link when the row has one), then value, share, waiting time (busy/idle), spans,
 * per-trace percentiles and the overlay when the view has them, in the view's order. Column
 * headers sort (label A→Z first, numbers largest first; again: reverse; a third time: the view's
 * order); "Other" stays last. O(rows · log rows) per sort.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Column, useStyles2, useTheme2 } from '@grafana/ui';
import { AS_TEXT } from '../i18n';
import { NamedTable } from '../NamedTable';
import { sortableColumn, SortOptions } from '../tableColumns';
import { rowColor } from './colors';
import { formatDuration, formatShare } from './format';
import { RowLabel } from './RowLabel';
import { BreakdownView, BreakdownViewRow, DurationUnit } from './types';

export interface BreakdownTableProps {
  view: BreakdownView;
  unit?: DurationUnit;
}

const OTHER_LAST: SortOptions<BreakdownViewRow> = { pinned: (r) => r.merged !== undefined };

function columnsOf(view: BreakdownView, unit: DurationUnit, label: (r: BreakdownViewRow) => React.ReactNode) {
  const text = (ns: number | undefined) => (ns === undefined ? '' : formatDuration(ns, unit));
  /** a column of durations (ns) in `unit`, empty where a row has none */
  const duration = (id: string, header: string, value: (r: BreakdownViewRow) => number | undefined) =>
    sortableColumn(id, header, value, (r) => text(value(r)), OTHER_LAST);
  const cols: Array<Column<BreakdownViewRow>> = [
    sortableColumn('label', t('breakdown.table.group', 'Group'), (r) => r.label, label, {
      ...OTHER_LAST,
      ascendingFirst: true,
    }),
    duration('value', view.measureLabel, (r) => r.value),
    sortableColumn(
      'share',
      t('breakdown.table.share', 'Share'),
      (r) => r.share,
      (r) => formatShare(r.share),
      OTHER_LAST
    ),
  ];
  if (view.rows.some((r) => r.waiting !== undefined)) {
    cols.push(duration('waiting', t('breakdown.table.waiting', 'Waiting'), (r) => r.waiting));
  }
  cols.push(
    sortableColumn(
      'count',
      t('breakdown.table.spans', 'Spans'),
      (r) => r.count,
      (r) => r.count,
      OTHER_LAST
    )
  );
  if (view.percentilesOf) {
    for (const p of ['p50', 'p90', 'p99'] as const) {
      const header = t('breakdown.table.percentile', '{{percentile}} {{of}}', {
        percentile: p,
        of: view.percentilesOf,
        ...AS_TEXT,
      });
      cols.push(duration(p, header, (r) => r.percentiles?.[p]));
    }
  }
  if (view.overlayLabel) {
    cols.push(duration('overlay', view.overlayLabel, (r) => r.overlay));
  }
  return cols;
}

export function BreakdownTable({ view, unit = 'auto' }: BreakdownTableProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const columns = useMemo(
    () =>
      columnsOf(view, unit, (r) => (
        <span className={styles.label}>
          <span
            className={styles.swatch}
            style={{ background: rowColor(theme, r.colorIndex) }}
            aria-hidden
            data-testid="swatch"
          />
          <RowLabel label={r.label} href={r.href} />
        </span>
      )),
    [view, unit, styles, theme]
  );
  return (
    <NamedTable
      label={t('breakdown.by-group', '{{measure}} by group', { measure: view.measureLabel, ...AS_TEXT })}
      description={t('breakdown.table.description', '{{measure}} by group, {{note}}', {
        measure: view.measureLabel,
        note: view.denominatorNote,
        ...AS_TEXT,
      })}
      columns={columns}
      data={view.rows}
      getRowId={(r) => r.key}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  label: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.75), maxWidth: 320 }),
  swatch: css({ flex: 'none', width: 10, height: 10, borderRadius: 2 }),
});
