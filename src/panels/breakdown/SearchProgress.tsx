import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

/** "Fetching traces 7 of 20" with a progress bar. */
export function SearchProgress({ done, total }: { done: number; total: number }) {
  const styles = useStyles2(getStyles);
  const text = `Fetching traces: ${done} of ${total}`;
  return (
    <div className={styles.wrap} role="status">
      <span>{text}</span>
      <div
        className={styles.track}
        role="progressbar"
        aria-label={text}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div className={styles.bar} style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  track: css({
    width: '60%',
    maxWidth: 320,
    height: 4,
    background: theme.colors.background.secondary,
    borderRadius: 2,
  }),
  bar: css({ height: '100%', background: theme.colors.primary.main, borderRadius: 2, transition: 'width 0.2s' }),
});
