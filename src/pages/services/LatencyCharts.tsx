import React from 'react';
import type { TimeRange } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AsyncState } from '../../app/useAsync';
import type { LatencyOverTime } from '../../data';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { TimeSeriesChart } from '../../components/TimeSeriesChart';
import { t } from '@grafana/i18n';

interface Props {
  /** what each series is */
  per: 'service' | 'operation';
  state: AsyncState<LatencyOverTime>;
  timeRange: TimeRange;
  className: string;
}

/** seconds of span time per second of wall-clock time, as Grafana's custom-suffix unit */
export const TIME_RATE_UNIT = 'suffix: s/s';

/** The charts' titles and their error's, per service or per operation. */
function chartTexts(per: Props['per']) {
  return per === 'service'
    ? {
        error: t('services.charts.error-service', 'Could not load self time and critical path per service over time'),
        self: t('services.charts.self-service', 'Self time per service, all traffic (s/s)'),
        criticalPath: t('services.charts.critical-service', 'Critical-path time per service, all traffic (s/s)'),
      }
    : {
        error: t(
          'services.charts.error-operation',
          'Could not load self time and critical path per operation over time'
        ),
        self: t('services.charts.self-operation', 'Self time per operation, all traffic (s/s)'),
        criticalPath: t('services.charts.critical-operation', 'Critical-path time per operation, all traffic (s/s)'),
      };
}

/**
 * The TraceLens connector's self time and critical-path time over the range, one series per
 * service or operation, in seconds of span time per second (the shares' numerators): a
 * placeholder while loading, the error, or the two charts.
 */
export function LatencyCharts({ per, state, timeRange, className }: Props) {
  const texts = chartTexts(per);
  if (state.error) {
    return <DataErrorAlert title={texts.error} error={state.error} />;
  }
  if (!state.value) {
    return state.loading ? (
      <LoadingPlaceholder text={t('services.charts.loading', 'Loading self time and critical path over time…')} />
    ) : null;
  }
  return (
    <div className={className}>
      <TimeSeriesChart title={texts.self} series={state.value.selfTime} unit={TIME_RATE_UNIT} timeRange={timeRange} />
      <TimeSeriesChart
        title={texts.criticalPath}
        series={state.value.criticalPath}
        unit={TIME_RATE_UNIT}
        timeRange={timeRange}
      />
    </div>
  );
}
