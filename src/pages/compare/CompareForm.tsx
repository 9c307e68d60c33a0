/**
 * What to compare: the root service and span name whose slowest traces go against the rest (and,
 * where the source takes TraceQL, a TraceQL query instead, or two queries), the slow share and
 * the grouping. Edits stay in the form until "Compare" puts them in the URL.
 */
import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, Combobox, Field, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import type { SearchRange, TraceSource } from '../../sources/types';
import { UrlPatch } from '../../app/urlState';
import { useSearchSuggestions } from '../../app/useSearchSuggestions';
import type { CompareMode, GroupOption } from './compareUrl';

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
  group: GroupOption['value'];
  groups: GroupOption[];
  /** the URL's values */
  initial: FormState;
  onRun: (patch: UrlPatch) => void;
  onMode: (mode: CompareMode) => void;
  onGroup: (group: GroupOption['value']) => void;
}

export function CompareForm({ source, seconds, mode, group, groups, initial, onRun, onMode, onGroup }: Props) {
  const styles = useStyles2(getStyles);
  const [form, setForm] = useState(initial);
  const traceql = source.capabilities.traceql;
  const suggest = useSearchSuggestions(source, seconds);
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
            { label: 'Slowest vs the rest', value: 'split' },
            { label: 'Two queries', value: 'queries' },
          ]}
          value={mode}
          onChange={onMode}
        />
      )}
      {mode === 'split' ? (
        <div className={styles.row}>
          <Field label="Root service" className={styles.field}>
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
          <Field label="Root span name" className={styles.field}>
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
            <Field label="or traces (TraceQL)" className={styles.grow}>
              <Input
                value={form.q}
                placeholder='{ rootName = "GET /checkout" }'
                onChange={(e) => setForm({ ...form, q: e.currentTarget.value })}
              />
            </Field>
          )}
          <Field label="Slowest %" className={styles.field}>
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
          <Field label="Slow set (TraceQL)" className={styles.grow}>
            <Input value={form.slowQ} onChange={(e) => setForm({ ...form, slowQ: e.currentTarget.value })} />
          </Field>
          <Field label="Baseline (TraceQL)" className={styles.grow}>
            <Input value={form.baseQ} onChange={(e) => setForm({ ...form, baseQ: e.currentTarget.value })} />
          </Field>
        </div>
      )}
      <div className={styles.row}>
        <Field label="Compare by" className={styles.field}>
          <RadioButtonGroup options={groups} value={group} onChange={onGroup} />
        </Field>
        <Button icon="code-branch" onClick={run} disabled={needsService}>
          Compare
        </Button>
        {needsService && (
          <span className={styles.note}>Jaeger searches one service at a time: pick a root service.</span>
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
