/**
 * The choice of critical path, for the trace page and the aggregate views: "Synchronous blocking
 * only" or "Follow async work and links" (engine: critical-path.ts), with the chosen rule in one
 * short sentence below. A radio group: Tab reaches it, the arrow keys choose.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { RadioButtonGroup, useStyles2 } from '@grafana/ui';
import type { PathMode } from '../engine';

const OPTIONS: Array<{ label: string; value: PathMode }> = [
  { label: 'Synchronous blocking only', value: 'sync' },
  { label: 'Follow async work and links', value: 'async' },
];

/** Each mode's rule, as the page states it. */
export const PATH_MODE_RULES: Record<PathMode, string> = {
  sync:
    'Only work the request waited for: a span’s children that end within it and are neither consumers nor linked to it. ' +
    'Async work is left out; time when no span of that chain runs is an unattributed gap.',
  async:
    'Also follows async work (consumers, children linked to their parent, work that outlives its parent) once every span ' +
    'that did not wait for it has ended. Time when no span of the path runs, such as a message waiting in a queue, ' +
    'is an unattributed gap. Links to other spans or other traces are not followed.',
};

interface Props {
  value: PathMode;
  onChange: (mode: PathMode) => void;
}

export function PathModeSwitch({ value, onChange }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrap}>
      <div className={styles.line}>
        <span className={styles.label}>Critical path</span>
        <RadioButtonGroup aria-label="Critical path" size="sm" options={OPTIONS} value={value} onChange={onChange} />
      </div>
      <p className={styles.rule} data-testid="path-mode-rule">
        {PATH_MODE_RULES[value]}
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
