import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Combobox, Field, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { GroupBy, GroupKind, TraceAnalysis, traceAttributeKeys } from '../../engine';
import { BreakdownBars, BreakdownTable, breakdownView, Measure } from '../../components/breakdown';

interface Props {
  analysis: TraceAnalysis;
  /** the trace's services in the waterfall's colour order, so a service has one colour on the page */
  services: readonly string[];
  group: GroupKind;
  attribute: string;
  measure: Measure;
  onChange: (patch: { group?: GroupKind; attribute?: string; measure?: Measure }) => void;
}

const GROUPS: Array<{ label: string; value: GroupKind }> = [
  { label: 'Service', value: 'service' },
  { label: 'Operation', value: 'operation' },
  { label: 'Span kind', value: 'spanKind' },
  { label: 'Attribute', value: 'attribute' },
];

const MEASURES: Array<{ label: string; value: Measure; description: string }> = [
  { label: 'Self time', value: 'self', description: 'Time spans spent outside their children' },
  {
    label: 'Critical path',
    value: 'criticalPath',
    description: 'Time on the chain of work that decides when the trace ends',
  },
  {
    label: 'Busy / idle',
    value: 'busyIdle',
    description: 'Per service: time with its own work running vs waiting on others',
  },
];

/** Where this trace's time goes: per service, operation, span kind or attribute, by the chosen measure. */
export function TraceBreakdowns({ analysis, services, group, attribute, measure, onChange }: Props) {
  const styles = useStyles2(getStyles);
  const keys = useMemo(() => traceAttributeKeys(analysis.trace).map((k) => ({ label: k, value: k })), [analysis]);
  const groupBy: GroupBy =
    group === 'attribute' ? { kind: 'attribute', key: attribute || keys[0]?.value || '' } : { kind: group };
  const groupKey = JSON.stringify(groupBy);
  const view = useMemo(
    () =>
      breakdownView([analysis], {
        groupBy: JSON.parse(groupKey),
        measure,
        topN: 12,
        sort: 'desc',
        serviceColors: services,
      }),
    [analysis, groupKey, measure, services]
  );
  return (
    <div className={styles.wrap}>
      <div className={styles.controls}>
        <Field label="Measure" className={styles.field}>
          <RadioButtonGroup options={MEASURES} value={measure} onChange={(m) => onChange({ measure: m })} />
        </Field>
        <Field label="Group by" className={styles.field}>
          <RadioButtonGroup
            options={GROUPS}
            value={group}
            onChange={(g) => onChange({ group: g })}
            disabled={measure === 'busyIdle'}
          />
        </Field>
        {group === 'attribute' && measure !== 'busyIdle' && (
          <Field label="Attribute" className={styles.field}>
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
