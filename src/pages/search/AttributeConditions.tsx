/**
 * The Tempo builder's attribute conditions: one row per condition (scope, attribute, value), with
 * attribute names and values from Tempo's autocomplete; rows added and removed with buttons.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Button, Combobox, IconButton, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { useSearchSuggestions } from '../../app/useSearchSuggestions';
import { AttrCondition, AttrScope } from '../../app/searchQuery';

interface Props {
  attrs: AttrCondition[];
  onChange: (attrs: AttrCondition[]) => void;
  suggestions: ReturnType<typeof useSearchSuggestions>;
}

/** An attribute's TraceQL scope: the span's own attributes or its resource's. */
const scopeOptions = (): Array<{ label: string; value: AttrScope }> => [
  { label: t('search.attrs.scope-span', 'span'), value: 'span' },
  { label: t('search.attrs.scope-resource', 'resource'), value: 'resource' },
];

export function AttributeConditions({ attrs, onChange, suggestions }: Props) {
  const styles = useStyles2(getStyles);
  const setAttr = (i: number, patch: Partial<AttrCondition>) =>
    onChange(attrs.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <div className={styles.attrs}>
      {attrs.map((attr, i) => (
        <div
          className={styles.attrRow}
          key={i}
          role="group"
          aria-label={t('search.attrs.row', 'Attribute condition {{number}}', { number: i + 1 })}
        >
          <RadioButtonGroup
            size="sm"
            options={scopeOptions()}
            value={attr.scope}
            onChange={(scope) => setAttr(i, { scope, key: '', value: '' })}
          />
          <Combobox
            placeholder={t('search.attrs.attribute', 'attribute')}
            createCustomValue
            options={suggestions.names(attr.scope)}
            value={attr.key || null}
            onChange={(o) => setAttr(i, { key: o.value, value: '' })}
            width={28}
          />
          <span>=</span>
          <Combobox
            placeholder={t('search.attrs.value', 'value')}
            createCustomValue
            options={attr.key ? suggestions.values(`${attr.scope}.${attr.key}`) : []}
            value={attr.value || null}
            onChange={(o) => setAttr(i, { value: o.value })}
            width={32}
          />
          <IconButton
            name="times"
            tooltip={t('search.attrs.remove', 'Remove this condition')}
            onClick={() => onChange(attrs.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <Button
        size="sm"
        variant="secondary"
        icon="plus"
        onClick={() => onChange([...attrs, { scope: 'span', key: '', value: '' }])}
      >
        <Trans i18nKey="search.attrs.add">Attribute condition</Trans>
      </Button>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  attrs: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    flexBasis: '100%',
    alignItems: 'flex-start',
  }),
  attrRow: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center' }),
});
