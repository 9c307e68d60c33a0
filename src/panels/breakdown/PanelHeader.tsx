import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { Coverage } from '../../app/coverage';
import { CoverageLine } from '../../components/CoverageLine';

export interface PanelHeaderProps {
  /** e.g. "Self time by service · 10 traces · share of …" */
  summary: string;
  /** what the breakdown was computed from: the traces (none for all traffic) */
  coverage?: Coverage;
  /** "Use N traces", where more of the listed traces could be fetched */
  raise?: { label: string; onClick: () => void };
  /** how to read the numbers */
  notes: string[];
}

/** The lines above the breakdown: what is measured, what it was computed from, how to read it. */
export function PanelHeader({ summary, coverage, raise, notes }: PanelHeaderProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.header} data-testid="breakdown-header">
      <span>{summary}</span>
      {coverage && <CoverageLine coverage={coverage} raise={raise} />}
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
});
