/**
 * The span's percentile badge and, on hover or focus, its operation's latency histogram. The
 * histogram stays a hand-written table, not InteractiveTable: a compact read-only table inside a
 * tooltip, in bucket order (cumulative, so nothing to sort), where InteractiveTable's row padding
 * would make the tooltip several times taller.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, Spinner, Tooltip, useStyles2 } from '@grafana/ui';
import { formatDuration, formatShare } from '../../components/breakdown';
import { AsyncState } from '../../app/useAsync';
import { SpanPercentile } from './usePercentiles';

/** "p97", or one decimal above p99 so the tail stays readable ("p99.6"). */
export function percentileLabel(rank: number): string {
  const p = rank >= 0.99 ? Math.floor(rank * 1000) / 10 : Math.floor(rank * 100);
  return `p${p}`;
}

/** The histogram behind a badge: each bucket's upper bound, spans at or below it, cumulative share. */
function HistogramTable({ data }: { data: SpanPercentile }) {
  const styles = useStyles2(getStyles);
  const total = data.buckets[data.buckets.length - 1]?.count ?? 0;
  return (
    <table className={styles.table}>
      <caption>
        {data.service} / {data.operation}: latency histogram, last hour
      </caption>
      <thead>
        <tr>
          <th>≤ le</th>
          <th>spans</th>
          <th>share</th>
        </tr>
      </thead>
      <tbody>
        {data.buckets.map((b) => (
          <tr key={b.le}>
            <td>{Number.isFinite(b.le) ? formatDuration(b.le * 1e9) : '+Inf'}</td>
            <td>{Math.round(b.count)}</td>
            <td>{formatShare(b.count / total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where the span's duration falls among its operation's spans over the last hour (span metrics). */
export function PercentileBadge({ state }: { state: AsyncState<SpanPercentile> }) {
  if (state.loading) {
    return <Spinner inline size="sm" aria-label="Loading percentile" />;
  }
  if (state.error) {
    return <Badge color="orange" icon="exclamation-triangle" text="No percentile" tooltip={state.error.message} />;
  }
  const data = state.value;
  if (!data || !Number.isFinite(data.rank)) {
    return (
      <Badge
        color="blue"
        text="No span metrics"
        tooltip={`No span metrics for ${data?.service ?? 'this service'} / ${data?.operation ?? 'this operation'} in the last hour`}
      />
    );
  }
  const label = `${percentileLabel(data.rank)} of ${data.service} / ${data.operation} over the last hour`;
  return (
    <Tooltip content={<HistogramTable data={data} />} interactive>
      <span tabIndex={0} data-testid="percentile-badge" aria-label={label}>
        <Badge color={data.rank >= 0.95 ? 'red' : data.rank >= 0.75 ? 'orange' : 'green'} text={label} />
      </span>
    </Tooltip>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    fontSize: theme.typography.bodySmall.fontSize,
    fontVariantNumeric: 'tabular-nums',
    'th, td': { padding: theme.spacing(0, 1), textAlign: 'right' },
    caption: { captionSide: 'top', textAlign: 'left', marginBottom: theme.spacing(0.5) },
  }),
});
