/**
 * While the trace page's trace loads: how far its download has come — bytes received (of the
 * total when the server said it) and spans read so far, as the worker reports them, and once all
 * is in, that the worker is analysing the trace — and a Cancel button (ends the download and the
 * reading); after a cancel, a note and "Load again".
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, useStyles2 } from '@grafana/ui';
import { bytesText } from '../../components/bytesText';
import { countText } from '../../components/countText';
import { AS_TEXT } from '../../components/i18n';
import { LatestValue, useLatestValue } from '../../app/latestValue';
import type { LoadProgress as Progress } from '../../loading';

interface Props {
  /** the latest report; only this component re-renders with each one */
  progress: LatestValue<Progress | undefined>;
  cancelled: boolean;
  onCancel(): void;
  onRetry(): void;
}

/** "12.5 MB of 40 MB received, 30,000 spans read" (the parts known so far), then "…; analysing the trace…". */
function progressText({ bytes: received, totalBytes, spans, analysing }: Progress): string {
  const got =
    totalBytes === undefined
      ? t('trace.loading.received', '{{received}} received', { received: bytesText(received), ...AS_TEXT })
      : t('trace.loading.received-of', '{{received}} of {{total}} received', {
          received: bytesText(received),
          total: bytesText(totalBytes),
          ...AS_TEXT,
        });
  const read =
    spans > 0
      ? t('trace.loading.spans', '{{received}}, {{spans}} spans read', {
          received: got,
          spans: countText(spans),
          count: spans,
          ...AS_TEXT,
        })
      : got;
  return analysing ? t('trace.loading.analysing', '{{read}}; analysing the trace…', { read, ...AS_TEXT }) : read;
}

export function LoadProgress({ progress: store, cancelled, onCancel, onRetry }: Props) {
  const styles = useStyles2(getStyles);
  const progress = useLatestValue(store);
  if (cancelled) {
    return (
      <div className={styles.row}>
        <span>{t('trace.loading.cancelled', 'Loading was cancelled.')}</span>
        <Button size="sm" variant="secondary" icon="sync" onClick={onRetry}>
          {t('trace.loading.retry', 'Load again')}
        </Button>
      </div>
    );
  }
  return (
    <div className={styles.row}>
      <span role="status" aria-live="polite">
        {progress ? progressText(progress) : ''}
      </span>
      <Button size="sm" variant="secondary" icon="times" onClick={onCancel}>
        {t('trace.loading.cancel', 'Cancel')}
      </Button>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    margin: theme.spacing(1, 0),
    color: theme.colors.text.secondary,
  }),
});
