/**
 * The trace page's details pane for the selected span: its timing, status, span-metrics percentile,
 * attributes, resource, events and links, and its operation's latency in Explore.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Badge, LinkButton, useStyles2 } from '@grafana/ui';
import type { KeyValue } from '../../engine';
import { SpanMetrics } from '../../data';
import { formatDuration } from '../../components/breakdown';
import { AS_TEXT } from '../../components/i18n';
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
          <Badge
            color="orange"
            icon="clock-nine"
            text={t('trace.span.slower-than-p95', 'slower than p95 ({{p95}})', {
              p95: formatDuration(p95),
              ...AS_TEXT,
            })}
          />
        )}
        {span.status === 'error' && (
          <Badge color="red" icon="exclamation-circle" text={t('trace.span.error', 'error')} />
        )}
      </div>
      <KeyValues
        title={t('trace.span.timing', 'Timing')}
        items={[
          [t('trace.span.duration', 'duration'), formatDuration(span.duration)],
          [t('trace.span.self-time', 'self time'), formatDuration(span.selfTime)],
          [t('trace.span.critical-path', 'on the critical path'), formatDuration(span.criticalPath)],
          [t('trace.span.starts-at', 'starts at'), `+${formatDuration(span.start)}`],
          [t('trace.span.kind', 'kind'), span.kind],
          [
            t('trace.span.status', 'status'),
            span.statusMessage ? `${span.status}: ${span.statusMessage}` : span.status,
          ],
          [t('trace.span.span-id', 'span id'), span.spanId],
          [t('trace.span.parent-span-id', 'parent span id'), span.parentSpanId ?? t('trace.span.root', '(root)')],
          ...(span.traceId ? [[t('trace.span.trace-id', 'trace id'), span.traceId] as KeyValue] : []),
          ...(span.scope ? [[t('trace.span.instrumentation', 'instrumentation'), span.scope] as KeyValue] : []),
        ]}
      />
      <KeyValues title={t('trace.span.attributes', 'Span attributes')} items={span.attributes} />
      <KeyValues title={t('trace.span.resource', 'Resource attributes')} items={span.resource} />
      {span.events.length > 0 && (
        <section aria-label={t('trace.span.events', 'Events')}>
          <h4 className={styles.h}>{t('trace.span.events', 'Events')}</h4>
          {span.events.map((e, n) => (
            <KeyValues
              key={n}
              title={t('trace.span.event', '+{{time}} {{name}}', {
                time: formatDuration(e.time),
                name: e.name,
                ...AS_TEXT,
              })}
              items={e.attributes}
            />
          ))}
        </section>
      )}
      {span.links.length > 0 && (
        <KeyValues
          title={t('trace.span.links', 'Links')}
          items={span.links.map((l) => [l.traceId || t('trace.span.this-trace', '(this trace)'), l.spanId] as KeyValue)}
        />
      )}
      {latencyQuery && (
        <LinkButton
          size="sm"
          variant="secondary"
          icon="compass"
          href={explorePrometheusUrl(promUid, latencyQuery, range.from, range.to, currentOrgId())}
        >
          <Trans i18nKey="trace.span.latency-in-explore">Operation latency in Explore</Trans>
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
