import React from 'react';
import type { TimeRange } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AsyncState } from '../../app/useAsync';
import type { LatencyOverTime } from '../../data';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { TimeSeriesChart } from '../../components/TimeSeriesChart';

interface Props {
  /** what each series is: "service" or "operation" */
  per: string;
  state: AsyncState<LatencyOverTime>;
  timeRange: TimeRange;
  className: string;
}

/** seconds of span time per second of wall-clock time, as Grafana's custom-suffix unit */
export const TIME_RATE_UNIT = 'suffix: s/s';

/**
 * The TraceLens connector's self time and critical-path time over the range, one series per
 * service or operation, in seconds of span time per second (the shares' numerators): a
 * placeholder while loading, the error, or the two charts.
 */
export function LatencyCharts({ per, state, timeRange, className }: Props) {
  if (state.error) {
    return (
      <DataErrorAlert title={`Could not load self time and critical path per ${per} over time`} error={state.error} />
    );
  }
  if (!state.value) {
    return state.loading ? <LoadingPlaceholder text="Loading self time and critical path over time…" /> : null;
  }
  return (
    <div className={className}>
      <TimeSeriesChart
        title={`Self time per ${per}, all traffic (s/s)`}
        series={state.value.selfTime}
        unit={TIME_RATE_UNIT}
        timeRange={timeRange}
      />
      <TimeSeriesChart
        title={`Critical-path time per ${per}, all traffic (s/s)`}
        series={state.value.criticalPath}
        unit={TIME_RATE_UNIT}
        timeRange={timeRange}
      />
    </div>
  );
}
