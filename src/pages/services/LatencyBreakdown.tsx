import React from 'react';
import type { TimeRange } from '@grafana/data';
import type { AsyncState } from '../../app/useAsync';
import type { LatencyOverTime } from '../../data';
import { LatencyCharts } from './LatencyCharts';
import { LatencyRows } from './LatencyRows';
import type { LatencyRow } from './latencyShares';

interface Props {
  /** the table's name */
  label: string;
  /** what a row and a chart series is */
  per: 'service' | 'operation';
  rows: AsyncState<{ rows: LatencyRow[]; sampleTraces?: number; sampleError?: Error }>;
  charts: AsyncState<LatencyOverTime>;
  timeRange: TimeRange;
  noteClassName: string;
  chartsClassName: string;
}

/** One self-time and critical-path breakdown of the services page: its table, then its charts over time. */
export function LatencyBreakdown({ label, per, rows, charts, timeRange, noteClassName, chartsClassName }: Props) {
  return (
    <>
      <LatencyRows label={label} state={rows} noteClassName={noteClassName} />
      <LatencyCharts per={per} state={charts} timeRange={timeRange} className={chartsClassName} />
    </>
  );
}
