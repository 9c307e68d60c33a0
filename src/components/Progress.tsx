import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { AS_TEXT } from './i18n';

interface Props {
  /** e.g. "Fetching traces" */
  label: string;
  done: number;
  total: number;
  /** how counts read, e.g. as bytes; default the plain number */
  format?: (n: number) => string;
}

/** A progress bar with counts ("Fetching traces: 12 of 40"), for work over many traces. */
export function Progress({ label, done, total, format = String }: Props) {
  const styles = useStyles2(getStyles);
  const text = t('components.progress.text', '{{label}}: {{done}} of {{total}}', {
    label,
    done: format(done),
    total: format(total),
    ...AS_TEXT,
  });
  return (
    <div
      className={styles.wrap}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={text}
    >
      <span className={styles.text}>{text}</span>
      <div className={styles.track}>
        <div className={styles.fill} style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  text: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
  track: css({ flex: '0 1 240px', height: 6, background: theme.colors.background.secondary, borderRadius: 3 }),
  fill: css({ height: '100%', background: theme.colors.primary.main, borderRadius: 3, transition: 'width 0.2s' }),
});
