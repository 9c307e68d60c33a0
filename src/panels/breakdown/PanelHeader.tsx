import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

export interface PanelHeaderProps {
  /** e.g. "Self time by service · 10 traces · share of …" */
  summary: string;
  /** what the reader must know about the input: sampling, failed or partial traces */
  warnings: string[];
  /** how to read the numbers */
  notes: string[];
}

/** The line above the breakdown: what is measured, over what, and anything to be aware of. */
export function PanelHeader({ summary, warnings, notes }: PanelHeaderProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.header} data-testid="breakdown-header">
      <span>{summary}</span>
      {warnings.map((w) => (
        <span key={w} className={styles.warning}>
          {w}
        </span>
      ))}
      {notes.map((n) => (
        <span key={n}>{n}</span>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({
    display: 'flex',
    flexDirection: 'column',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
  warning: css({ color: theme.colors.warning.text }),
});
