import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { AS_TEXT } from '../i18n';
import { labelText } from '../noneLabel';
import { rowColor } from './colors';
import { formatDuration } from './format';
import { RowLabel } from './RowLabel';
import { barRowStyle, rowListStyle } from './styles';
import { DurationUnit, TraceStackView } from './types';

export interface StackedTraceBarsProps {
  stacks: TraceStackView[];
  /** name of the segment values, e.g. "Self time" */
  measureLabel: string;
  unit?: DurationUnit;
}

/** Text of a stack for tooltips and screen readers: each segment with its value. */
export function stackSummary(stack: TraceStackView, measureLabel: string, unit: DurationUnit): string {
  const segments = stack.segments
    .filter((s) => s.value > 0)
    .map((s) =>
      t('breakdown.stack.segment', '{{label}} {{duration}}', {
        label: labelText(s.label),
        duration: formatDuration(s.value, unit),
        ...AS_TEXT,
      })
    );
  return t('breakdown.stack.summary', '{{trace}} ({{duration}}), {{measure}}: {{segments}}', {
    trace: stack.label,
    duration: formatDuration(stack.duration, unit),
    measure: measureLabel,
    segments: segments.join(t('breakdown.stack.separator', ', ')),
    ...AS_TEXT,
  });
}

/**
 * One stacked bar per trace: a segment per group, widths relative to the largest stack, with a
 * legend of the groups. Segment values of one trace can exceed its duration for self time of
 * parallel work, so bars are scaled to the stack totals, not to durations.
 */
export function StackedTraceBars({ stacks, measureLabel, unit = 'auto' }: StackedTraceBarsProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const totals = stacks.map((s) => s.segments.reduce((sum, seg) => sum + seg.value, 0));
  const scale = Math.max(...totals, 1e-9);
  const legend = new Map<string, { label: string; colorIndex: number }>();
  stacks.forEach((s) => s.segments.forEach((seg) => legend.set(seg.key, seg)));
  return (
    <div className={styles.wrap}>
      <ul
        className={styles.list}
        aria-label={t('breakdown.stack.label', '{{measure}} per trace', { measure: measureLabel, ...AS_TEXT })}
      >
        {stacks.map((stack, i) => {
          const summary = stackSummary(stack, measureLabel, unit);
          return (
            <li key={`${stack.traceId}-${i}`} className={styles.row} data-testid="trace-stack">
              <RowLabel label={stack.label} href={stack.href} title={summary} />
              <div className={styles.track} role="img" aria-label={summary}>
                {stack.segments.map((seg) => (
                  <div
                    key={seg.key}
                    className={styles.segment}
                    style={{ width: `${(seg.value / scale) * 100}%`, background: rowColor(theme, seg.colorIndex) }}
                    title={t('breakdown.summary.value', '{{label}}: {{duration}}', {
                      label: labelText(seg.label),
                      duration: formatDuration(seg.value, unit),
                      ...AS_TEXT,
                    })}
                  />
                ))}
              </div>
              <span className={styles.value}>{formatDuration(totals[i], unit)}</span>
            </li>
          );
        })}
      </ul>
      <ul className={styles.legend} aria-label={t('breakdown.stack.legend', 'Legend')}>
        {[...legend].map(([key, item]) => (
          <li key={key} className={styles.legendItem}>
            <span className={styles.swatch} style={{ background: rowColor(theme, item.colorIndex) }} aria-hidden />
            {labelText(item.label)}
          </li>
        ))}
      </ul>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  list: css(rowListStyle(theme)),
  row: css(barRowStyle(theme, 60)),
  track: css({
    display: 'flex',
    height: 14,
    background: theme.colors.background.secondary,
    borderRadius: 2,
    overflow: 'hidden',
  }),
  segment: css({ height: '100%', borderRight: `1px solid ${theme.colors.background.primary}` }),
  value: css({ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }),
  legend: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 1.5),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
  legendItem: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  swatch: css({ width: 10, height: 10, borderRadius: 2 }),
});
