import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { rowColor } from './colors';
import { formatDuration, formatShare } from './format';
import { RowLabel } from './RowLabel';
import { compactTableStyle } from './styles';
import { BreakdownView, BreakdownViewRow, DurationUnit } from './types';

export interface BreakdownTableProps {
  view: BreakdownView;
  unit?: DurationUnit;
}

interface Column {
  id: string;
  header: string;
  value: (r: BreakdownViewRow) => number | string | undefined;
  text: (r: BreakdownViewRow) => string;
}

function columnsOf(view: BreakdownView, unit: DurationUnit): Column[] {
  const d = (v: number | undefined) => (v === undefined ? '' : formatDuration(v, unit));
  const cols: Column[] = [
    { id: 'label', header: 'Group', value: (r) => r.label, text: (r) => r.label },
    { id: 'value', header: view.measureLabel, value: (r) => r.value, text: (r) => d(r.value) },
    { id: 'share', header: 'Share', value: (r) => r.share, text: (r) => formatShare(r.share) },
  ];
  if (view.rows.some((r) => r.waiting !== undefined)) {
    cols.push({ id: 'waiting', header: 'Waiting', value: (r) => r.waiting, text: (r) => d(r.waiting) });
  }
  cols.push({ id: 'count', header: 'Spans', value: (r) => r.count, text: (r) => String(r.count) });
  if (view.percentilesOf) {
    for (const p of ['p50', 'p90', 'p99'] as const) {
      const header = `${p} ${view.percentilesOf}`;
      cols.push({ id: p, header, value: (r) => r.percentiles?.[p], text: (r) => d(r.percentiles?.[p]) });
    }
  }
  if (view.overlayLabel) {
    cols.push({ id: 'overlay', header: view.overlayLabel, value: (r) => r.overlay, text: (r) => d(r.overlay) });
  }
  return cols;
}

/** The breakdown as a table; column headers are buttons that sort (again: reverse). "Other" stays last. */
export function BreakdownTable({ view, unit = 'auto' }: BreakdownTableProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const columns = useMemo(() => columnsOf(view, unit), [view, unit]);
  const [sort, setSort] = useState<{ id: string; desc: boolean } | undefined>(undefined);
  const rows = useMemo(() => {
    const col = columns.find((c) => c.id === sort?.id);
    if (!col || !sort) {
      return view.rows;
    }
    const other = view.rows.filter((r) => r.merged !== undefined);
    const sorted = view.rows
      .filter((r) => r.merged === undefined)
      .sort((a, b) => {
        const [x, y] = [col.value(a), col.value(b)];
        const cmp =
          typeof x === 'string' || typeof y === 'string'
            ? String(x ?? '').localeCompare(String(y ?? ''))
            : (x ?? -Infinity) - (y ?? -Infinity);
        return sort.desc ? -cmp : cmp;
      });
    return [...sorted, ...other];
  }, [view.rows, columns, sort]);
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>
        {view.measureLabel} by group, {view.denominatorNote}
      </caption>
      <thead>
        <tr>
          {columns.map((c) => {
            const active = sort?.id === c.id;
            return (
              <th key={c.id} scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button
                  type="button"
                  className={styles.sortButton}
                  onClick={() => setSort({ id: c.id, desc: active ? !sort.desc : c.id !== 'label' })}
                >
                  {c.header}
                  {active ? (sort.desc ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid="breakdown-table-row">
            {columns.map((c, i) =>
              i === 0 ? (
                <th key={c.id} scope="row" className={styles.labelCell}>
                  <span
                    className={styles.swatch}
                    style={{ background: rowColor(theme, r.colorIndex) }}
                    aria-hidden
                    data-testid="swatch"
                  />
                  <RowLabel label={r.label} href={r.href} />
                </th>
              ) : (
                <td key={c.id} className={styles.number}>
                  {c.text(r)}
                </td>
              )
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css(compactTableStyle(theme)),
  caption: css({
    captionSide: 'bottom',
    textAlign: 'left',
    color: theme.colors.text.secondary,
    paddingTop: theme.spacing(0.5),
  }),
  sortButton: css({
    background: 'none',
    border: 'none',
    padding: 0,
    font: 'inherit',
    fontWeight: theme.typography.fontWeightMedium,
    color: theme.colors.text.primary,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  labelCell: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    fontWeight: 'normal',
    textAlign: 'left',
    maxWidth: 320,
  }),
  swatch: css({ flex: 'none', width: 10, height: 10, borderRadius: 2 }),
  number: css({ textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }),
});
