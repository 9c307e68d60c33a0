import React from 'react';
import { css } from '@emotion/css';
import { dateTime, GrafanaTheme2, TimeRange } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { t } from '@grafana/i18n';
import { Field, TimeRangePicker, useStyles2 } from '@grafana/ui';
import { QueryContext } from '../app/queryContext';
import { TRACE_DATASOURCE_TYPES } from '../app/traceSource';
import { DataErrorAlert } from './DataErrorAlert';

interface Props {
  context: QueryContext;
  /** which pickers to show; default both datasources and the time range */
  show?: Array<'trace' | 'prom' | 'range'>;
  children?: React.ReactNode;
}

/**
 * Trace datasource (Tempo or Jaeger) and Prometheus pickers and the time range picker; every change
 * goes to the URL. Says why when the trace datasource cannot be read.
 */
export function QueryContextBar({ context, show = ['trace', 'prom', 'range'], children }: Props) {
  const styles = useStyles2(getStyles);
  /** Moves the range's edges by fractions of its length (back: -½,-½; forward: ½,½; zoom out: -½,½). */
  const move = (range: TimeRange, fromBy: number, toBy: number) => {
    const span = range.to.valueOf() - range.from.valueOf();
    const from = Math.round(range.from.valueOf() + span * fromBy);
    const to = Math.round(range.to.valueOf() + span * toBy);
    context.setRange({ from: dateTime(from), to: dateTime(to) });
  };
  return (
    <>
      <div className={styles.bar}>
        {show.includes('trace') && (
          <Field label={t('components.query-context.traces', 'Traces')} className={styles.field}>
            <DataSourcePicker
              inputId="tracelens-trace-datasource"
              type={TRACE_DATASOURCE_TYPES}
              current={context.traceUid}
              onChange={(ds) => context.setTraceUid(ds.uid)}
              noDefault
              width={24}
            />
          </Field>
        )}
        {show.includes('prom') && (
          <Field label={t('components.query-context.prometheus', 'Prometheus')} className={styles.field}>
            <DataSourcePicker
              type="prometheus"
              current={context.promUid}
              onChange={(ds) => context.setProm(ds.uid)}
              noDefault
              width={24}
            />
          </Field>
        )}
        {children}
        {show.includes('range') && (
          <Field label={t('components.query-context.time-range', 'Time range')} className={styles.field}>
            <TimeRangePicker
              value={context.range}
              onChange={(range) => context.setRange(range.raw)}
              onMoveBackward={() => move(context.range, -0.5, -0.5)}
              onMoveForward={() => move(context.range, 0.5, 0.5)}
              onZoom={() => move(context.range, -0.5, 0.5)}
              timeZone="browser"
              onChangeTimeZone={() => {}}
            />
          </Field>
        )}
      </div>
      {show.includes('trace') && context.sourceError && (
        <DataErrorAlert
          title={t('components.query-context.source-error', 'Cannot read traces from this datasource')}
          error={context.sourceError}
        />
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-end',
    marginBottom: theme.spacing(2),
  }),
  field: css({ marginBottom: 0 }),
});
