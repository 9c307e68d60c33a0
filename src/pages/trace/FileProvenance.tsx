import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import { displayName, FORMAT_LABELS, LoadedFile } from '../../app/traceFiles';

/** Where a trace from a file came from, and why Explore and percentiles are off for it. */
export function FileProvenance({ file }: { file: LoadedFile }) {
  const styles = useStyles2(getStyles);
  return (
    <p className={styles.line} data-testid="trace-provenance">
      <Icon name="file-alt" /> From file {displayName(file.name)}, {FORMAT_LABELS[file.format]}.{' '}
      <span className={styles.note}>
        Open in Explore and span-metric percentiles need a datasource, so they are off for a trace from a file.
      </span>
    </p>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  line: css({ display: 'flex', gap: theme.spacing(0.5), alignItems: 'baseline', flexWrap: 'wrap' }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
