import React from 'react';
import { t, Trans } from '@grafana/i18n';
import { Alert, LinkButton } from '@grafana/ui';
import { openFileUrl } from '../app/traceFiles';

/**
 * Said where a link points at a trace file that is no longer open: files live only in the browser
 * tab that opened them, so a reload (or a link shared from another tab) finds nothing.
 */
export function FileGone() {
  return (
    <Alert severity="info" title={t('file.gone.title', 'The trace file is no longer open')}>
      <p>
        <Trans i18nKey="file.gone.body">
          This page showed a trace from a file. TraceLens keeps opened files only until the page is reloaded or the tab
          is closed, and this file is gone. Open it again to analyse it.
        </Trans>
      </p>
      <LinkButton icon="upload" href={openFileUrl()}>
        {t('file.title', 'Open a trace file')}
      </LinkButton>
    </Alert>
  );
}
