/**
 * A compare-page cell "slow vs baseline (±difference)": the two sides' values and slow − baseline,
 * each already worded by the caller ("–" where unknown), the difference red when it makes the
 * slow side worse, green when better, grey when neither. O(1).
 */
import React from 'react';
import { css } from '@emotion/css';
import { t } from '@grafana/i18n';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { AS_TEXT } from '../../components/i18n';

interface Props {
  slow: string;
  baseline: string;
  difference: string;
  /** whether the difference makes the slow side worse; undefined: neither */
  worse: boolean | undefined;
}

export function SlowVsBaseline({ slow, baseline, difference, worse }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <span className={styles.cell}>
      {t('compare.slow-vs-baseline', '{{slow}} vs {{baseline}}', { slow, baseline, ...AS_TEXT })}{' '}
      <span className={worse === undefined ? styles.neutral : worse ? styles.worse : styles.better}>
        ({difference})
      </span>
    </span>
  );
}

/** A signed amount: "+" or "−" before `text(|v|)`; "–" where unknown. */
export function signed(v: number | null, text: (v: number) => string): string {
  return v === null || !Number.isFinite(v) ? '–' : `${v >= 0 ? '+' : '−'}${text(Math.abs(v))}`;
}

const getStyles = (theme: GrafanaTheme2) => ({
  cell: css({ whiteSpace: 'nowrap' }),
  neutral: css({ color: theme.colors.text.secondary }),
  worse: css({ color: theme.colors.error.text }),
  better: css({ color: theme.colors.success.text }),
});
