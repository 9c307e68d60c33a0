/**
 * Compare two trace sets: by default the slowest N% of the traces matching one query (e.g. one
 * root operation) against the rest, or two queries. Every trace is fetched and analysed (progress
 * shown), then the engine ranks per-component critical-path and self-time differences.
 * URL: `mode` (split|queries), `q`, `pct`, `slowQ`, `baseQ`, `group`, plus the query context.
 */
import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, Combobox, Field, Input, LoadingPlaceholder, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { compareTraceSets, GroupBy, TraceAnalysis } from '../../engine';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { Progress } from '../../components/Progress';
import { QueryContextBar } from '../../components/QueryContextBar';
import { useAppSettings } from '../../app/AppSettingsContext';
import { useQueryContext } from '../../app/queryContext';
import { useUrlState } from '../../app/urlState';
import { useAsync } from '../../app/useAsync';
import { useManyTraces } from '../../app/useManyTraces';
import { useTagSuggestions } from '../../app/useTagSuggestions';
import { traceUrl } from '../../app/links';
import { DEFAULT_SETTINGS } from '../../config/settings';
import { ComparisonTable } from './ComparisonTable';
import { examplesByKey, rootQuery, Split, splitSlowest } from './compareModel';

type Mode = 'split' | 'queries';
const GROUPS: Array<{ label: string; value: Exclude<GroupBy['kind'], 'attribute'> }> = [
  { label: 'Operation', value: 'operation' },
  { label: 'Service', value: 'service' },
  { label: 'Span kind', value: 'spanKind' },
];
const EXAMPLES = 3;

export default function ComparePage() {
  const styles = useStyles2(getStyles);
  const context = useQueryContext();
  const settings = useAppSettings();
  const maxTraces = settings.maxTracesForAggregate ?? DEFAULT_SETTINGS.maxTracesForAggregate;
  const { params, update } = useUrlState();
  const mode: Mode = params.get('mode') === 'queries' ? 'queries' : 'split';
  const pct = Math.min(50, Math.max(1, Number(params.get('pct')) || 5));
  const group = GROUPS.find((g) => g.value === params.get('group'))?.value ?? 'operation';
  const [form, setForm] = useState({
    rootService: '',
    rootOp: '',
    q: params.get('q') ?? '',
    slowQ: params.get('slowQ') ?? '',
    baseQ: params.get('baseQ') ?? '',
    pct: String(pct),
  });
  const q = params.get('q') ?? '';
  const slowQ = params.get('slowQ') ?? '';
  const baseQ = params.get('baseQ') ?? '';
  const ready = mode === 'split' ? q !== '' : slowQ !== '' && baseQ !== '';

  const key = ready
    ? JSON.stringify([mode, q, pct, slowQ, baseQ, context.tempoUid, context.carry.from, context.carry.to])
    : undefined;
  const sets = useAsync<Split>(key, async (signal) => {
    const s = context.resolveSeconds();
    const search = async (query: string, limit: number) =>
      ((await context.clients.tempo.search(query, { ...s, limit }, { signal })).traces ?? []).map((t) => ({
        traceId: t.traceID,
        durationMs: t.durationMs ?? 0,
      }));
    if (mode === 'split') {
      return splitSlowest(await search(q, maxTraces), pct / 100);
    }
    const [slow, baseline] = await Promise.all([
      search(slowQ, Math.ceil(maxTraces / 2)),
      search(baseQ, Math.ceil(maxTraces / 2)),
    ]);
    const slowIds = new Set(slow.map((t) => t.traceId));
    return {
      slow: [...slowIds],
      baseline: baseline.map((t) => t.traceId).filter((id) => !slowIds.has(id)),
      thresholdMs: NaN,
    };
  });
  const allIds = useMemo(() => (sets.value ? [...sets.value.slow, ...sets.value.baseline] : []), [sets.value]);
  const fetched = useManyTraces(context.clients.tempo, allIds, context.seconds);
  const complete = allIds.length > 0 && fetched.done === fetched.total;

  const result = useMemo(() => {
    if (!complete || !sets.value) {
      return undefined;
    }
    const pick = (ids: string[]) =>
      ids.flatMap((traceId) => {
        const r = fetched.results.get(traceId);
        return r && !(r instanceof Error) ? [{ traceId, analysis: r as TraceAnalysis }] : [];
      });
    const slow = pick(sets.value.slow);
    const baseline = pick(sets.value.baseline);
    const failed = allIds.length - slow.length - baseline.length;
    if (!slow.length || !baseline.length) {
      return {
        failed,
        rows: [],
        examples: new Map<string, string[]>(),
        slowCount: slow.length,
        baseCount: baseline.length,
      };
    }
    return {
      failed,
      slowCount: slow.length,
      baseCount: baseline.length,
      rows: compareTraceSets(
        slow.map((t) => t.analysis),
        baseline.map((t) => t.analysis),
        { kind: group }
      ),
      examples: examplesByKey(slow, { kind: group }, EXAMPLES),
    };
  }, [complete, sets.value, fetched.results, allIds.length, group]);

  const suggest = useTagSuggestions(context.clients.tempo, context.seconds).values;
  const run = () =>
    update(
      mode === 'split'
        ? { q: form.q || rootQuery(form.rootService, form.rootOp), pct: form.pct, slowQ: undefined, baseQ: undefined }
        : { slowQ: form.slowQ, baseQ: form.baseQ, q: undefined },
      { push: true }
    );

  return (
    <PluginPage>
      <h2>Compare trace sets</h2>
      <QueryContextBar context={context} show={['tempo', 'range']} />
      <div className={styles.form}>
        <RadioButtonGroup
          options={[
            { label: 'Slowest vs the rest', value: 'split' },
            { label: 'Two queries', value: 'queries' },
          ]}
          value={mode}
          onChange={(m) => update({ mode: m === 'queries' ? 'queries' : undefined })}
        />
        {mode === 'split' ? (
          <div className={styles.row}>
            <Field label="Root service" className={styles.field}>
              <Combobox
                isClearable
                createCustomValue
                options={suggest('resource.service.name')}
                value={form.rootService || null}
                onChange={(o) =>
                  setForm((f) => ({ ...f, rootService: o?.value ?? '', q: rootQuery(o?.value ?? '', f.rootOp) }))
                }
                width={26}
              />
            </Field>
            <Field label="Root span name" className={styles.field}>
              <Combobox
                isClearable
                createCustomValue
                options={suggest('name')}
                value={form.rootOp || null}
                onChange={(o) =>
                  setForm((f) => ({ ...f, rootOp: o?.value ?? '', q: rootQuery(f.rootService, o?.value ?? '') }))
                }
                width={26}
              />
            </Field>
            <Field label="Traces (TraceQL)" className={styles.grow}>
              <Input
                value={form.q}
                placeholder='{ rootName = "GET /checkout" }'
                onChange={(e) => setForm({ ...form, q: e.currentTarget.value })}
              />
            </Field>
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
            <RadioButtonGroup options={GROUPS} value={group} onChange={(g) => update({ group: g })} />
          </Field>
          <Button icon="code-branch" onClick={run}>
            Compare
          </Button>
        </div>
      </div>
      {!ready && (
        <Alert severity="info" title="Choose what to compare">
          Pick a root service and span name (or write TraceQL) to compare its slowest traces with the rest, or give two
          queries. Up to {maxTraces} traces are fetched (change the limit in the app settings).
        </Alert>
      )}
      {sets.error && <DataErrorAlert title="Search failed" error={sets.error} />}
      {sets.loading && <LoadingPlaceholder text="Searching Tempo…" />}
      {sets.value && !sets.loading && (
        <p className={styles.note}>
          Slow set: {sets.value.slow.length} traces
          {Number.isFinite(sets.value.thresholdMs) ? ` (≥ ${sets.value.thresholdMs} ms)` : ''}; baseline:{' '}
          {sets.value.baseline.length} traces.
        </p>
      )}
      {sets.value && !complete && allIds.length > 0 && (
        <Progress label="Fetching traces" done={fetched.done} total={fetched.total} />
      )}
      {sets.value && allIds.length < 2 && !sets.loading && (
        <Alert severity="info" title="Not enough traces">
          Comparing needs at least one trace on each side. Widen the time range or loosen the query.
        </Alert>
      )}
      {result && result.failed > 0 && (
        <Alert severity="warning" title={`${result.failed} traces could not be fetched`}>
          They are left out of the comparison.
        </Alert>
      )}
      {result && result.rows.length > 0 && (
        <ComparisonTable
          rows={result.rows}
          examples={result.examples}
          traceHref={(id) => traceUrl(id, context.carry)}
        />
      )}
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1.5), marginBottom: theme.spacing(2) }),
  row: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), alignItems: 'flex-end' }),
  field: css({ marginBottom: 0 }),
  grow: css({ marginBottom: 0, flex: '1 1 320px' }),
  note: css({ color: theme.colors.text.secondary }),
});
