/**
 * The structured search form for any trace source: service and span name (operation) pickers from
 * the source, status, span duration bounds; then, where the source has autocomplete (Tempo),
 * attribute conditions with suggestions, else (Jaeger) a `key=value` tags field and a result limit.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Combobox, Field, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import type { SearchRange, TraceSource } from '../../sources/types';
import { useSearchSuggestions } from '../../app/useSearchSuggestions';
import { BuilderState, StatusFilter } from '../../app/searchQuery';
import { AttributeConditions } from './AttributeConditions';
import { TagsField } from './TagsField';

interface Props {
  state: BuilderState;
  /**
   * Gets each edit as a change of the latest state (React's setState takes it as is): two edits
   * made before the next render, e.g. a combobox committing its choice as focus moves on to the
   * tags field, both keep their part instead of the later one writing back the earlier state.
   */
  onChange: (update: (state: BuilderState) => BuilderState) => void;
  source: TraceSource;
  seconds: SearchRange;
  /** the result limit, edited here when the source has no autocomplete (Jaeger) */
  limit: string;
  onLimitChange: (limit: string) => void;
  /** what is wrong with the form's text (undefined: nothing) */
  onError: (message: string | undefined) => void;
}

/** The span status choices (OK and Unset are OpenTelemetry's status codes). */
const statusOptions = (): Array<{ label: string; value: StatusFilter | 'any' }> => [
  { label: t('search.form.status-any', 'Any'), value: 'any' },
  { label: t('search.form.status-error', 'Error'), value: 'error' },
  { label: t('search.form.status-ok', 'OK'), value: 'ok' },
  { label: t('search.form.status-unset', 'Unset'), value: 'unset' },
];

const msValue = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text));

export function QueryBuilder({ state, onChange, source, seconds, limit, onLimitChange, onError }: Props) {
  const styles = useStyles2(getStyles);
  const set = (patch: Partial<BuilderState>) => onChange((latest) => ({ ...latest, ...patch }));
  const suggestions = useSearchSuggestions(source, seconds);
  const autocomplete = source.capabilities.tagSuggestions;
  const spanNames = state.service
    ? suggestions.operations(state.service)
    : autocomplete
      ? suggestions.values('name')
      : [];

  return (
    <div className={styles.grid}>
      <Field label={t('search.form.service', 'Service')} className={styles.field}>
        <Combobox
          id="search-service"
          isClearable
          createCustomValue
          placeholder={t('search.form.any-service', 'any service')}
          options={suggestions.services()}
          value={state.service ?? null}
          onChange={(o) => set({ service: o?.value || undefined })}
          width={28}
        />
      </Field>
      <Field
        label={autocomplete ? t('search.form.span-name', 'Span name') : t('search.form.operation', 'Operation')}
        className={styles.field}
      >
        <Combobox
          id="search-span-name"
          isClearable
          createCustomValue
          placeholder={
            autocomplete ? t('search.form.any-span', 'any span') : t('search.form.any-operation', 'any operation')
          }
          options={spanNames}
          value={state.spanName ?? null}
          onChange={(o) => set({ spanName: o?.value || undefined })}
          width={28}
        />
      </Field>
      <Field label={t('search.form.status', 'Status')} className={styles.field}>
        <RadioButtonGroup
          options={statusOptions()}
          value={state.status ?? 'any'}
          onChange={(v) => set({ status: v === 'any' ? undefined : (v as StatusFilter) })}
        />
      </Field>
      <Field label={t('search.form.min-duration', 'Span duration ≥ (ms)')} className={styles.field}>
        <Input
          aria-label={t('search.form.min-duration-label', 'Minimum span duration in milliseconds')}
          type="number"
          min={0}
          width={14}
          value={state.minMs ?? ''}
          onChange={(e) => set({ minMs: msValue(e.currentTarget.value) })}
        />
      </Field>
      <Field label={t('search.form.max-duration', 'Span duration < (ms)')} className={styles.field}>
        <Input
          aria-label={t('search.form.max-duration-label', 'Maximum span duration in milliseconds')}
          type="number"
          min={0}
          width={14}
          value={state.maxMs ?? ''}
          onChange={(e) => set({ maxMs: msValue(e.currentTarget.value) })}
        />
      </Field>
      {autocomplete ? (
        <AttributeConditions attrs={state.attrs} onChange={(attrs) => set({ attrs })} suggestions={suggestions} />
      ) : (
        <>
          <TagsField
            attrs={state.attrs}
            onChange={(attrs) => set({ attrs })}
            onError={onError}
            className={styles.field}
          />
          <Field label={t('search.form.limit', 'Limit')} className={styles.field}>
            <Input
              aria-label={t('search.form.limit-label', 'Most traces to find')}
              type="number"
              min={1}
              width={10}
              value={limit}
              onChange={(e) => onLimitChange(e.currentTarget.value)}
            />
          </Field>
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), alignItems: 'flex-end' }),
  field: css({ marginBottom: 0 }),
});
