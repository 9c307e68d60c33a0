import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Alert, useStyles2 } from '@grafana/ui';
import { criticalPathSectionCount, errorSpanCount, TraceAnalysis } from '../../engine';
import type { LoadWarning } from '../../loading';
import { formatDuration } from '../../components/breakdown';
import { warningText } from '../../components/warningText';

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
  // O(spans): counted once per trace, not on each of the page's renders (15 ms at 1M spans)
  const errors = useMemo(() => errorSpanCount(analysis.trace), [analysis.trace]);
  /** test id, label, value */
  const facts: Array<[string, string, string]> = [
    ['duration', t('trace.summary.duration', 'Duration'), formatDuration(analysis.duration)],
    ['spans', t('trace.summary.spans', 'Spans'), String(analysis.trace.spanCount)],
    ['services', t('trace.summary.services', 'Services'), String(services.length)],
    ['errors', t('trace.summary.errors', 'Errors'), String(errors)],
    [
      'critical-path',
      t('trace.summary.critical-path', 'Critical path'),
      t('trace.summary.critical-path-value', '', {
        length: formatDuration(analysis.criticalPath.length),
        count: criticalPathSectionCount(analysis),
        defaultValue_one: '{{length}} in {{count}} section',
        defaultValue_other: '{{length}} in {{count}} sections',
      }),
    ],
    [
      'unattributed-gaps',
      t('trace.summary.unattributed-gaps', 'Unattributed gaps'),
      formatDuration(analysis.criticalPath.gapTotal),
    ],
  ];
  return (
    <div className={styles.wrap}>
      <dl className={styles.facts} aria-label={t('trace.summary.label', 'Trace summary')}>
        {facts.map(([id, label, value]) => (
          <div key={id} className={styles.fact}>
            <dt>{label}</dt>
            <dd data-testid={`summary-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {partial.map((w, n) => (
        <Alert key={n} severity="warning" title={t('trace.summary.partial', 'Partial trace')}>
          {warningText(w)}
        </Alert>
      ))}
      {repairs.length > 0 && (
        <Alert
          severity="warning"
          title={t('trace.summary.repairs', '', {
            count: repairs.length,
            defaultValue_one: '{{count}} repair in this trace',
            defaultValue_other: '{{count}} repairs in this trace',
          })}
        >
          <ul className={styles.list}>
            {repairs.map((w, n) => (
              <li key={n}>{warningText(w)}</li>
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
