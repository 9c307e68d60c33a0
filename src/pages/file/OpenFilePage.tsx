/**
 * "Open a trace file": upload (drop or choose) or paste a trace file in any format the engine reads
 * (`readTraceFile`). A file with one trace opens its trace page; a file with several opens the
 * picker at `?file=<id>`. The files stay in the App's state for this tab (TraceFilesContext), so a
 * picker or trace link outlives navigation but not a reload, and says so.
 */
import React, { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { t, Trans } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { LinkButton, useStyles2 } from '@grafana/ui';
import { useUrlState } from '../../app/urlState';
import { AS_TEXT } from '../../components/i18n';
import { FileGone } from '../../components/FileGone';
import { OpenFileForm } from './OpenFileForm';
import { displayName, fileTraceUrl, findFile, LoadedFile, openFileUrl } from '../../app/traceFiles';
import { TracePicker } from './TracePicker';
import { useTraceFiles } from '../../app/TraceFilesContext';
import { useOpenTraceFile } from './useOpenTraceFile';

export default function OpenFilePage() {
  const styles = useStyles2(getStyles);
  const { params } = useUrlState();
  const fileParam = params.get('file');
  const { files } = useTraceFiles();
  const navigate = useNavigate();
  const onOpened = useCallback(
    (file: LoadedFile) => navigate(file.traces.length === 1 ? fileTraceUrl(file, file.traces[0]) : openFileUrl(file)),
    [navigate]
  );
  const open = useOpenTraceFile(onOpened);

  if (fileParam) {
    const file = findFile(files, fileParam);
    return (
      <PluginPage>
        <h2>
          {file
            ? t('file.traces-in', 'Traces in {{name}}', { name: displayName(file.name), ...AS_TEXT })
            : t('file.title', 'Open a trace file')}
        </h2>
        {file ? (
          <div className={styles.picker}>
            <TracePicker file={file} />
            <LinkButton variant="secondary" icon="upload" href={openFileUrl()}>
              <Trans i18nKey="file.open-another">Open another file</Trans>
            </LinkButton>
          </div>
        ) : (
          <FileGone />
        )}
      </PluginPage>
    );
  }
  return (
    <PluginPage>
      <h2>{t('file.title', 'Open a trace file')}</h2>
      <OpenFileForm {...open} />
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  picker: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), alignItems: 'flex-start' }),
});
