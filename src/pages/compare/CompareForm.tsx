/**
 * What to compare: the root service and span name whose slowest traces go against the rest (and,
 * where the source takes TraceQL, a TraceQL query instead, or two queries), the slow share and
 * the grouping — by operation, service, span kind, GenAI model or any attribute, whose key is
 * picked from the source's attribute names (span and resource) where it lists them, else from
 * `traceKeys` (the loaded traces' keys), GenAI and agent keys first. Edits stay in the form
 * until "Compare" puts them in the URL; the grouping and its key go to the URL at once (the
 * comparison regroups without fetching again).
 */
import React, { useMemo, useState } from 'react';
import { t, Trans } from '@grafana/i18n';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, Combobox, ComboboxOption, Field, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { commonKeysFirst, GroupKind } from '../../engine';
import type { SearchRange, TraceSource } from '../../sources/types';
import { UrlPatch } from '../../app/urlState';
import { useSearchSuggestions } from '../../app/useSearchSuggestions';
import { CompareMode, GROUP_KINDS } from './compareUrl';

interface FormState {
  svc: string;
  op: string;
  q: string;
  slowQ: string;
  baseQ: string;
  pct: string;
}

interface Props {
  source: TraceSource;
  seconds: SearchRange;
  mode: CompareMode;
  group: GroupKind;
  /** the attribute key of the attribute grouping ('' when none is chosen) */
  groupAttr: string;
  /** attribute keys of the loaded traces, offered where the source lists no attribute names */
  traceKeys: string[];
  /** the URL's values */
  initial: FormState;
  onRun: (patch: UrlPatch) => void;
  onMode: (mode: CompareMode) => void;
  onGroup: (group: GroupKind) => void;
  onGroupAttr: (key: string) => void;
}

type Options = Array<ComboboxOption<string>>;

export function CompareForm(props: Props) {
  const { source, seconds, mode, group, groupAttr, traceKeys, initial, onRun, onMode, onGroup, onGroupAttr } = props;
  const styles = useStyles2(getStyles);
  const [form, setForm] = useState(initial);
  const traceql = source.capabilities.traceql;
  const suggest = useSearchSuggestions(source, seconds);
  const groupLabels: Record<GroupKind, string> = {
    operation: t('compare.group.operation', 'Operation'),
    service: t('compare.group.service', 'Service'),
    spanKind: t('compare.group.span-kind', 'Span kind'),
    model: t('compare.group.model', 'Model'),
    attribute: t('compare.group.attribute', 'Attribute'),
  };
  const groups = GROUP_KINDS.map((g) => ({ label: groupLabels[g], value: g }));
  const attributeKeys = useMemo(() => {
    if (!source.capabilities.tagSuggestions) {
      return commonKeysFirst(traceKeys).map((k): ComboboxOption<string> => ({ label: k, value: k }));
    }
    const span = suggest.names('span');
    const resource = suggest.names('resource');
    // both scopes' names, each once, GenAI and agent keys first: the grouping looks at the span's
    // attribute, then its resource's
    return async (input: string): Promise<Options> => {
      const names = [...(await span(input)), ...(await resource(input))].map((o) => o.value);
      return commonKeysFirst(names).map((k) => ({ label: k, value: k }));
    };
  }, [source, suggest, traceKeys]);
  const rootOps = form.svc
    ? suggest.operations(form.svc)
    : source.capabilities.tagSuggestions
      ? suggest.values('name')
      : [];
  // Jaeger's search API takes one service at a time
  const needsService = source.kind === 'jaeger' && mode === 'split' && !form.svc;
  const run = () =>
    onRun(
      mode === 'split'
        ? {
            svc: form.svc,
            op: form.op,
            q: traceql ? form.q : undefined,
            pct: form.pct,
            run: '1',
            slowQ: undefined,
            baseQ: undefined,
          }
        : { slowQ: form.slowQ, baseQ: form.baseQ, q: undefined, run: undefined }
    );

  return (
    <div className={styles.form}>
      {traceql && (
        <RadioButtonGroup
          options={[
            { label: t('compare.form.mode-split', 'Slowest vs the rest'), value: 'split' },
            { label: t('compare.form.mode-queries', 'Two queries'), value: 'queries' },
          ]}
          value={mode}
          onChange={onMode}
        />
      )}
      {mode === 'split' ? (
        <div className={styles.row}>
          <Field label={t('compare.form.root-service', 'Root service')} className={styles.field}>
            <Combobox
              id="compare-root-service"
              isClearable
              createCustomValue
              options={suggest.services()}
              value={form.svc || null}
              onChange={(o) => setForm((f) => ({ ...f, svc: o?.value ?? '', q: '' }))}
              width={26}
            />
          </Field>
          <Field label={t('compare.form.root-span', 'Root span name')} className={styles.field}>
            <Combobox
              id="compare-root-span"
              isClearable
              createCustomValue
              options={rootOps}
              value={form.op || null}
              onChange={(o) => setForm((f) => ({ ...f, op: o?.value ?? '', q: '' }))}
              width={26}
            />
          </Field>
          {traceql && (
            <Field label={t('compare.form.traceql', 'or traces (TraceQL)')} className={styles.grow}>
              <Input
                value={form.q}
                placeholder={t('compare.form.traceql-placeholder', '{ rootName = "GET /checkout" }')}
                onChange={(e) => setForm({ ...form, q: e.currentTarget.value })}
              />
            </Field>
          )}
          <Field label={t('compare.form.slowest-pct', 'Slowest %')} className={styles.field}>
            <Input
              type="number"
              min={1}
              max={50}
              width={10}
              value={form.pct}
              onChange={(e) => setForm({ ...form, pct: e.currentTarget.value })}
            />
          </Field>
        </div>
      ) : (
        <div className={styles.row}>
          <Field label={t('compare.form.slow-query', 'Slow set (TraceQL)')} className={styles.grow}>
            <Input value={form.slowQ} onChange={(e) => setForm({ ...form, slowQ: e.currentTarget.value })} />
          </Field>
          <Field label={t('compare.form.baseline-query', 'Baseline (TraceQL)')} className={styles.grow}>
            <Input value={form.baseQ} onChange={(e) => setForm({ ...form, baseQ: e.currentTarget.value })} />
          </Field>
        </div>
      )}
      <div className={styles.row}>
        <Field label={t('compare.form.group', 'Compare by')} className={styles.field}>
          <RadioButtonGroup options={groups} value={group} onChange={onGroup} />
        </Field>
        {group === 'attribute' && (
          <Field label={t('compare.form.attribute-key', 'Attribute key')} className={styles.field}>
            <Combobox
              id="compare-group-attribute"
              isClearable
              createCustomValue
              options={attributeKeys}
              value={groupAttr || null}
              onChange={(o) => onGroupAttr(o?.value ?? '')}
              width={30}
            />
          </Field>
        )}
        <Button icon="code-branch" onClick={run} disabled={needsService}>
          <Trans i18nKey="compare.form.run">Compare</Trans>
        </Button>
        {needsService && (
          <span className={styles.note}>
            <Trans i18nKey="compare.form.jaeger-one-service">
              Jaeger searches one service at a time: pick a root service.
            </Trans>
          </span>
        )}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1.5), marginBottom: theme.spacing(2) }),
  row: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), alignItems: 'flex-end' }),
  field: css({ marginBottom: 0 }),
  grow: css({ marginBottom: 0, flex: '1 1 320px' }),
  note: css({ color: theme.colors.text.secondary, alignSelf: 'center' }),
});
