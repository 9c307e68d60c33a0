/**
 * Trace search on the page's trace source (Tempo or Jaeger): a structured form (Tempo: with
 * autocomplete and a raw TraceQL mode; Jaeger: service/operation pickers, `key=value` tags, limit),
 * and a sortable result table whose per-service self-time bars and warnings are filled in lazily
 * (each trace loaded and analysed through the loading service, a few at a time). URL: builder
 * params (searchQuery.ts), `run`, `q`, `mode`, `limit`, `sort`, `dir`, plus the query context.
 */
import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, LinkButton, LoadingPlaceholder, RadioButtonGroup, TextArea, useStyles2 } from '@grafana/ui';
import { ROUTES } from '../../constants';
import { useQueryContext } from '../../app/queryContext';
import { useUrlState } from '../../app/urlState';
import { useAsync } from '../../app/useAsync';
import { useManyTraces } from '../../app/useManyTraces';
import { exploreTraceUrl, pageUrl, traceUrl } from '../../app/links';
import { currentOrgId } from '../../app/currentOrgId';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { Progress } from '../../components/Progress';
import { QueryContextBar } from '../../components/QueryContextBar';
import { QueryBuilder } from './QueryBuilder';
import { ResultsTable } from './ResultsTable';
import { BuilderState, builderFromParams, builderToParams, builderToTraceql } from '../../app/searchQuery';
import {
  BreakdownCell,
  compareParams,
  hitServices,
  pageQuery,
  resultCell,
  rowFromHit,
  searchLimit,
  SortKey,
} from './searchModel';

const PAGE_SIZE = 20;
const SORT_KEYS: SortKey[] = ['start', 'duration', 'spans', 'errors', 'root'];

export default function SearchPage() {
  const styles = useStyles2(getStyles);
  const context = useQueryContext();
  const source = context.source;
  const traceql = source?.capabilities.traceql ?? false;
  const { params, update } = useUrlState();
  const urlBuilder = useMemo(() => builderFromParams(params), [params]);
  const page = useMemo(() => pageQuery(params, traceql), [params, traceql]);
  const [builder, setBuilder] = useState<BuilderState>(urlBuilder);
  const [raw, setRaw] = useState(params.get('q') || '{}');
  const [formError, setFormError] = useState<string>();
  const limit = searchLimit(params.get('limit'), PAGE_SIZE);
  const [formLimit, setFormLimit] = useState(String(limit));
  const [runCount, setRunCount] = useState(0);
  const sort = (SORT_KEYS.find((k) => k === params.get('sort')) ?? 'start') as SortKey;
  const descending = params.get('dir') !== 'asc';

  const run = () => {
    update(
      page.mode === 'raw'
        ? { mode: 'raw', q: raw, run: undefined, limit: undefined }
        : {
            ...builderToParams(builder),
            mode: undefined,
            q: undefined,
            run: '1',
            limit: traceql ? undefined : String(searchLimit(formLimit, PAGE_SIZE)),
          },
      { push: true }
    );
    setRunCount((n) => n + 1);
  };

  const query = page.query;
  const searchKey =
    source && query
      ? JSON.stringify([source.uid, query, limit, context.carry.from, context.carry.to, runCount])
      : undefined;
  const search = useAsync(searchKey, (signal) =>
    source!.search(query!, { limit, ...context.resolveSeconds() }, { signal })
  );
  const hits = useMemo(() => search.value ?? [], [search.value]);
  const rows = useMemo(() => hits.map(rowFromHit), [hits]);
  const services = useMemo(() => hitServices(hits), [hits]);
  const traceIds = useMemo(() => rows.map((r) => r.traceId), [rows]);
  const analyses = useManyTraces(source, traceIds, context.seconds);
  const breakdowns = useMemo(() => {
    const cells = new Map<string, BreakdownCell>();
    analyses.results.forEach((result, id) => cells.set(id, resultCell(result, services)));
    return cells;
  }, [analyses.results, services]);

  const onSort = (key: SortKey) => update({ sort: key, dir: key === sort ? (descending ? 'asc' : 'desc') : 'desc' });
  const switchMode = (next: 'builder' | 'raw') => {
    if (next === 'raw') {
      setRaw(builderToTraceql(builder));
    }
    update({ mode: next });
  };
  const compare = compareParams(page, urlBuilder, traceql);
  // Jaeger's search API takes one service at a time
  const needsService = source?.kind === 'jaeger' && page.mode === 'builder' && !builder.service;

  return (
    <PluginPage>
      <h2>Trace search</h2>
      <QueryContextBar context={context}>
        <LinkButton variant="secondary" icon="upload" href={pageUrl(ROUTES.File)}>
          Open a trace file
        </LinkButton>
      </QueryContextBar>
      {source && (
        <div className={styles.editor}>
          {traceql && (
            <RadioButtonGroup
              options={[
                { label: 'Builder', value: 'builder' },
                { label: 'TraceQL', value: 'raw' },
              ]}
              value={page.mode}
              onChange={switchMode}
            />
          )}
          {page.mode === 'builder' ? (
            <>
              <QueryBuilder
                state={builder}
                onChange={setBuilder}
                source={source}
                seconds={context.seconds}
                limit={formLimit}
                onLimitChange={setFormLimit}
                onError={setFormError}
              />
              {traceql && (
                <code className={styles.preview} data-testid="traceql-preview">
                  {builderToTraceql(builder)}
                </code>
              )}
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
                  run();
                }
              }}
            />
          )}
          <div className={styles.actions}>
            <Button icon="search" onClick={run} disabled={Boolean(formError) || needsService}>
              Run query
            </Button>
            {query && (
              <LinkButton
                variant="secondary"
                icon="compass"
                href={exploreTraceUrl(source, query, context.carry.from, context.carry.to, currentOrgId())}
              >
                Open in Explore
              </LinkButton>
            )}
            {compare && (
              <LinkButton
                variant="secondary"
                icon="code-branch"
                href={pageUrl(ROUTES.Compare, { ...context.carry, ...compare })}
              >
                Compare slow vs rest
              </LinkButton>
            )}
          </div>
          {needsService && <p className={styles.note}>Jaeger searches one service at a time: pick a service.</p>}
        </div>
      )}
      {source && page.unsupportedTraceql && (
        <Alert severity="warning" title={`${source.target} does not take TraceQL`}>
          The link asked for the TraceQL query {page.unsupportedTraceql}, which was not run. Describe the traces with
          the form above instead.
        </Alert>
      )}
      {search.error && <DataErrorAlert title="Search failed" error={search.error} />}
      {source && !query && !page.unsupportedTraceql && (
        <Alert severity="info" title="Search for traces">
          {traceql
            ? 'Pick a service, span name or attribute above (or write TraceQL) and run the query.'
            : 'Pick a service, operation or tags above and run the query.'}
        </Alert>
      )}
      {search.loading && !search.value && <LoadingPlaceholder text={`Searching ${source?.target}…`} />}
      {query && search.value && rows.length === 0 && !search.loading && (
        <Alert severity="info" title="No traces matched">
          Nothing matched in this time range. Widen the time range or loosen the query; if no query finds anything,
          check that your services export traces to {source?.target} (OTLP on ports 4317/4318).
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
  note: css({ color: theme.colors.text.secondary, margin: 0 }),
});
