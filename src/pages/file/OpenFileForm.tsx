import React, { useState } from 'react';
import { css } from '@emotion/css';
import { t, Trans } from '@grafana/i18n';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Field, FileDropzone, FileDropzoneDefaultChildren, TextArea, useStyles2 } from '@grafana/ui';
import { bytesText } from '../../components/bytesText';
import { AS_TEXT } from '../../components/i18n';
import { Progress } from '../../components/Progress';
import { displayName } from '../../app/traceFiles';
import { OpenFailure, OpenProgress } from './useOpenTraceFile';

interface Props {
  progress?: OpenProgress;
  failure?: OpenFailure;
  /** the name of a file whose reading was cancelled */
  cancelled?: string;
  openFile: (file: File) => void;
  openText: (text: string) => void;
  cancel: () => void;
}

/**
 * Upload (drop or choose a file) or paste a trace; while a file is read, its progress in bytes and
 * a Cancel button; a file that cannot be read as an alert with the engine's message.
 */
export function OpenFileForm({ progress, failure, cancelled, openFile, openText, cancel }: Props) {
  const styles = useStyles2(getStyles);
  const [pasted, setPasted] = useState('');
  const busy = progress !== undefined;
  return (
    <div className={styles.wrap}>
      <Field
        label={t('file.upload', 'Upload a trace file')}
        description={t(
          'file.formats',
          'OTLP JSON (also JSON Lines, Tempo and Jaeger v3 wrappers, protobuf JSON), Jaeger JSON, Zipkin v2 JSON'
        )}
        htmlFor="tracelens-trace-file"
      >
        <FileDropzone
          id="tracelens-trace-file"
          options={{ multiple: false, disabled: busy, onDrop: (accepted) => accepted[0] && openFile(accepted[0]) }}
          fileListRenderer={() => null}
        >
          <FileDropzoneDefaultChildren
            primaryText={t('file.drop', 'Drop a trace file here, or click (Enter) to choose one')}
          />
        </FileDropzone>
      </Field>
      {progress?.step === 'reading' && (
        <div className={styles.row}>
          <Progress
            label={t('file.reading', 'Reading {{name}}', { name: displayName(progress.name), ...AS_TEXT })}
            done={progress.loaded}
            total={progress.total}
            format={bytesText}
          />
          <Button size="sm" variant="secondary" icon="times" onClick={cancel}>
            <Trans i18nKey="file.cancel">Cancel</Trans>
          </Button>
        </div>
      )}
      {progress?.step === 'parsing' && (
        <p className={styles.note} role="status">
          {t('file.parsing', 'Reading the traces of {{name}}…', { name: displayName(progress.name), ...AS_TEXT })}
        </p>
      )}
      {failure && (
        <Alert
          severity="error"
          title={t('file.failed', 'Could not open {{name}}', { name: displayName(failure.name), ...AS_TEXT })}
        >
          {failure.message}
        </Alert>
      )}
      {cancelled && (
        <p className={styles.note} role="status">
          {t('file.cancelled', 'Reading {{name}} was cancelled.', { name: displayName(cancelled), ...AS_TEXT })}
        </p>
      )}
      <Field
        label={t('file.paste', 'Or paste a trace')}
        description={t('file.paste-description', 'The text of a trace file in any of the formats above.')}
      >
        <TextArea
          aria-label={t('file.paste-label', 'Trace file text')}
          className={styles.paste}
          rows={8}
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          // eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- OTLP JSON, the same in every language
          placeholder='{"resourceSpans":[…]}'
        />
      </Field>
      <Button icon="file-alt" disabled={busy || pasted.trim() === ''} onClick={() => openText(pasted)}>
        <Trans i18nKey="file.open-pasted">Open pasted trace</Trans>
      </Button>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), maxWidth: 960 }),
  row: css({ display: 'flex', gap: theme.spacing(2), alignItems: 'center' }),
  note: css({ color: theme.colors.text.secondary, margin: 0 }),
  paste: css({ fontFamily: theme.typography.fontFamilyMonospace }),
});
