/** The trace page's line on where a trace from a file came from, and why Explore and percentiles are off for it. */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Icon, useStyles2 } from '@grafana/ui';
import { displayName, FORMAT_LABELS, LoadedFile } from '../../app/traceFiles';
import { AS_TEXT } from '../../components/i18n';

export function FileProvenance({ file }: { file: LoadedFile }) {
  const styles = useStyles2(getStyles);
  return (
    <p className={styles.line} data-testid="trace-provenance">
      <Icon name="file-alt" />{' '}
      {t('trace.file.from', 'From file {{name}}, {{format}}.', {
        name: displayName(file.name),
        format: FORMAT_LABELS[file.format],
        ...AS_TEXT,
      })}{' '}
      <span className={styles.note}>
        <Trans i18nKey="trace.file.off">
          Open in Explore and span-metric percentiles need a datasource, so they are off for a trace from a file.
        </Trans>
      </span>
    </p>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  line: css({ display: 'flex', gap: theme.spacing(0.5), alignItems: 'baseline', flexWrap: 'wrap' }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
