/**
 * Compare two trace sets on the page's trace source (Tempo or Jaeger): by default the slowest N%
 * of one root operation's traces (a structured search, kept to the hits with that root) against
 * the rest; where the source takes TraceQL, also one TraceQL query split the same way, or two
 * queries. Every trace is loaded and analysed through the loading service (progress shown, what
 * loading reported listed), then the engine ranks per-component critical-path and self-time
 * differences. URL: `mode` (split|queries), `svc`, `op`, `q`, `pct`, `slowQ`, `baseQ`, `group`,
 * `run`, plus the query context.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { compareTraceSets } from '../../engine';
import { DataError } from '../../data';
import type { TraceQuery } from '../../sources/types';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { Progress } from '../../components/Progress';
import { QueryContextBar } from '../../components/QueryContextBar';
import { useAppSettings } from '../../app/AppSettingsContext';
import { useQueryContext } from '../../app/queryContext';
import { useUrlState } from '../../app/urlState';
import { useAsync } from '../../app/useAsync';
import { useManyTraces } from '../../app/useManyTraces';
import { traceUrl } from '../../app/links';
import { DEFAULT_SETTINGS } from '../../app/settings';
import { CompareForm, CompareMode, GroupOption } from './CompareForm';
import { ComparisonTable } from './ComparisonTable';
import { TraceSetWarnings } from './TraceSetWarnings';
import { examplesByKey, rootMatches, setWarnings, splitSlowest } from './compareModel';

const GROUPS: GroupOption[] = [
  { label: 'Operation', value: 'operation' },
  { label: 'Service', value: 'service' },
  { label: 'Span kind', value: 'spanKind' },
];
const EXAMPLES = 3;

export default function ComparePage() {
  const styles = useStyles2(getStyles);
  const context = useQueryContext();
  const source = context.source;
  const traceql = source?.capabilities.traceql ?? false;
  const settings = useAppSettings();
  const maxTraces = settings.maxTracesForAggregate ?? DEFAULT_SETTINGS.maxTracesForAggregate;
  const { params, update } = useUrlState();
  const wantsQueries = params.get('mode') === 'queries';
  /** TraceQL the URL asks for that this source cannot run (shown, not run) */
  const unsupported = !traceql && (wantsQueries || params.has('q'));
  const mode: CompareMode = wantsQueries && traceql ? 'queries' : 'split';
  const pct = Math.min(50, Math.max(1, Number(params.get('pct')) || 5));
  const group = GROUPS.find((g) => g.value === params.get('group'))?.value ?? 'operation';
  const svc = params.get('svc') ?? '';
  const op = params.get('op') ?? '';
  const q = traceql ? (params.get('q') ?? '') : '';
  const slowQ = params.get('slowQ') ?? '';
  const baseQ = params.get('baseQ') ?? '';
  const ready =
    mode === 'split' ? params.has('run') || svc !== '' || op !== '' || q !== '' : slowQ !== '' && baseQ !== '';

  const key =
    source && ready
      ? JSON.stringify([mode, svc, op, q, pct, slowQ, baseQ, source.uid, context.carry.from, context.carry.to])
      : undefined;
  const sets = useAsync(key, async (signal) => {
    const s = context.resolveSeconds();
    const search = (query: TraceQuery, limit: number) => source!.search(query, { ...s, limit }, { signal });
    if (mode === 'split') {
      if (q) {
        return { ...splitSlowest(await search({ traceql: q }, maxTraces), pct / 100), otherRoot: 0 };
      }
      const hits = await search({ filter: { service: svc || undefined, spanName: op || undefined } }, maxTraces);
      const { kept, otherRoot } = rootMatches(hits, svc, op);
      return { ...splitSlowest(kept, pct / 100), otherRoot };
    }
    const [slow, baseline] = await Promise.all([
      search({ traceql: slowQ }, Math.ceil(maxTraces / 2)),
      search({ traceql: baseQ }, Math.ceil(maxTraces / 2)),
    ]);
    const slowIds = new Set(slow.map((t) => t.traceId));
    return {
      slow: [...slowIds],
      baseline: baseline.map((t) => t.traceId).filter((id) => !slowIds.has(id)),
      thresholdMs: NaN,
      otherRoot: 0,
    };
  });
  const allIds = useMemo(() => (sets.value ? [...sets.value.slow, ...sets.value.baseline] : []), [sets.value]);
  const loaded = useManyTraces(source, allIds, context.seconds);
  const complete = allIds.length > 0 && loaded.done === loaded.total;

  const result = useMemo(() => {
    if (!complete || !sets.value) {
      return undefined;
    }
    const pick = (ids: string[]) =>
      ids.flatMap((traceId) => {
        const r = loaded.results.get(traceId);
        return r && !(r instanceof DataError) ? [{ traceId, analysis: r.analysis }] : [];
      });
    const slow = pick(sets.value.slow);
    const baseline = pick(sets.value.baseline);
    return {
      warnings: setWarnings(loaded.results),
      comparison:
        slow.length && baseline.length
          ? compareTraceSets(
              slow.map((t) => t.analysis),
              baseline.map((t) => t.analysis),
              { kind: group }
            )
          : { rows: [], other: null },
      examples:
        slow.length && baseline.length ? examplesByKey(slow, { kind: group }, EXAMPLES) : new Map<string, string[]>(),
    };
  }, [complete, sets.value, loaded.results, group]);

  const traceHref = (id: string) => traceUrl(id, context.carry);

  return (
    <PluginPage>
      <h2>Compare trace sets</h2>
      <QueryContextBar context={context} show={['trace', 'range']} />
      {source && (
        <CompareForm
          source={source}
          seconds={context.seconds}
          mode={mode}
          group={group}
          groups={GROUPS}
          initial={{ svc, op, q, slowQ, baseQ, pct: String(pct) }}
          onRun={(patch) => update(patch, { push: true })}
          onMode={(m) => update({ mode: m === 'queries' ? 'queries' : undefined })}
          onGroup={(g) => update({ group: g })}
        />
      )}
      {source && unsupported && (
        <Alert severity="warning" title={`${source.target} does not take TraceQL`}>
          The link asked to compare traces chosen by TraceQL, which this source cannot run. Compare the slowest traces
          of a root operation with the rest instead.
        </Alert>
      )}
      {source && !ready && (
        <Alert severity="info" title="Choose what to compare">
          Pick a root service and span name{traceql ? ' (or write TraceQL)' : ''} to compare its slowest traces with the
          rest{traceql ? ', or give two queries' : ''}. Up to {maxTraces} traces are fetched (change the limit in the
          app settings).
        </Alert>
      )}
      {sets.error && <DataErrorAlert title="Search failed" error={sets.error} />}
      {sets.loading && <LoadingPlaceholder text={`Searching ${source?.target}…`} />}
      {sets.value && !sets.loading && (
        <p className={styles.note}>
          Slow set: {sets.value.slow.length} traces
          {Number.isFinite(sets.value.thresholdMs) ? ` (≥ ${sets.value.thresholdMs} ms)` : ''}; baseline:{' '}
          {sets.value.baseline.length} traces.
          {sets.value.otherRoot > 0 &&
            ` ${sets.value.otherRoot} traces found had another root (or none yet) and are left out.`}
        </p>
      )}
      {sets.value && !complete && allIds.length > 0 && (
        <Progress label="Fetching traces" done={loaded.done} total={loaded.total} />
      )}
      {sets.value && allIds.length < 2 && !sets.loading && (
        <Alert severity="info" title="Not enough traces">
          Comparing needs at least one trace on each side. Widen the time range or loosen the query.
        </Alert>
      )}
      {result && <TraceSetWarnings warnings={result.warnings} traceHref={traceHref} />}
      {result && result.comparison.rows.length > 0 && (
        <ComparisonTable
          rows={result.comparison.rows}
          other={result.comparison.other}
          examples={result.examples}
          traceHref={traceHref}
        />
      )}
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary }),
});
