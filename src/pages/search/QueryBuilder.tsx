import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, Combobox, Field, IconButton, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { TempoClient, TimeRange } from '../../data';
import { useTagSuggestions } from '../../app/useTagSuggestions';
import { AttrScope, BuilderState, StatusFilter } from './searchQuery';

interface Props {
  state: BuilderState;
  onChange: (state: BuilderState) => void;
  tempo: TempoClient;
  seconds: TimeRange;
}

const STATUS_OPTIONS: Array<{ label: string; value: StatusFilter | 'any' }> = [
  { label: 'Any', value: 'any' },
  { label: 'Error', value: 'error' },
  { label: 'OK', value: 'ok' },
  { label: 'Unset', value: 'unset' },
];

const SCOPE_OPTIONS: Array<{ label: string; value: AttrScope }> = [
  { label: 'span', value: 'span' },
  { label: 'resource', value: 'resource' },
];

const msValue = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text));

/** Service, span name, status, span duration bounds and attribute conditions, with Tempo autocomplete. */
export function QueryBuilder({ state, onChange, tempo, seconds }: Props) {
  const styles = useStyles2(getStyles);
  const set = (patch: Partial<BuilderState>) => onChange({ ...state, ...patch });
  const suggestions = useTagSuggestions(tempo, seconds);
  const values = suggestions.values;
  const tagNames = suggestions.names;
  const setAttr = (i: number, patch: Partial<BuilderState['attrs'][number]>) =>
    set({ attrs: state.attrs.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  return (
    <div className={styles.grid}>
      <Field label="Service" className={styles.field}>
        <Combobox
          id="search-service"
          isClearable
          createCustomValue
          placeholder="any service"
          options={values('resource.service.name')}
          value={state.service ?? null}
          onChange={(o) => set({ service: o?.value || undefined })}
          width={28}
        />
      </Field>
      <Field label="Span name" className={styles.field}>
        <Combobox
          id="search-span-name"
          isClearable
          createCustomValue
          placeholder="any span"
          options={values('name')}
          value={state.spanName ?? null}
          onChange={(o) => set({ spanName: o?.value || undefined })}
          width={28}
        />
      </Field>
      <Field label="Status" className={styles.field}>
        <RadioButtonGroup
          options={STATUS_OPTIONS}
          value={state.status ?? 'any'}
          onChange={(v) => set({ status: v === 'any' ? undefined : (v as StatusFilter) })}
        />
      </Field>
      <Field label="Span duration ≥ (ms)" className={styles.field}>
        <Input
          aria-label="Minimum span duration in milliseconds"
          type="number"
          min={0}
          width={14}
          value={state.minMs ?? ''}
          onChange={(e) => set({ minMs: msValue(e.currentTarget.value) })}
        />
      </Field>
      <Field label="Span duration < (ms)" className={styles.field}>
        <Input
          aria-label="Maximum span duration in milliseconds"
          type="number"
          min={0}
          width={14}
          value={state.maxMs ?? ''}
          onChange={(e) => set({ maxMs: msValue(e.currentTarget.value) })}
        />
      </Field>
      <div className={styles.attrs}>
        {state.attrs.map((attr, i) => (
          <div className={styles.attrRow} key={i} role="group" aria-label={`Attribute condition ${i + 1}`}>
            <RadioButtonGroup
              size="sm"
              options={SCOPE_OPTIONS}
              value={attr.scope}
              onChange={(scope) => setAttr(i, { scope, key: '', value: '' })}
            />
            <Combobox
              placeholder="attribute"
              createCustomValue
              options={tagNames(attr.scope)}
              value={attr.key || null}
              onChange={(o) => setAttr(i, { key: o.value, value: '' })}
              width={28}
            />
            <span>=</span>
            <Combobox
              placeholder="value"
              createCustomValue
              options={attr.key ? values(`${attr.scope}.${attr.key}`) : []}
              value={attr.value || null}
              onChange={(o) => setAttr(i, { value: o.value })}
              width={32}
            />
            <IconButton
              name="times"
              tooltip="Remove this condition"
              onClick={() => set({ attrs: state.attrs.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
        <Button
          size="sm"
          variant="secondary"
          icon="plus"
          onClick={() => set({ attrs: [...state.attrs, { scope: 'span', key: '', value: '' }] })}
        >
          Attribute condition
        </Button>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), alignItems: 'flex-end' }),
  field: css({ marginBottom: 0 }),
  attrs: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    flexBasis: '100%',
    alignItems: 'flex-start',
  }),
  attrRow: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center' }),
});
