/**
 * Trace search: a TraceQL builder (or raw TraceQL), Tempo search over the URL's time range, and a
 * sortable result table whose per-service self-time bars are filled in lazily (each trace fetched
 * and analysed, a few at a time). URL: builder params (searchQuery.ts), `q`, `mode`, `limit`,
 * `sort`, `dir`, plus the query context (`tempo`, `prom`, `from`, `to`).
 */
import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, LinkButton, LoadingPlaceholder, RadioButtonGroup, TextArea, useStyles2 } from '@grafana/ui';
import { ROUTES } from '../../constants';
import { breakdown } from '../../engine';
import { TempoSearchTrace } from '../../data';
import { useQueryContext } from '../../app/queryContext';
import { useUrlState } from '../../app/urlState';
import { useAsync } from '../../app/useAsync';
import { useManyTraces } from '../../app/useManyTraces';
import { exploreTempoUrl, pageUrl, traceUrl } from '../../app/links';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { Progress } from '../../components/Progress';
import { QueryContextBar } from '../../components/QueryContextBar';
import { QueryBuilder } from './QueryBuilder';
import { BreakdownCell, ResultRow, ResultsTable, SortKey } from './ResultsTable';
import { BuilderState, builderFromParams, builderToParams, builderToTraceql } from './searchQuery';

const PAGE_SIZE = 20;
const SORT_KEYS: SortKey[] = ['start', 'duration', 'spans', 'errors', 'root'];

function toRow(t: TempoSearchTrace): ResultRow {
  const stats = Object.values(t.serviceStats ?? {});
  return {
    traceId: t.traceID,
    rootService: t.rootServiceName ?? '(root not yet received)',
    rootName: t.rootTraceName ?? '',
    startMs: Number(t.startTimeUnixNano.slice(0, -6) || '0'),
    durationMs: t.durationMs ?? 0,
    spanCount: stats.reduce((n, s) => n + s.spanCount, 0),
    errorCount: stats.reduce((n, s) => n + (s.errorCount ?? 0), 0),
  };
}

export default function SearchPage() {
  const styles = useStyles2(getStyles);
  const context = useQueryContext();
  const { params, update } = useUrlState();
  const urlBuilder = useMemo(() => builderFromParams(params), [params]);
  const [builder, setBuilder] = useState<BuilderState>(urlBuilder);
  const q = params.get('q') ?? (params.has('svc') || params.has('op') ? builderToTraceql(urlBuilder) : '');
  // A query the builder cannot show (e.g. from Explore's "Analyze in TraceLens") opens in the editor.
  const mode =
    params.get('mode') === 'raw' || (params.get('mode') !== 'builder' && q !== '' && q !== builderToTraceql(urlBuilder))
      ? 'raw'
      : 'builder';
  const [raw, setRaw] = useState(q || '{}');
  const [runCount, setRunCount] = useState(0);
  const limit = Math.max(PAGE_SIZE, Number(params.get('limit')) || PAGE_SIZE);
  const sort = (SORT_KEYS.find((k) => k === params.get('sort')) ?? 'start') as SortKey;
  const descending = params.get('dir') !== 'asc';

  const run = (query: string) => {
    update({ q: query, limit: undefined, ...(mode === 'builder' ? builderToParams(builder) : {}) }, { push: true });
    setRunCount((n) => n + 1);
  };

  const searchKey = q
    ? JSON.stringify([context.tempoUid, q, limit, context.carry.from, context.carry.to, runCount])
    : undefined;
  const search = useAsync(searchKey, (signal) =>
    context.clients.tempo.search(q, { limit, ...context.resolveSeconds() }, { signal })
  );
  const rows = useMemo(() => (search.value?.traces ?? []).map(toRow), [search.value]);
  const services = useMemo(
    () => [...new Set((search.value?.traces ?? []).flatMap((t) => Object.keys(t.serviceStats ?? {})))].sort(),
    [search.value]
  );

  const traceIds = useMemo(() => rows.map((r) => r.traceId), [rows]);
  const analyses = useManyTraces(context.clients.tempo, traceIds, context.seconds);
  const breakdowns = useMemo(() => {
    const cells = new Map<string, BreakdownCell>();
    analyses.results.forEach((result, id) =>
      cells.set(
        id,
        result instanceof Error
          ? { error: result.message }
          : {
              segments: breakdown(result, { kind: 'service' })
                .map((b) => ({ service: b.label, value: b.selfTotal, colorIndex: services.indexOf(b.label) }))
                .sort((a, b) => a.colorIndex - b.colorIndex),
            }
      )
    );
    return cells;
  }, [analyses.results, services]);

  const onSort = (key: SortKey) => update({ sort: key, dir: key === sort ? (descending ? 'asc' : 'desc') : 'desc' });
  const switchMode = (next: 'builder' | 'raw') => {
    if (next === 'raw') {
      setRaw(builderToTraceql(builder));
    }
    update({ mode: next });
  };
  const current = mode === 'builder' ? builderToTraceql(builder) : raw;

  return (
    <PluginPage>
      <h2>Trace search</h2>
      <QueryContextBar context={context} />
      <div className={styles.editor}>
        <RadioButtonGroup
          options={[
            { label: 'Builder', value: 'builder' },
            { label: 'TraceQL', value: 'raw' },
          ]}
          value={mode}
          onChange={switchMode}
        />
        {mode === 'builder' ? (
          <>
            <QueryBuilder
              state={builder}
              onChange={setBuilder}
              tempo={context.clients.tempo}
              seconds={context.seconds}
            />
            <code className={styles.preview} data-testid="traceql-preview">
              {current}
            </code>
          </>
        ) : (
          <TextArea
            aria-label="TraceQL query"
            className={styles.raw}
            rows={3}
            value={raw}
            onChange={(e) => setRaw(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                run(raw);
              }
            }}
          />
        )}
        <div className={styles.actions}>
          <Button icon="search" onClick={() => run(current)}>
            Run query
          </Button>
          {q && (
            <LinkButton
              variant="secondary"
              icon="compass"
              href={exploreTempoUrl(context.tempoUid, q, context.carry.from, context.carry.to)}
            >
              Open in Explore
            </LinkButton>
          )}
          {q && (
            <LinkButton variant="secondary" icon="code-branch" href={pageUrl(ROUTES.Compare, { ...context.carry, q })}>
              Compare slow vs rest
            </LinkButton>
          )}
        </div>
      </div>
      {search.error && <DataErrorAlert title="Search failed" error={search.error} />}
      {!q && (
        <Alert severity="info" title="Search for traces">
          Pick a service, span name or attribute above (or write TraceQL) and run the query.
        </Alert>
      )}
      {search.loading && !search.value && <LoadingPlaceholder text="Searching Tempo…" />}
      {q && search.value && rows.length === 0 && !search.loading && (
        <Alert severity="info" title="No traces matched">
          Nothing matched {q} in this time range. Widen the time range or loosen the query; if no query finds anything,
          check that your services export traces to Tempo (OTLP on ports 4317/4318).
        </Alert>
      )}
      {rows.length > 0 && (
        <>
          <div className={styles.summary}>
            <span>
              {rows.length} trace{rows.length === 1 ? '' : 's'}
              {search.loading ? ' (refreshing…)' : ''}
            </span>
            {analyses.done < analyses.total && (
              <Progress label="Analysing traces" done={analyses.done} total={analyses.total} />
            )}
          </div>
          <ResultsTable
            rows={rows}
            sort={sort}
            descending={descending}
            onSort={onSort}
            breakdowns={breakdowns}
            traceHref={(id) => traceUrl(id, context.carry)}
          />
          {rows.length >= limit && (
            <Button
              className={styles.more}
              variant="secondary"
              onClick={() => update({ limit: String(limit + PAGE_SIZE) })}
            >
              Load {PAGE_SIZE} more
            </Button>
          )}
        </>
      )}
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  editor: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    marginBottom: theme.spacing(2),
    alignItems: 'flex-start',
  }),
  preview: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    background: theme.colors.background.secondary,
    padding: theme.spacing(0.5, 1),
    borderRadius: theme.shape.radius.default,
    wordBreak: 'break-all',
  }),
  raw: css({ fontFamily: theme.typography.fontFamilyMonospace, width: '100%' }),
  actions: css({ display: 'flex', gap: theme.spacing(1) }),
  summary: css({ display: 'flex', gap: theme.spacing(2), alignItems: 'center', marginBottom: theme.spacing(1) }),
  more: css({ marginTop: theme.spacing(1) }),
});
