/**
 * The trace page's async busy/idle note: per service, the busy and idle time its async spans
 * report themselves (tracing-opentelemetry's busy_ns/idle_ns, summed over its outermost reporting
 * spans), the spans that lack them and the spans left out. Numbers come from
 * asyncBusyViewModel.ts; definitions in src/engine/DEFINITIONS.md §6.5.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Alert, Column, useStyles2 } from '@grafana/ui';
import { busyIdleWarningText } from '../../../components/genaiWarningText';
import { AS_TEXT } from '../../../components/i18n';
import { NamedTable } from '../../../components/NamedTable';
import { countColumn, durationColumn, shareColumn, textColumn } from './columns';
import { AsyncBusyRow, AsyncBusyView } from './asyncBusyViewModel';
import { WarningList } from './WarningList';

const reported = (r: AsyncBusyRow) => r.reporting > 0;

const columns = (): Array<Column<AsyncBusyRow>> => [
  textColumn('service', t('trace.genai.async.service', 'Service'), (r) => r.service),
  countColumn('reporting', t('trace.genai.async.reporting', 'Spans reporting'), (r) => r.reporting),
  durationColumn('busy', t('trace.genai.async.busy', 'Busy'), (r) => r.busy, reported),
  durationColumn('idle', t('trace.genai.async.idle', 'Idle'), (r) => r.idle, reported),
  shareColumn('busyShare', t('trace.genai.async.busy-share', 'Busy share'), (r) => r.busyShare),
  countColumn('lacking', t('trace.genai.async.lacking', 'Spans without them'), (r) => r.lacking),
  countColumn('leftOut', t('trace.genai.async.left-out', 'Left out'), (r) => r.leftOut),
];

/** "Without busy_ns/idle_ns: fe: f, fe: g and 3 more." */
function lackingText(view: AsyncBusyView): string {
  const spans = view.lackingListed.join(', ');
  const more = view.lackingCount - view.lackingListed.length;
  return more > 0
    ? t('trace.genai.async.without-more', 'Without busy_ns/idle_ns: {{spans}} and {{more}} more.', {
        spans,
        more,
        ...AS_TEXT,
      })
    : t('trace.genai.async.without', 'Without busy_ns/idle_ns: {{spans}}.', { spans, ...AS_TEXT });
}

/** `view`: undefined when no span reports the values. */
export function AsyncBusyNote({ view }: { view: AsyncBusyView | undefined }) {
  const styles = useStyles2(getStyles);
  const cols = useMemo(() => columns(), []);
  if (!view) {
    return (
      <Alert severity="info" title={t('trace.genai.async.none-title', 'No reported busy/idle time')}>
        <Trans i18nKey="trace.genai.async.none-body">
          No span of this trace carries busy_ns or idle_ns (what tracing-opentelemetry records on Rust async spans).
        </Trans>
      </Alert>
    );
  }
  return (
    <div className={styles.wrap}>
      <NamedTable
        label={t('trace.genai.async.label', 'Reported busy and idle time per service')}
        columns={cols}
        data={view.services}
        getRowId={(r) => r.service}
        fit
        description={t(
          'trace.genai.async.description',
          'Busy: the task was polled inside the span; idle: the span was open but not polled (busy_ns, idle_ns). Each service’s sums are over its outermost reporting spans, whose time includes the spans entered inside them.'
        )}
      />
      {view.lackingCount > 0 && <p className={styles.note}>{lackingText(view)}</p>}
      <WarningList
        title={t('trace.genai.async.spans-left-out', 'Spans left out')}
        warnings={view.warnings.map(busyIdleWarningText)}
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
