import React from 'react';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AsyncState } from '../../app/useAsync';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { LatencyRow } from './latencyShares';
import { LatencyTable } from './LatencyTable';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../../components/i18n';
import { errorText } from '../../components/errorText';

interface Props {
  label: string;
  state: AsyncState<{ rows: LatencyRow[]; sampleTraces?: number; sampleError?: Error }>;
  noteClassName: string;
}

/**
 * One self-time and critical-path table of the services page as it loads: a placeholder, the
 * error, or the table — and a line saying why the sample is missing when only the sample failed.
 */
export function LatencyRows({ label, state, noteClassName }: Props) {
  if (state.error) {
    return (
      <DataErrorAlert
        title={t('services.latency.load-error', 'Could not load: {{label}}', { label, ...AS_TEXT })}
        error={state.error}
      />
    );
  }
  if (!state.value) {
    return state.loading ? (
      <LoadingPlaceholder text={t('services.latency.loading', 'Loading self time and critical path…')} />
    ) : null;
  }
  const { rows, sampleTraces, sampleError } = state.value;
  return (
    <>
      <LatencyTable label={label} rows={rows} sampleTraces={sampleTraces} />
      {sampleError && (
        <p className={noteClassName}>
          {t('services.latency.sample-error', 'The sample of fetched traces could not be loaded: {{message}}', {
            message: errorText(sampleError),
            ...AS_TEXT,
          })}
        </p>
      )}
    </>
  );
}
