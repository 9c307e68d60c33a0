/**
 * Trace search on the page's trace source (Tempo or Jaeger): a structured form (Tempo: with
 * autocomplete and a raw TraceQL mode; Jaeger: service/operation pickers, `key=value` tags, limit),
 * and a sortable result table whose per-service self-time bars and warnings are filled in lazily
 * (each trace loaded and analysed through the loading service, a few at a time), under a coverage
 * line (traces listed and analysed, failures, progress with Cancel, "Load 20 more"). It renders what
 * its model (useSearchModel.ts; URL state in searchUrl.ts) gives.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, LinkButton, LoadingPlaceholder, RadioButtonGroup, TextArea, useStyles2 } from '@grafana/ui';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { CoverageLine } from '../../components/CoverageLine';
import { QueryContextBar } from '../../components/QueryContextBar';
import { QueryBuilder } from './QueryBuilder';
import { ResultsTable } from './ResultsTable';
import { useSearchModel } from './useSearchModel';

export default function SearchPage() {
  const styles = useStyles2(getStyles);
  const m = useSearchModel();
  const { context, source, traceql, form, search, rows } = m;

  return (
    <PluginPage>
      <h2>Trace search</h2>
      <QueryContextBar context={context}>
        <LinkButton variant="secondary" icon="upload" href={m.fileHref}>
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
              value={m.mode}
              onChange={m.switchMode}
            />
          )}
          {m.mode === 'builder' ? (
            <>
              <QueryBuilder
                state={form.builder}
                onChange={form.setBuilder}
                source={source}
                seconds={context.seconds}
                limit={form.limit}
                onLimitChange={form.setLimit}
                onError={form.setError}
              />
              {m.preview !== undefined && (
                <code className={styles.preview} data-testid="traceql-preview">
                  {m.preview}
                </code>
              )}
            </>
          ) : (
            <TextArea
              aria-label="TraceQL query"
              className={styles.raw}
              rows={3}
              value={form.raw}
              onChange={(e) => form.setRaw(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  m.run();
                }
              }}
            />
          )}
          <div className={styles.actions}>
            <Button icon="search" onClick={m.run} disabled={!m.canRun}>
              Run query
            </Button>
            {m.exploreHref && (
              <LinkButton variant="secondary" icon="compass" href={m.exploreHref}>
                Open in Explore
              </LinkButton>
            )}
            {m.compareHref && (
              <LinkButton variant="secondary" icon="code-branch" href={m.compareHref}>
                Compare slow vs rest
              </LinkButton>
            )}
          </div>
          {m.needsService && <p className={styles.note}>Jaeger searches one service at a time: pick a service.</p>}
        </div>
      )}
      {source && m.unsupportedTraceql && (
        <Alert severity="warning" title={`${source.target} does not take TraceQL`}>
          The link asked for the TraceQL query {m.unsupportedTraceql}, which was not run. Describe the traces with the
          form above instead.
        </Alert>
      )}
      {search.error && <DataErrorAlert title="Search failed" error={search.error} />}
      {source && !m.query && !m.unsupportedTraceql && (
        <Alert severity="info" title="Search for traces">
          {traceql
            ? 'Pick a service, span name or attribute above (or write TraceQL) and run the query.'
            : 'Pick a service, operation or tags above and run the query.'}
        </Alert>
      )}
      {search.loading && !search.value && <LoadingPlaceholder text={`Searching ${source?.target}…`} />}
      {m.query && search.value && rows.length === 0 && !search.loading && (
        <Alert severity="info" title="No traces matched">
          Nothing matched in this time range. Widen the time range or loosen the query; if no query finds anything,
          check that your services export traces to {source?.target} (OTLP on ports 4317/4318).
        </Alert>
      )}
      {rows.length > 0 && (
        <>
          <div className={styles.summary}>
            <CoverageLine coverage={m.coverage} fetching={m.fetching} raise={m.loadMore} traceHref={m.traceHref} />
            {search.loading && <span>Refreshing…</span>}
          </div>
          <ResultsTable
            rows={rows}
            sort={m.sort}
            descending={m.descending}
            onSort={m.onSort}
            breakdowns={m.breakdowns}
            traceHref={m.traceHref}
          />
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
  note: css({ color: theme.colors.text.secondary, margin: 0 }),
});
