import React from 'react';
import { Trans } from '@grafana/i18n';
import { Button } from '@grafana/ui';
import { ParsedTrace, toOtlpJson } from '../../engine';
import { saveText } from './saveText';

/** "Download as OTLP JSON": the trace, from any source, saved as `<trace id>.otlp.json`. */
export function DownloadOtlpButton({ trace }: { trace: ParsedTrace }) {
  return (
    <Button
      variant="secondary"
      icon="download-alt"
      onClick={() => saveText(`${trace.traceId || 'trace'}.otlp.json`, toOtlpJson(trace))}
    >
      <Trans i18nKey="trace.download">Download as OTLP JSON</Trans>
    </Button>
  );
}
