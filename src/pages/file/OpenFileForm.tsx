import React, { useState } from 'react';
import { css } from '@emotion/css';
import { formattedValueToString, getValueFormat, GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Field, FileDropzone, FileDropzoneDefaultChildren, TextArea, useStyles2 } from '@grafana/ui';
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

const FORMATS = 'OTLP JSON (also JSON Lines, Tempo and Jaeger v3 wrappers, protobuf JSON), Jaeger JSON, Zipkin v2 JSON';

const bytes = (n: number) => formattedValueToString(getValueFormat('decbytes')(n));

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
      <Field label="Upload a trace file" description={FORMATS} htmlFor="tracelens-trace-file">
        <FileDropzone
          id="tracelens-trace-file"
          options={{ multiple: false, disabled: busy, onDrop: (accepted) => accepted[0] && openFile(accepted[0]) }}
          fileListRenderer={() => null}
        >
          <FileDropzoneDefaultChildren primaryText="Drop a trace file here, or click (Enter) to choose one" />
        </FileDropzone>
      </Field>
      {progress?.step === 'reading' && (
        <div className={styles.row}>
          <Progress
            label={`Reading ${displayName(progress.name)}`}
            done={progress.loaded}
            total={progress.total}
            format={bytes}
          />
          <Button size="sm" variant="secondary" icon="times" onClick={cancel}>
            Cancel
          </Button>
        </div>
      )}
      {progress?.step === 'parsing' && (
        <p className={styles.note} role="status">
          Reading the traces of {displayName(progress.name)}…
        </p>
      )}
      {failure && (
        <Alert severity="error" title={`Could not open ${displayName(failure.name)}`}>
          {failure.message}
        </Alert>
      )}
      {cancelled && (
        <p className={styles.note} role="status">
          Reading {displayName(cancelled)} was cancelled.
        </p>
      )}
      <Field label="Or paste a trace" description="The text of a trace file in any of the formats above.">
        <TextArea
          aria-label="Trace file text"
          className={styles.paste}
          rows={8}
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          placeholder='{"resourceSpans":[…]}'
        />
      </Field>
      <Button icon="file-alt" disabled={busy || pasted.trim() === ''} onClick={() => openText(pasted)}>
        Open pasted trace
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
