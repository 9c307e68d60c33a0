/**
 * The trace page's "Breakdown" tab: where this trace's time goes, per service, operation, span kind,
 * GenAI model or attribute, by self time, critical-path time or busy / idle (components/breakdown).
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Combobox, Field, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { BreakdownRow, commonKeysFirst, GroupBy, GroupKind, TraceAnalysis, traceAttributeKeys } from '../../engine';
import { BreakdownBars, BreakdownTable, breakdownView, Measure } from '../../components/breakdown';

interface Props {
  analysis: TraceAnalysis;
  /** the trace's services in the waterfall's colour order, so a service has one colour on the page */
  services: readonly string[];
  group: GroupKind;
  attribute: string;
  measure: Measure;
  onChange: (patch: { group?: GroupKind; attribute?: string; measure?: Measure }) => void;
  /** the trace's breakdown by service when already computed (the analysis worker's, huge traces) */
  serviceBreakdown?: readonly BreakdownRow[];
}

const groupChoices = (): Array<{ label: string; value: GroupKind }> => [
  { label: t('trace.breakdown.group.service', 'Service'), value: 'service' },
  { label: t('trace.breakdown.group.operation', 'Operation'), value: 'operation' },
  { label: t('trace.breakdown.group.span-kind', 'Span kind'), value: 'spanKind' },
  { label: t('trace.breakdown.group.model', 'Model'), value: 'model' },
  { label: t('trace.breakdown.group.attribute', 'Attribute'), value: 'attribute' },
];

const measureChoices = (): Array<{ label: string; value: Measure; description: string }> => [
  {
    label: t('trace.breakdown.measure.self', 'Self time'),
    value: 'self',
    description: t('trace.breakdown.measure.self-description', 'Time spans spent outside their children'),
  },
  {
    label: t('trace.breakdown.measure.critical-path', 'Critical path'),
    value: 'criticalPath',
    description: t(
      'trace.breakdown.measure.critical-path-description',
      'Time on the chain of work that decides when the trace ends'
    ),
  },
  {
    label: t('trace.breakdown.measure.busy-idle', 'Busy / idle'),
    value: 'busyIdle',
    description: t(
      'trace.breakdown.measure.busy-idle-description',
      'Per service: time with its own work running vs waiting on others'
    ),
  },
];

export function TraceBreakdowns({ analysis, services, group, attribute, measure, onChange, serviceBreakdown }: Props) {
  const styles = useStyles2(getStyles);
  // the GenAI and agent keys first: the first key is the grouping's until one is picked
  // (listed only when grouping by attribute: a pass over every span's attributes)
  const byAttribute = group === 'attribute';
  const keys = useMemo(
    () => (byAttribute ? commonKeysFirst(traceAttributeKeys(analysis.trace)).map((k) => ({ label: k, value: k })) : []),
    [analysis, byAttribute]
  );
  const groupBy: GroupBy = byAttribute
    ? { kind: 'attribute', key: attribute || keys[0]?.value || '' }
    : { kind: group };
  const groupKey = JSON.stringify(groupBy);
  const view = useMemo(
    () =>
      breakdownView([analysis], {
        groupBy: JSON.parse(groupKey),
        measure,
        topN: 12,
        sort: 'desc',
        serviceColors: services,
        serviceBreakdown,
      }),
    [analysis, groupKey, measure, services, serviceBreakdown]
  );
  return (
    <div className={styles.wrap}>
      <div className={styles.controls}>
        <Field label={t('trace.breakdown.measure.label', 'Measure')} className={styles.field}>
          <RadioButtonGroup options={measureChoices()} value={measure} onChange={(m) => onChange({ measure: m })} />
        </Field>
        <Field label={t('trace.breakdown.group.label', 'Group by')} className={styles.field}>
          <RadioButtonGroup
            options={groupChoices()}
            value={group}
            onChange={(g) => onChange({ group: g })}
            disabled={measure === 'busyIdle'}
          />
        </Field>
        {group === 'attribute' && measure !== 'busyIdle' && (
          <Field label={t('trace.breakdown.attribute', 'Attribute')} className={styles.field}>
            <Combobox
              options={keys}
              value={groupBy.kind === 'attribute' ? groupBy.key : null}
              onChange={(o) => onChange({ attribute: o.value })}
              width={30}
            />
          </Field>
        )}
      </div>
      <p className={styles.note}>
        {view.denominatorNote}. {view.notes.join(' ')}
      </p>
      <BreakdownBars view={view} />
      <BreakdownTable view={view} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1.5) }),
  controls: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2) }),
  field: css({ marginBottom: 0 }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, margin: 0 }),
});
