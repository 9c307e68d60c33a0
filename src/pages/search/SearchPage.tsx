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
import { t, Trans } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, LinkButton, LoadingPlaceholder, RadioButtonGroup, TextArea, useStyles2 } from '@grafana/ui';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { AS_TEXT } from '../../components/i18n';
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
      <h2>
        <Trans i18nKey="search.title">Trace search</Trans>
      </h2>
      <QueryContextBar context={context}>
        <LinkButton variant="secondary" icon="upload" href={m.fileHref}>
          {t('file.title', 'Open a trace file')}
        </LinkButton>
      </QueryContextBar>
      {source && (
        <div className={styles.editor}>
          {traceql && (
            <RadioButtonGroup
              options={[
                { label: t('search.mode.builder', 'Builder'), value: 'builder' },
                // eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- the query language's name
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
              aria-label={t('search.raw-label', 'TraceQL query')}
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
              <Trans i18nKey="search.run">Run query</Trans>
            </Button>
            {m.exploreHref && (
              <LinkButton variant="secondary" icon="compass" href={m.exploreHref}>
                <Trans i18nKey="search.explore">Open in Explore</Trans>
              </LinkButton>
            )}
            {m.compareHref && (
              <LinkButton variant="secondary" icon="code-branch" href={m.compareHref}>
                <Trans i18nKey="search.compare">Compare slow vs rest</Trans>
              </LinkButton>
            )}
          </div>
          {m.needsService && (
            <p className={styles.note}>
              <Trans i18nKey="search.needs-service">Jaeger searches one service at a time: pick a service.</Trans>
            </p>
          )}
        </div>
      )}
      {source && m.unsupportedTraceql && (
        <Alert
          severity="warning"
          title={t('search.no-traceql.title', '{{target}} does not take TraceQL', {
            target: source.target,
            ...AS_TEXT,
          })}
        >
          {t(
            'search.no-traceql.body',
            'The link asked for the TraceQL query {{query}}, which was not run. Describe the traces with the form above instead.',
            { query: m.unsupportedTraceql, ...AS_TEXT }
          )}
        </Alert>
      )}
      {search.error && <DataErrorAlert title={t('search.failed', 'Search failed')} error={search.error} />}
      {source && !m.query && !m.unsupportedTraceql && (
        <Alert severity="info" title={t('search.start.title', 'Search for traces')}>
          {traceql
            ? t(
                'search.start.traceql',
                'Pick a service, span name or attribute above (or write TraceQL) and run the query.'
              )
            : t('search.start.jaeger', 'Pick a service, operation or tags above and run the query.')}
        </Alert>
      )}
      {search.loading && !search.value && (
        <LoadingPlaceholder
          text={t('search.searching', 'Searching {{target}}…', { target: source?.target, ...AS_TEXT })}
        />
      )}
      {m.query && search.value && rows.length === 0 && !search.loading && (
        <Alert severity="info" title={t('search.empty.title', 'No traces matched')}>
          {t(
            'search.empty.body',
            'Nothing matched in this time range. Widen the time range or loosen the query; if no query finds anything, check that your services export traces to {{target}} (OTLP on ports 4317/4318).',
            { target: source?.target, ...AS_TEXT }
          )}
        </Alert>
      )}
      {rows.length > 0 && (
        <>
          <div className={styles.summary}>
            <CoverageLine coverage={m.coverage} fetching={m.fetching} raise={m.loadMore} traceHref={m.traceHref} />
            {search.loading && (
              <span>
                <Trans i18nKey="search.refreshing">Refreshing…</Trans>
              </span>
            )}
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
