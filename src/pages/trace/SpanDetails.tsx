import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, LinkButton, useStyles2 } from '@grafana/ui';
import type { KeyValue } from '../../engine';
import { SpanMetrics } from '../../data';
import { formatDuration } from '../../components/breakdown';
import { explorePrometheusUrl } from '../../app/links';
import { currentOrgId } from '../../app/currentOrgId';
import { AsyncState } from '../../app/useAsync';
import { PercentileBadge } from './PercentileBadge';
import { SpanInfo } from './spanInfo';
import { SpanPercentile } from './usePercentiles';

interface Props {
  span: SpanInfo;
  percentile: AsyncState<SpanPercentile>;
  /** the operation's p95 in ns, when known */
  p95?: number;
  metrics?: SpanMetrics;
  promUid: string;
  range: { from: string; to: string };
}

function KeyValues({ title, items }: { title: string; items: KeyValue[] }) {
  const styles = useStyles2(getStyles);
  if (items.length === 0) {
    return null;
  }
  return (
    <section aria-label={title}>
      <h4 className={styles.h}>{title}</h4>
      <dl className={styles.kv}>
        {items.map(([k, v], n) => (
          <React.Fragment key={`${k}-${n}`}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </React.Fragment>
        ))}
      </dl>
    </section>
  );
}

/** Everything about the selected span: timing, status, percentile, attributes, resource, events, links. */
export function SpanDetails({ span, percentile, p95, metrics, promUid, range }: Props) {
  const styles = useStyles2(getStyles);
  const latencyQuery = metrics?.latencyQuantileExpr(
    0.95,
    { services: [span.service], operations: [span.name] },
    'operation',
    300
  );
  return (
    <div className={styles.wrap} data-testid="span-details">
      <h3 className={styles.title}>{span.label}</h3>
      <div className={styles.badges}>
        <PercentileBadge state={percentile} />
        {p95 !== undefined && span.duration > p95 && (
          <Badge color="orange" icon="clock-nine" text={`slower than p95 (${formatDuration(p95)})`} />
        )}
        {span.status === 'error' && <Badge color="red" icon="exclamation-circle" text="error" />}
      </div>
      <KeyValues
        title="Timing"
        items={[
          ['duration', formatDuration(span.duration)],
          ['self time', formatDuration(span.selfTime)],
          ['on the critical path', formatDuration(span.criticalPath)],
          ['starts at', `+${formatDuration(span.start)}`],
          ['kind', span.kind],
          ['status', span.statusMessage ? `${span.status}: ${span.statusMessage}` : span.status],
          ['span id', span.spanId],
          ['parent span id', span.parentSpanId ?? '(root)'],
          ...(span.traceId ? [['trace id', span.traceId] as KeyValue] : []),
          ...(span.scope ? [['instrumentation', span.scope] as KeyValue] : []),
        ]}
      />
      <KeyValues title="Span attributes" items={span.attributes} />
      <KeyValues title="Resource attributes" items={span.resource} />
      {span.events.length > 0 && (
        <section aria-label="Events">
          <h4 className={styles.h}>Events</h4>
          {span.events.map((e, n) => (
            <KeyValues key={n} title={`+${formatDuration(e.time)} ${e.name}`} items={e.attributes} />
          ))}
        </section>
      )}
      {span.links.length > 0 && (
        <KeyValues title="Links" items={span.links.map((l) => [l.traceId || '(this trace)', l.spanId] as KeyValue)} />
      )}
      {latencyQuery && (
        <LinkButton
          size="sm"
          variant="secondary"
          icon="compass"
          href={explorePrometheusUrl(promUid, latencyQuery, range.from, range.to, currentOrgId())}
        >
          Operation latency in Explore
        </LinkButton>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
  title: css({ fontSize: theme.typography.h5.fontSize, margin: 0, wordBreak: 'break-word' }),
  badges: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) }),
  h: css({
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    margin: theme.spacing(1, 0, 0.5),
  }),
  kv: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(100px, max-content) 1fr',
    gap: theme.spacing(0.25, 1.5),
    margin: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, wordBreak: 'break-all', fontFamily: theme.typography.fontFamilyMonospace },
  }),
});
