/**
 * The summary's self-time hotspots: the spans with the most self time (engine/prune.ts
 * `selfTimeHotspots`), each with its self time and share of the trace's duration; a span's
 * button opens it in the waterfall (its folded ancestors expanded) and selects it.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, useStyles2 } from '@grafana/ui';
import { spanLabel, spanSelfTime, TraceAnalysis } from '../../engine';
import { formatDuration } from '../../components/breakdown';

interface Props {
  analysis: TraceAnalysis;
  hotspots: Uint32Array;
  onReveal: (span: number) => void;
}

export function SelfTimeHotspots({ analysis, hotspots, onReveal }: Props) {
  const styles = useStyles2(getStyles);
  const share = (ns: number) => {
    const percent = analysis.duration > 0 ? (ns / analysis.duration) * 100 : 0;
    return percent < 0.1
      ? t('trace.hotspots.share-small', 'under 0.1% of the trace')
      : t('trace.hotspots.share', '{{percent}}% of the trace', { percent: percent.toFixed(1) });
  };
  return (
    <section className={styles.wrap} aria-label={t('trace.hotspots.label', 'Self-time hotspots')}>
      <div className={styles.heading}>
        {t('trace.hotspots.heading', '', {
          count: hotspots.length,
          defaultValue_one: 'Self-time hotspots: the span with the most self time',
          defaultValue_other: 'Self-time hotspots: the {{count}} spans with the most self time',
        })}
      </div>
      <ol className={styles.list}>
        {Array.from(hotspots, (i) => (
          <li key={i} data-testid="hotspot">
            <Button fill="text" size="sm" className={styles.span} onClick={() => onReveal(i)}>
              {spanLabel(analysis.trace, i)}
            </Button>{' '}
            <strong>{formatDuration(spanSelfTime(analysis, i))}</strong>{' '}
            <span className={styles.note}>{share(spanSelfTime(analysis, i))}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ marginBottom: theme.spacing(2) }),
  heading: css({ fontWeight: theme.typography.fontWeightMedium }),
  list: css({ margin: 0, paddingLeft: theme.spacing(3), fontVariantNumeric: 'tabular-nums' }),
  span: css({ padding: theme.spacing(0, 0.5), height: 'auto', verticalAlign: 'baseline' }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
