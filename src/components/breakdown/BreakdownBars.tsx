import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { AS_TEXT } from '../i18n';
import { rowColor } from './colors';
import { formatDuration, formatShare } from './format';
import { RowLabel } from './RowLabel';
import { barRowStyle, rowListStyle } from './styles';
import { BreakdownView, BreakdownViewRow, DurationUnit } from './types';

export interface BreakdownBarsProps {
  view: BreakdownView;
  unit?: DurationUnit;
  /** below this width (px) label and bar stack on two lines; default 360 */
  compactBelow?: number;
  width?: number;
}

/** Tooltip text of a row: value, share with its denominator, spans, overlay. */
export function rowSummary(view: BreakdownView, row: BreakdownViewRow, unit: DurationUnit): string {
  const valued = (label: string, ns: number) =>
    t('breakdown.summary.value', '{{label}}: {{duration}}', { label, duration: formatDuration(ns, unit), ...AS_TEXT });
  const parts = [
    valued(view.measureLabel, row.value),
    t('breakdown.summary.share', '{{share}} ({{note}})', {
      share: formatShare(row.share),
      note: view.denominatorNote,
      ...AS_TEXT,
    }),
  ];
  if (row.waiting !== undefined) {
    parts.push(valued(waitingLabel(), row.waiting));
  }
  if (Number.isFinite(row.count)) {
    parts.push(
      t('breakdown.summary.spans', '', {
        count: row.count,
        defaultValue_one: '{{count}} span',
        defaultValue_other: '{{count}} spans',
      })
    );
  }
  if (row.overlay !== undefined && view.overlayLabel) {
    parts.push(valued(view.overlayLabel, row.overlay));
  }
  return parts.join(' · ');
}

const waitingLabel = () => t('breakdown.waiting', 'waiting on others');

/** Horizontal bars, one per row, scaled to the largest value (or overlay); values and shares as text. */
export function BreakdownBars({ view, unit = 'auto', compactBelow = 360, width }: BreakdownBarsProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const scale = Math.max(...view.rows.map((r) => Math.max(r.value + (r.waiting ?? 0), r.overlay ?? 0)), 1e-9);
  const compact = width !== undefined && width < compactBelow;
  return (
    <ul
      className={styles.list}
      aria-label={t('breakdown.by-group', '{{measure}} by group', { measure: view.measureLabel, ...AS_TEXT })}
    >
      {view.rows.map((row) => {
        const summary = rowSummary(view, row, unit);
        return (
          <li key={row.key} className={compact ? styles.rowCompact : styles.row} data-testid="breakdown-row">
            <RowLabel label={row.label} href={row.href} title={summary} />
            <div className={styles.track} aria-hidden>
              <div
                className={styles.bar}
                style={{ width: pct(row.value, scale), background: rowColor(theme, row.colorIndex) }}
              />
              {row.waiting !== undefined && (
                <div className={styles.waiting} style={{ width: pct(row.waiting, scale) }} title={waitingLabel()} />
              )}
              {row.overlay !== undefined && (
                <div className={styles.overlay} style={{ left: pct(row.overlay, scale) }} />
              )}
            </div>
            <span className={styles.value}>
              {formatDuration(row.value, unit)} <span className={styles.share}>{formatShare(row.share)}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const pct = (v: number, scale: number) => `${Math.max(0, Math.min(100, (v / scale) * 100))}%`;

const getStyles = (theme: GrafanaTheme2) => ({
  list: css(rowListStyle(theme)),
  row: css(barRowStyle(theme, 80)),
  rowCompact: css({
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gridTemplateAreas: '"label value" "bar bar"',
    columnGap: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    '& > :nth-child(1)': { gridArea: 'label' },
    '& > :nth-child(2)': { gridArea: 'bar', height: 6 },
    '& > :nth-child(3)': { gridArea: 'value' },
  }),
  track: css({
    position: 'relative',
    display: 'flex',
    height: 14,
    background: theme.colors.background.secondary,
    borderRadius: 2,
  }),
  bar: css({ height: '100%', borderRadius: 2 }),
  waiting: css({
    height: '100%',
    background: `repeating-linear-gradient(45deg, ${theme.colors.border.medium} 0 3px, transparent 3px 6px)`,
  }),
  // the tick ends at its value, so a tick at 100% stays inside the track
  overlay: css({
    position: 'absolute',
    top: -2,
    bottom: -2,
    width: 2,
    marginLeft: -2,
    background: theme.colors.text.primary,
  }),
  value: css({ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', textAlign: 'right' }),
  share: css({ color: theme.colors.text.secondary }),
});
