/**
 * The trace page's async busy/idle note: per service, the busy and idle time its async spans
 * report themselves (tracing-opentelemetry's busy_ns/idle_ns, summed over its outermost reporting
 * spans), the spans that lack them and the spans left out. Numbers come from
 * asyncBusyViewModel.ts; definitions in src/engine/DEFINITIONS.md §6.5.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, Column, useStyles2 } from '@grafana/ui';
import { NamedTable } from '../../../components/NamedTable';
import { countColumn, durationColumn, shareColumn, textColumn } from './columns';
import { AsyncBusyRow, AsyncBusyView } from './asyncBusyViewModel';
import { WarningList } from './WarningList';

const reported = (r: AsyncBusyRow) => r.reporting > 0;

const COLUMNS: Array<Column<AsyncBusyRow>> = [
  textColumn('service', 'Service', (r) => r.service),
  countColumn('reporting', 'Spans reporting', (r) => r.reporting),
  durationColumn('busy', 'Busy', (r) => r.busy, reported),
  durationColumn('idle', 'Idle', (r) => r.idle, reported),
  shareColumn('busyShare', 'Busy share', (r) => r.busyShare),
  countColumn('lacking', 'Spans without them', (r) => r.lacking),
  countColumn('leftOut', 'Left out', (r) => r.leftOut),
];

export function AsyncBusyNote({ view }: { view: AsyncBusyView }) {
  const styles = useStyles2(getStyles);
  if (!view.reported) {
    return (
      <Alert severity="info" title="No reported busy/idle time">
        No span of this trace carries busy_ns or idle_ns (what tracing-opentelemetry records on Rust async spans).
      </Alert>
    );
  }
  const more = view.lackingCount - view.lackingListed.length;
  return (
    <div className={styles.wrap}>
      <NamedTable
        label="Reported busy and idle time per service"
        columns={COLUMNS}
        data={view.services}
        getRowId={(r) => r.service}
        fit
        description="Busy: the task was polled inside the span; idle: the span was open but not polled (busy_ns, idle_ns). Each service’s sums are over its outermost reporting spans, whose time includes the spans entered inside them."
      />
      {view.lackingCount > 0 && (
        <p className={styles.note}>
          Without busy_ns/idle_ns: {view.lackingListed.join(', ')}
          {more > 0 && ` and ${more} more`}.
        </p>
      )}
      <WarningList title="Spans left out" warnings={view.warnings} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
