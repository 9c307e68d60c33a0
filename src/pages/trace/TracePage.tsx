/**
 * Trace analysis for one trace: summary, virtualised waterfall with the critical path and self
 * time, span details with a span-metrics percentile, and (tabs) breakdowns, flame graph and
 * cross-service gaps. URL: `/trace/<id>` plus `span` (selected span id), `view` (tab),
 * `group`/`groupAttr`/`measure` (breakdown), and the query context (`ds`, `prom`, `from`, `to`). The
 * trace comes from the page's trace source (Tempo or Jaeger) through the loading service, or from an
 * opened trace file (`ds=file&file=<id>`, usePageTrace.ts): then its provenance shows, and what needs
 * a datasource (Explore, span-metric percentiles) is off with the reason. Any trace downloads as OTLP JSON.
 */
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { LinkButton, LoadingPlaceholder, Tab, TabsBar, useStyles2 } from '@grafana/ui';
import {
  crossServiceGaps,
  GroupKind,
  serviceOf,
  spanDuration,
  spanIdOf,
  TraceAnalysis,
  traceServices,
} from '../../engine';
import { BreakdownFlameGraph, flameColumns, Measure } from '../../components/breakdown';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { QueryContextBar } from '../../components/QueryContextBar';
import { useQueryContext } from '../../app/queryContext';
import { useUrlState } from '../../app/urlState';
import { AsyncState } from '../../app/useAsync';
import type { SpanMetrics } from '../../data';
import { useSpanMetrics } from '../../app/useSpanMetrics';
import { exploreTraceUrl } from '../../app/links';
import { currentOrgId } from '../../app/currentOrgId';
import { FileGone } from '../../components/FileGone';
import { DownloadOtlpButton } from './DownloadOtlpButton';
import { FileProvenance } from './FileProvenance';
import { GapsTable } from './GapsTable';
import { SpanDetails } from './SpanDetails';
import { TraceBreakdowns } from './TraceBreakdowns';
import { TraceSummary } from './TraceSummary';
import { usePageTrace } from './usePageTrace';
import { SpanPercentile, useOperationP95, useSpanPercentile } from './usePercentiles';
import { Waterfall } from './Waterfall';
import { criticalSectionsBySpan, findSpan, visibleRows } from './waterfallModel';
import { spanInfo } from './spanInfo';

type View = 'breakdown' | 'flame' | 'gaps';
const VIEWS: Array<{ id: View; label: string }> = [
  { id: 'breakdown', label: 'Breakdown' },
  { id: 'flame', label: 'Flame graph' },
  { id: 'gaps', label: 'Cross-service gaps' },
];
const GROUPS: GroupKind[] = ['service', 'operation', 'spanKind', 'attribute'];
const MEASURES: Measure[] = ['self', 'criticalPath', 'busyIdle'];
const NO_FILE_PERCENTILE: AsyncState<SpanPercentile> = {
  loading: false,
  error: new Error("Percentiles come from a datasource's span metrics; this trace is from a file."),
};

export default function TracePage() {
  const styles = useStyles2(getStyles);
  const traceId = (useParams().traceId ?? '').toLowerCase();
  const context = useQueryContext();
  const { params, update } = useUrlState();

  const loaded = usePageTrace(context, traceId);
  const fromFile = loaded.fromFile;
  const source = fromFile ? undefined : context.source;
  const analysis = loaded.value?.analysis;

  const services = useMemo(() => (analysis ? traceServices(analysis.trace) : []), [analysis]);
  const sections = useMemo(() => analysis && criticalSectionsBySpan(analysis), [analysis]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const rows = useMemo(() => analysis && visibleRows(analysis, collapsed), [analysis, collapsed]);
  const spanParam = params.get('span') ?? '';
  const selected = useMemo(() => (analysis && spanParam ? findSpan(analysis, spanParam) : -1), [analysis, spanParam]);
  const view = (VIEWS.find((v) => v.id === params.get('view'))?.id ?? 'breakdown') as View;
  // The tabs below the waterfall are computed after the waterfall has painted: on a 100k-span
  // trace their aggregates would otherwise delay the first paint.
  const [lowerFor, setLowerFor] = useState<TraceAnalysis>();
  useEffect(() => {
    const timer = setTimeout(() => setLowerFor(analysis), 0);
    return () => clearTimeout(timer);
  }, [analysis]);
  const lower = lowerFor === analysis ? analysis : undefined;
  const gaps = useMemo(() => (lower && view === 'gaps' ? crossServiceGaps(lower) : undefined), [lower, view]);

  const spanMetrics = useSpanMetrics(context);
  const metrics: AsyncState<SpanMetrics> = fromFile ? { loading: false } : spanMetrics;
  const p95 = useOperationP95(metrics.value, analysis);
  const spanPercentile = useSpanPercentile(metrics.value, analysis, selected);
  const percentile = fromFile ? NO_FILE_PERCENTILE : spanPercentile;

  const onSelect = useCallback(
    (i: number) => analysis && update({ span: spanIdOf(analysis.trace, i) }),
    [analysis, update]
  );
  const onToggle = useCallback(
    (i: number) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (!next.delete(i)) {
          next.add(i);
        }
        return next;
      }),
    []
  );
  const colorOf = useCallback(
    (i: number) => (analysis ? services.indexOf(serviceOf(analysis.trace, i)) : 0),
    [analysis, services]
  );
  const slowerThanP95 = (i: number) => {
    const p = p95.p95Of(i);
    return analysis && p !== undefined && spanDuration(analysis, i) > p ? p : undefined;
  };

  const group = (GROUPS.find((g) => g === params.get('group')) ?? 'service') as GroupKind;
  const measure = (MEASURES.find((m) => m === params.get('measure')) ?? 'self') as Measure;
  const flame = useMemo(() => (lower && view === 'flame' ? flameColumns([lower]) : undefined), [lower, view]);

  return (
    <PluginPage>
      <h2>Trace {traceId}</h2>
      {loaded.file && <FileProvenance file={loaded.file} />}
      <QueryContextBar context={context} show={fromFile ? [] : undefined}>
        {source && (
          <LinkButton
            variant="secondary"
            icon="compass"
            href={exploreTraceUrl(source, { traceId }, context.carry.from, context.carry.to, currentOrgId())}
          >
            Open in Explore
          </LinkButton>
        )}
        {analysis && <DownloadOtlpButton trace={analysis.trace} />}
      </QueryContextBar>
      {fromFile && !loaded.file && <FileGone />}
      {loaded.error && <DataErrorAlert title="Could not load the trace" error={loaded.error} />}
      {loaded.loading && <LoadingPlaceholder text={`Loading trace ${traceId}…`} />}
      {analysis && rows && sections && (
        <>
          <TraceSummary analysis={analysis} services={services} warnings={loaded.value?.warnings ?? []} />
          {metrics.error && <p className={styles.note}>Percentiles unavailable: {metrics.error.message}</p>}
          <div className={styles.main}>
            <Waterfall
              analysis={analysis}
              rows={rows}
              sections={sections}
              selected={selected}
              onSelect={onSelect}
              collapsed={collapsed}
              onToggle={onToggle}
              colorOf={colorOf}
              slowerThanP95={slowerThanP95}
            />
            <aside className={styles.details}>
              {selected >= 0 ? (
                <SpanDetails
                  span={spanInfo(analysis, selected)}
                  percentile={percentile}
                  p95={p95.p95Of(selected)}
                  metrics={metrics.value}
                  promUid={context.promUid}
                  range={context.carry}
                />
              ) : (
                <p className={styles.note}>
                  Select a span (click, or focus the waterfall and use the arrow keys) to see its details.
                </p>
              )}
            </aside>
          </div>
          <TabsBar className={styles.tabs}>
            {VIEWS.map((v) => (
              <Tab key={v.id} label={v.label} active={view === v.id} onChangeTab={() => update({ view: v.id })} />
            ))}
          </TabsBar>
          <div className={styles.tabContent}>
            {!lower && <LoadingPlaceholder text="Analysing…" />}
            {view === 'breakdown' && lower && (
              <TraceBreakdowns
                analysis={lower}
                services={services}
                group={group}
                attribute={params.get('groupAttr') ?? ''}
                measure={measure}
                onChange={(p) => update({ group: p.group, groupAttr: p.attribute, measure: p.measure })}
              />
            )}
            {view === 'flame' && flame && (
              <div className={styles.flame}>
                <BreakdownFlameGraph columns={flame} />
              </div>
            )}
            {view === 'gaps' && gaps && <GapsTable gaps={gaps} />}
          </div>
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
