/**
 * The trace page's critical-path area: the choice of path (PathModeSwitch, `path` in the URL), the
 * unattributed gaps of the chosen path — each with its duration and the spans around it, which
 * select the span when clicked — and the links neither path follows, with the linked traces' pages
 * when there are few.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function CriticalPathSection({ analysis, mode, onModeChange, onSelect, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const { rows, more } = pathGapRows(analysis);
  const { gapTotal, gaps } = analysis.criticalPath;
  const span = (s: SpanRef) => (
    <Button fill="text" size="sm" className={styles.span} onClick={() => onSelect(s.index)}>
      {s.label}
    </Button>
  );
  const where = (g: GapRow) => {
    if (g.before && g.after) {
      return (
        <>
          between {span(g.before)} and {span(g.after)}
        </>
      );
    }
    if (g.before) {
      const why = mode === 'sync' ? 'the synchronous path has ended; async work runs until the trace ends' : '';
      return (
        <>
          after {span(g.before)}
          {why && `: ${why}`}
        </>
      );
    }
    return g.after ? <>from the trace’s start until {span(g.after)}</> : <>no span of the path runs</>;
  };
  return (
    <section className={styles.wrap} aria-label="Critical path">
      <PathModeSwitch value={mode} onChange={onModeChange} />
      {gaps.length === 0 ? (
        <p className={styles.note}>No unattributed gaps: the path accounts for the whole trace.</p>
      ) : (
        <div>
          <div className={styles.heading}>
            Unattributed gaps: {formatDuration(gapTotal)} in {plural(gaps.length, 'gap')}
            {gaps.length > rows.length && `, the ${rows.length} largest:`}
          </div>
          <ul className={styles.list} aria-label="Unattributed gaps">
            {rows.map((g) => (
              <li key={g.start}>
                <strong>{formatDuration(g.duration)}</strong> at {formatDuration(g.start)} {where(g)}
              </li>
            ))}
          </ul>
          {more > 0 && <p className={styles.note}>and {plural(more, 'smaller gap')}</p>}
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
      {plural(sameTrace + otherTrace, 'link')} not followed ({otherTrace} to other traces): neither path follows a link
      to a span other than the parent, or into another trace.
      {few && (
        <>
          {' '}
          Linked {otherTraceIds.length === 1 ? 'trace' : 'traces'}:{' '}
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
