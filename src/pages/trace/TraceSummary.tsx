import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import { criticalPathSectionCount, errorSpanCount, TraceAnalysis } from '../../engine';
import type { LoadWarning } from '../../loading';
import { formatDuration } from '../../components/breakdown';

interface Props {
  analysis: TraceAnalysis;
  services: string[];
  /** the loading service's warnings: the source's partial-trace note, the engine's repairs */
  warnings: readonly LoadWarning[];
}

/**
 * Duration, span/service/error counts, the length of the chosen critical path and its unattributed
 * gaps (the analysis is the page's path-mode view), whether the source sent only part of the trace, and what the
 * engine had to repair (orphans, skew, cycles…).
 */
export function TraceSummary({ analysis, services, warnings }: Props) {
  const styles = useStyles2(getStyles);
  const partial = warnings.filter((w) => w.kind === 'partial-trace');
  const repairs = warnings.filter((w) => w.kind !== 'partial-trace');
  const facts: Array<[string, string]> = [
    ['Duration', formatDuration(analysis.duration)],
    ['Spans', String(analysis.trace.spanCount)],
    ['Services', String(services.length)],
    ['Errors', String(errorSpanCount(analysis.trace))],
    [
      'Critical path',
      `${formatDuration(analysis.criticalPath.length)} in ${criticalPathSectionCount(analysis)} sections`,
    ],
    ['Unattributed gaps', formatDuration(analysis.criticalPath.gapTotal)],
  ];
  return (
    <div className={styles.wrap}>
      <dl className={styles.facts} aria-label="Trace summary">
        {facts.map(([k, v]) => (
          <div key={k} className={styles.fact}>
            <dt>{k}</dt>
            <dd data-testid={`summary-${k.toLowerCase().replace(/ /g, '-')}`}>{v}</dd>
          </div>
        ))}
      </dl>
      {partial.map((w, n) => (
        <Alert key={n} severity="warning" title="Partial trace">
          {w.message}
        </Alert>
      ))}
      {repairs.length > 0 && (
        <Alert severity="warning" title={`${repairs.length} repair${repairs.length === 1 ? '' : 's'} in this trace`}>
          <ul className={styles.list}>
            {repairs.map((w, n) => (
              <li key={n}>{w.message}</li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), marginBottom: theme.spacing(2) }),
  facts: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(3), margin: 0 }),
  fact: css({
    dt: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
    dd: { margin: 0, fontSize: theme.typography.h4.fontSize, fontVariantNumeric: 'tabular-nums' },
  }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
