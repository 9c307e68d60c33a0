/**
 * The trace page's critical-path area: the choice of path (PathModeSwitch, `path` in the URL), the
 * unattributed gaps of the chosen path — each with its duration and the spans around it, which
 * select the span when clicked — and the links neither path follows, with the linked traces' pages
 * when there are few.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Button, useStyles2 } from '@grafana/ui';
import { PathMode, TraceAnalysis } from '../../engine';
import { PathModeSwitch } from '../../components/PathModeSwitch';
import { formatDuration } from '../../components/breakdown';
import { GapRow, pathGapRows, SpanRef } from './pathGapRows';
import { TraceIdLinks } from './TraceIdLinks';

/** Linked traces are listed by id up to this many. */
const LINKED_TRACES_SHOWN = 5;

interface Props {
  analysis: TraceAnalysis;
  mode: PathMode;
  onModeChange: (mode: PathMode) => void;
  onSelect: (span: number) => void;
  /** the trace page of another trace; undefined where traces cannot be opened (a trace from a file) */
  traceHref?: (traceId: string) => string;
}

/**
 * A path span as a button selecting it. A component given no children: Trans remounts a
 * self-closing tag's element that has children on every render, which would drop a click or the
 * keyboard focus whenever the page re-renders.
 */
function SpanButton({ span, onSelect }: { span: SpanRef; onSelect: (span: number) => void }) {
  const styles = useStyles2(getStyles);
  return (
    <Button fill="text" size="sm" className={styles.span} onClick={() => onSelect(span.index)}>
      {span.label}
    </Button>
  );
}

/** A gap's row: its duration, start and the path's spans around it, each a button selecting the span. */
function GapItem({ gap, mode, onSelect }: { gap: GapRow; mode: PathMode; onSelect: (span: number) => void }) {
  const span = (s: SpanRef) => <SpanButton span={s} onSelect={onSelect} />;
  const values = { duration: formatDuration(gap.duration), start: formatDuration(gap.start) };
  const strong = <strong />;
  if (gap.before && gap.after) {
    return (
      <Trans
        i18nKey="trace.path.gap-between"
        defaults="<strong>{{duration}}</strong> at {{start}} between <before /> and <after />"
        values={values}
        components={{ strong, before: span(gap.before), after: span(gap.after) }}
      />
    );
  }
  if (gap.before && mode === 'sync') {
    return (
      <Trans
        i18nKey="trace.path.gap-after-sync"
        defaults="<strong>{{duration}}</strong> at {{start}} after <before />: the synchronous path has ended; async work runs until the trace ends"
        values={values}
        components={{ strong, before: span(gap.before) }}
      />
    );
  }
  if (gap.before) {
    return (
      <Trans
        i18nKey="trace.path.gap-after"
        defaults="<strong>{{duration}}</strong> at {{start}} after <before />"
        values={values}
        components={{ strong, before: span(gap.before) }}
      />
    );
  }
  if (gap.after) {
    return (
      <Trans
        i18nKey="trace.path.gap-from-start"
        defaults="<strong>{{duration}}</strong> at {{start}} from the trace’s start until <after />"
        values={values}
        components={{ strong, after: span(gap.after) }}
      />
    );
  }
  return (
    <Trans
      i18nKey="trace.path.gap-no-span"
      defaults="<strong>{{duration}}</strong> at {{start}}: no span of the path runs"
      values={values}
      components={{ strong }}
    />
  );
}

export function CriticalPathSection({ analysis, mode, onModeChange, onSelect, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const { rows, more } = pathGapRows(analysis);
  const { gapTotal, gaps } = analysis.criticalPath;
  return (
    <section className={styles.wrap} aria-label={t('trace.path.label', 'Critical path')}>
      <PathModeSwitch value={mode} onChange={onModeChange} />
      {gaps.length === 0 ? (
        <p className={styles.note}>
          <Trans i18nKey="trace.path.no-gaps">No unattributed gaps: the path accounts for the whole trace.</Trans>
        </p>
      ) : (
        <div>
          <div className={styles.heading}>
            {gaps.length > rows.length
              ? t('trace.path.gaps-largest', '', {
                  total: formatDuration(gapTotal),
                  count: gaps.length,
                  shown: rows.length,
                  defaultValue_one: 'Unattributed gaps: {{total}} in {{count}} gap, the {{shown}} largest:',
                  defaultValue_other: 'Unattributed gaps: {{total}} in {{count}} gaps, the {{shown}} largest:',
                })
              : t('trace.path.gaps', '', {
                  total: formatDuration(gapTotal),
                  count: gaps.length,
                  defaultValue_one: 'Unattributed gaps: {{total}} in {{count}} gap',
                  defaultValue_other: 'Unattributed gaps: {{total}} in {{count}} gaps',
                })}
          </div>
          <ul className={styles.list} aria-label={t('trace.path.gaps-label', 'Unattributed gaps')}>
            {rows.map((g) => (
              <li key={g.start}>
                <GapItem gap={g} mode={mode} onSelect={onSelect} />
              </li>
            ))}
          </ul>
          {more > 0 && (
            <p className={styles.note}>
              {t('trace.path.more-gaps', '', {
                count: more,
                defaultValue_one: 'and {{count}} smaller gap',
                defaultValue_other: 'and {{count}} smaller gaps',
              })}
            </p>
          )}
        </div>
      )}
      <UnfollowedLinks analysis={analysis} traceHref={traceHref} />
    </section>
  );
}

/** "N links not followed (M to other traces)", with the linked traces when few. */
function UnfollowedLinks({ analysis, traceHref }: Pick<Props, 'analysis' | 'traceHref'>) {
  const styles = useStyles2(getStyles);
  const { sameTrace, otherTrace, otherTraceIds } = analysis.unfollowedLinks;
  if (sameTrace + otherTrace === 0) {
    return null;
  }
  const few = otherTraceIds.length > 0 && otherTraceIds.length <= LINKED_TRACES_SHOWN;
  return (
    <p className={styles.note} data-testid="unfollowed-links">
      {t('trace.path.unfollowed-links', '', {
        count: sameTrace + otherTrace,
        otherTrace,
        defaultValue_one:
          '{{count}} link not followed ({{otherTrace}} to other traces): neither path follows a link to a span other than the parent, or into another trace.',
        defaultValue_other:
          '{{count}} links not followed ({{otherTrace}} to other traces): neither path follows a link to a span other than the parent, or into another trace.',
      })}
      {few && (
        <>
          {' '}
          {t('trace.path.linked-traces', '', {
            count: otherTraceIds.length,
            defaultValue_one: 'Linked trace:',
            defaultValue_other: 'Linked traces:',
          })}{' '}
          <TraceIdLinks traceIds={otherTraceIds} traceHref={traceHref} />
        </>
      )}
    </p>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), marginBottom: theme.spacing(2) }),
  heading: css({ fontWeight: theme.typography.fontWeightMedium }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  span: css({ padding: theme.spacing(0, 0.5), height: 'auto', verticalAlign: 'baseline' }),
  note: css({ margin: 0, color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
