/**
 * The choice of critical path, for the trace page and the aggregate views: "Synchronous blocking
 * only" or "Follow async work and links" (engine: critical-path.ts), with the chosen rule in one
 * short sentence below. A radio group: Tab reaches it, the arrow keys choose.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { RadioButtonGroup, useStyles2 } from '@grafana/ui';
import type { PathMode } from '../engine';

const options = (): Array<{ label: string; value: PathMode }> => [
  { label: t('path-mode.sync', 'Synchronous blocking only'), value: 'sync' },
  { label: t('path-mode.async', 'Follow async work and links'), value: 'async' },
];

/** A mode's rule, as the page states it, in the user's language. */
export function pathModeRule(mode: PathMode): string {
  return mode === 'sync'
    ? t(
        'path-mode.sync-rule',
        'Only work the request waited for: a span’s children that end within it and are neither consumers nor linked to it. Async work is left out; time when no span of that chain runs is an unattributed gap.'
      )
    : t(
        'path-mode.async-rule',
        'Also follows async work (consumers, children linked to their parent, work that outlives its parent) once every span that did not wait for it has ended. Time when no span of the path runs, such as a message waiting in a queue, is an unattributed gap. Links to other spans or other traces are not followed.'
      );
}

interface Props {
  value: PathMode;
  onChange: (mode: PathMode) => void;
}

export function PathModeSwitch({ value, onChange }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrap}>
      <div className={styles.line}>
        <span className={styles.label}>{t('path-mode.label', 'Critical path')}</span>
        <RadioButtonGroup
          aria-label={t('path-mode.label', 'Critical path')}
          size="sm"
          options={options()}
          value={value}
          onChange={onChange}
        />
      </div>
      <p className={styles.rule} data-testid="path-mode-rule">
        {pathModeRule(value)}
      </p>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  line: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), flexWrap: 'wrap' }),
  label: css({ fontWeight: theme.typography.fontWeightMedium }),
  rule: css({ margin: 0, color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
