/**
 * The span's percentile badge and, on hover or focus, its operation's latency histogram. The
 * histogram stays a hand-written table, not InteractiveTable: a compact read-only table inside a
 * tooltip, in bucket order (cumulative, so nothing to sort), where InteractiveTable's row padding
 * would make the tooltip several times taller.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Badge, Spinner, Tooltip, useStyles2 } from '@grafana/ui';
import { formatDuration, formatShare } from '../../components/breakdown';
import { errorText } from '../../components/errorText';
import { AS_TEXT } from '../../components/i18n';
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
        {t('trace.percentile.histogram', '{{service}} / {{operation}}: latency histogram, last hour', {
          service: data.service,
          operation: data.operation,
          ...AS_TEXT,
        })}
      </caption>
      <thead>
        <tr>
          {/* eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- Prometheus's bucket bound, the same in every language */}
          <th>≤ le</th>
          <th>
            <Trans i18nKey="trace.percentile.spans">spans</Trans>
          </th>
          <th>
            <Trans i18nKey="trace.percentile.share">share</Trans>
          </th>
        </tr>
      </thead>
      <tbody>
        {data.buckets.map((b) => (
          <tr key={b.le}>
            {/* eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- Prometheus's last bound, the same in every language */}
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
    return <Spinner inline size="sm" aria-label={t('trace.percentile.loading', 'Loading percentile')} />;
  }
  if (state.error) {
    return (
      <Badge
        color="orange"
        icon="exclamation-triangle"
        text={t('trace.percentile.none', 'No percentile')}
        tooltip={errorText(state.error)}
      />
    );
  }
  const data = state.value;
  if (!data || !Number.isFinite(data.rank)) {
    return (
      <Badge
        color="blue"
        text={t('trace.percentile.no-metrics', 'No span metrics')}
        tooltip={
          data
            ? t('trace.percentile.no-metrics-for', 'No span metrics for {{service}} / {{operation}} in the last hour', {
                service: data.service,
                operation: data.operation,
                ...AS_TEXT,
              })
            : t('trace.percentile.no-metrics-here', 'No span metrics for this operation in the last hour')
        }
      />
    );
  }
  const label = t('trace.percentile.badge', '{{percentile}} of {{service}} / {{operation}} over the last hour', {
    percentile: percentileLabel(data.rank),
    service: data.service,
    operation: data.operation,
    ...AS_TEXT,
  });
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
