import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { rowColor } from './breakdown/colors';
import { formatDuration } from './breakdown/format';
import { AS_TEXT } from './i18n';

export interface ServiceSegment {
  service: string;
  /** ns */
  value: number;
  /** palette index, the same for a service everywhere on the page */
  colorIndex: number;
}

/** A one-line stacked bar of a trace's self time per service, for table cells; text for screen readers. */
export function ServiceBar({ segments }: { segments: ServiceSegment[] }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const total = segments.reduce((s, x) => s + x.value, 0) || 1;
  const text = segments
    .map((s) =>
      t('components.service-bar.segment', '{{service}} {{duration}}', {
        service: s.service,
        duration: formatDuration(s.value),
        ...AS_TEXT,
      })
    )
    .join(t('components.service-bar.separator', ', '));
  const label = t('components.service-bar.label', 'Self time per service: {{text}}', {
    text,
    ...AS_TEXT,
  });
  return (
    <div className={styles.track} role="img" aria-label={label} title={text}>
      {segments.map((s) => (
        <div
          key={s.service}
          style={{ width: `${(s.value / total) * 100}%`, background: rowColor(theme, s.colorIndex) }}
        />
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  track: css({
    display: 'flex',
    height: 10,
    width: 160,
    borderRadius: 2,
    overflow: 'hidden',
    background: theme.colors.background.secondary,
  }),
});
