/**
 * Above the waterfall of a huge trace (summaryView.ts): on the summary, what is folded and why,
 * with "Show all spans" (`spans=all`); with every span shown, the way back to the summary.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, useStyles2 } from '@grafana/ui';
import { formatDuration } from '../../components/breakdown';
import { PRUNE_SELF_FRACTION } from '../../engine';
import { SUMMARY_SPAN_THRESHOLD } from './summaryView';

interface Props {
  spanCount: number;
  /** the self-time bound under which off-path subtrees fold, ns; undefined when every span is shown */
  threshold?: number;
  onAllSpans: (all: boolean) => void;
}

const count = (n: number) => n.toLocaleString('en-US');

export function SummaryNotice({ spanCount, threshold, onAllSpans }: Props) {
  const styles = useStyles2(getStyles);
  if (threshold === undefined) {
    return (
      <p className={styles.note}>
        All {count(spanCount)} spans are shown.{' '}
        <Button size="sm" variant="secondary" onClick={() => onAllSpans(false)}>
          Back to the summary
        </Button>
      </p>
    );
  }
  return (
    <p className={styles.note} data-testid="summary-notice">
      This trace has {count(spanCount)} spans (more than {count(SUMMARY_SPAN_THRESHOLD)}), so it opens on a summary:
      each subtree off the critical path whose spans together have less than {PRUNE_SELF_FRACTION * 100}% of the
      trace&apos;s duration ({formatDuration(threshold)}) of self time is folded into one row; expand it with a click or
      Enter.{' '}
      <Button size="sm" variant="secondary" onClick={() => onAllSpans(true)}>
        Show all spans
      </Button>
    </p>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary, margin: theme.spacing(0, 0, 1) }),
});
