import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import type { PanelMessage } from './input';

const ICONS = { info: 'info-circle', warning: 'exclamation-triangle', error: 'exclamation-circle' } as const;

/** A message filling the panel: what is wrong and what to do, readable from a 3×3 cell up. */
export function PanelMessageView({ message }: { message: PanelMessage }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrap} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="panel-message">
      <div className={styles.title}>
        <Icon name={ICONS[message.tone]} className={styles[message.tone]} />
        {message.title}
      </div>
      <p className={styles.detail}>{message.detail}</p>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({
    height: '100%',
    overflow: 'auto',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    alignItems: 'center',
    textAlign: 'center',
    padding: theme.spacing(0.5),
    gap: theme.spacing(0.5),
  }),
  title: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontWeight: theme.typography.fontWeightMedium,
  }),
  detail: css({
    margin: 0,
    maxWidth: 560,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  info: css({ color: theme.colors.info.text }),
  warning: css({ color: theme.colors.warning.text }),
  error: css({ color: theme.colors.error.text }),
});
