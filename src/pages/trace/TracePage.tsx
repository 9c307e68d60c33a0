/**
 * Trace analysis for one trace: summary, virtualised waterfall with the critical path and self
 * time, span details with a span-metrics percentile, and (tabs) breakdowns, flame graph and
 * cross-service gaps. The critical-path area chooses the path (synchronous blocking only, or
 * following async work and links) and lists its unattributed gaps and the links not followed.
 * URL: `/trace/<id>` plus `span` (selected span id), `view` (tab), `group`/`groupAttr`/`measure`
 * (breakdown), `path=sync` (critical-path mode), and the query context (`ds`, `prom`, `from`, `to`). The
 * trace comes from the page's trace source (Tempo or Jaeger) through the loading service, or from an
 * opened trace file (`ds=file&file=<id>`, usePageTrace.ts): then its provenance shows, and what needs
 * a datasource (Explore, span-metric percentiles) is off with the reason. Any trace downloads as OTLP JSON.
 * A trace of more than 20,000 spans opens on a summary (summaryView.ts; `spans=all` leaves it): the
 * self-time hotspots, an in-trace search and a pruned waterfall whose folded rows expand.
 * "Stitch related traces" (StitchSection.tsx, `stitch=<join attribute>` in the URL) shows the trace
 * analysed together with the other traces of its request.
 * What it shows comes from useTraceModel.ts; this file only renders it.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { LinkButton, LoadingPlaceholder, Tab, TabsBar, useStyles2 } from '@grafana/ui';
import { BreakdownFlameGraph } from '../../components/breakdown';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { QueryContextBar } from '../../components/QueryContextBar';
import { exploreTraceUrl } from '../../app/links';
import { currentOrgId } from '../../app/currentOrgId';
import { errorText } from '../../components/errorText';
import { FileGone } from '../../components/FileGone';
import { AS_TEXT } from '../../components/i18n';
import { CriticalPathSection } from './CriticalPathSection';
import { DownloadOtlpButton } from './DownloadOtlpButton';
import { FileProvenance } from './FileProvenance';
import { GapsTable } from './GapsTable';
import { GenAiSection } from './genai/GenAiSection';
import { SelfTimeHotspots } from './SelfTimeHotspots';
import { SpanDetails } from './SpanDetails';
import { StitchSection } from './StitchSection';
import { SummaryNotice } from './SummaryNotice';
import { LoadProgress } from './LoadProgress';
import { TraceBreakdowns } from './TraceBreakdowns';
import { TraceSummary } from './TraceSummary';
import { TraceSearchBox } from './TraceSearchBox';
import { TRACE_VIEWS, TraceView } from './traceUrl';
import { useTraceModel } from './useTraceModel';
import { Waterfall } from './Waterfall';

/** The name of a tab below the waterfall. */
function viewLabel(view: TraceView): string {
  switch (view) {
    case 'breakdown':
      return t('trace.view.breakdown', 'Breakdown');
    case 'flame':
      return t('trace.view.flame', 'Flame graph');
    case 'gaps':
      return t('trace.view.gaps', 'Cross-service gaps');
  }
}

export default function TracePage() {
  const styles = useStyles2(getStyles);
  const model = useTraceModel();
  const { traceId, context, loaded, fromFile, source, analysis, waterfall, view, lower } = model;

  return (
    <PluginPage>
      <h2>{t('trace.title', 'Trace {{traceId}}', { traceId, ...AS_TEXT })}</h2>
      {loaded.file && <FileProvenance file={loaded.file} />}
      <QueryContextBar context={context} show={fromFile ? [] : undefined}>
        {source && (
          <LinkButton
            variant="secondary"
            icon="compass"
            href={exploreTraceUrl(source, { traceId }, context.carry.from, context.carry.to, currentOrgId())}
          >
            <Trans i18nKey="trace.open-in-explore">Open in Explore</Trans>
          </LinkButton>
        )}
        {analysis && <DownloadOtlpButton trace={analysis.trace} />}
      </QueryContextBar>
      {fromFile && !loaded.file && <FileGone />}
      {loaded.error && (
        <DataErrorAlert title={t('trace.load-failed', 'Could not load the trace')} error={loaded.error} />
      )}
      {loaded.loading && (
        <LoadingPlaceholder text={t('trace.loading-trace', 'Loading trace {{traceId}}…', { traceId, ...AS_TEXT })} />
      )}
      {source && (loaded.loading || loaded.cancelled) && (
        <LoadProgress
          progress={loaded.progress}
          cancelled={loaded.cancelled}
          onCancel={loaded.cancel}
          onRetry={loaded.retry}
        />
      )}
      {analysis && (
        <>
          <TraceSummary analysis={analysis} services={model.services} warnings={model.warnings} />
          {source && <StitchSection {...model.stitch} traceHref={model.traceHref} />}
          {model.huge && (
            <SummaryNotice
              spanCount={analysis.trace.spanCount}
              threshold={model.summary?.threshold}
              onAllSpans={model.setAllSpans}
            />
          )}
          <CriticalPathSection
            analysis={analysis}
            mode={model.pathMode}
            onModeChange={model.setPathMode}
            onSelect={model.reveal}
            traceHref={model.traceHref}
          />
          {model.summary && (
            <SelfTimeHotspots analysis={analysis} hotspots={model.summary.hotspots} onReveal={model.reveal} />
          )}
          {model.summary && <TraceSearchBox search={model.summary.search} />}
          {model.metrics.error && (
            <p className={styles.note}>
              {t('trace.percentiles-unavailable', 'Percentiles unavailable: {{message}}', {
                message: errorText(model.metrics.error),
                ...AS_TEXT,
              })}
            </p>
          )}
        </>
      )}
      {analysis && waterfall && (
        <>
          <div className={styles.main}>
            <Waterfall analysis={analysis} {...waterfall} />
            <aside className={styles.details}>
              {model.details ? (
                <SpanDetails
                  span={model.details.span}
                  percentile={model.percentile}
                  p95={model.details.p95}
                  metrics={model.metrics.value}
                  promUid={context.promUid}
                  range={context.carry}
                />
              ) : (
                <p className={styles.note}>
                  <Trans i18nKey="trace.select-span">
                    Select a span (click, or focus the waterfall and use the arrow keys) to see its details.
                  </Trans>
                </p>
              )}
            </aside>
          </div>
          <TabsBar className={styles.tabs}>
            {TRACE_VIEWS.map((v) => (
              <Tab key={v} label={viewLabel(v)} active={view === v} onChangeTab={() => model.setView(v)} />
            ))}
          </TabsBar>
          <div className={styles.tabContent}>
            {!lower && <LoadingPlaceholder text={t('trace.analysing', 'Analysing…')} />}
            {view === 'breakdown' && lower && (
              <TraceBreakdowns
                analysis={lower}
                services={model.services}
                {...model.breakdown}
                onChange={model.setBreakdown}
              />
            )}
            {view === 'flame' && model.flame && (
              <div className={styles.flame}>
                <BreakdownFlameGraph columns={model.flame} />
              </div>
            )}
            {view === 'gaps' && model.gaps && <GapsTable gaps={model.gaps} />}
          </div>
          {model.genAi && <GenAiSection analysis={model.genAi} onSelect={model.reveal} />}
        </>
      )}
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  main: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 360px',
    gap: theme.spacing(2),
    alignItems: 'start',
  }),
  details: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1.5),
    maxHeight: 520,
    overflowY: 'auto',
  }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  tabs: css({ marginTop: theme.spacing(2) }),
  tabContent: css({ paddingTop: theme.spacing(2) }),
  flame: css({ height: 500 }),
});
