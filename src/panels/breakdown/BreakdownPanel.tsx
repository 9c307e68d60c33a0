import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

/** Trace latency breakdown panel. Until its analysis lands, it says what input it needs. */
export function BreakdownPanel({ width, height }: PanelProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.message} style={{ width, height }} role="status">
      <p>This panel needs a trace query.</p>
      <p>Add a Tempo query by trace ID, or a TraceQL search, to see where the time goes per service.</p>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  message: css({
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    alignItems: 'center',
    textAlign: 'center',
    color: theme.colors.text.secondary,
    padding: theme.spacing(1),
    overflow: 'hidden',
  }),
});
