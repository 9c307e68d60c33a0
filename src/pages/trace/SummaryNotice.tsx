/**
 * Above the waterfall of a huge trace (summaryView.ts): on the summary, what is folded and why,
 * with "Show all spans" (`spans=all`); with every span shown, the way back to the summary.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Button, useStyles2 } from '@grafana/ui';
import { formatDuration } from '../../components/breakdown';
import { countText } from '../../components/countText';
import { AS_TEXT } from '../../components/i18n';
import { PRUNE_SELF_FRACTION } from '../../engine';
import { SUMMARY_SPAN_THRESHOLD } from '../../loading';

interface Props {
  spanCount: number;
  /** the self-time bound under which off-path subtrees fold, ns; undefined when every span is shown */
  threshold?: number;
  onAllSpans: (all: boolean) => void;
}

export function SummaryNotice({ spanCount, threshold, onAllSpans }: Props) {
  const styles = useStyles2(getStyles);
  if (threshold === undefined) {
    return (
      <p className={styles.note}>
        {t('trace.summary-notice.all-shown', 'All {{spans}} spans are shown.', { spans: countText(spanCount) })}{' '}
        <Button size="sm" variant="secondary" onClick={() => onAllSpans(false)}>
          <Trans i18nKey="trace.summary-notice.back">Back to the summary</Trans>
        </Button>
      </p>
    );
  }
  return (
    <p className={styles.note} data-testid="summary-notice">
      {t(
        'trace.summary-notice.folded',
        "This trace has {{spans}} spans (more than {{threshold}}), so it opens on a summary: each subtree off the critical path whose spans together have less than {{percent}}% of the trace's duration ({{selfTime}}) of self time is folded into one row; expand it with a click or Enter.",
        {
          spans: countText(spanCount),
          threshold: countText(SUMMARY_SPAN_THRESHOLD),
          percent: PRUNE_SELF_FRACTION * 100,
          selfTime: formatDuration(threshold),
          ...AS_TEXT,
        }
      )}{' '}
      <Button size="sm" variant="secondary" onClick={() => onAllSpans(true)}>
        <Trans i18nKey="trace.summary-notice.show-all">Show all spans</Trans>
      </Button>
    </p>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary, margin: theme.spacing(0, 0, 1) }),
});
