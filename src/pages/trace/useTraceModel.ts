/**
 * The trace page's model: turns the URL (trace id, `span`, `view`, breakdown choice, `path` mode),
 * the query context and the loaded trace into what the page renders — the analysis seen in the
 * chosen critical-path mode (so the waterfall, summary, breakdowns and flame graph all use that
 * path) and its services, the
 * waterfall's rows, critical sections, selection and collapsed spans, the selected span's details
 * and percentiles, and the tab below the waterfall (computed after the waterfall has painted).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  crossServiceGaps,
  GroupKind,
  serviceOf,
  spanDuration,
  spanIdOf,
  PathMode,
  TraceAnalysis,
  traceServices,
  withPathMode,
} from '../../engine';
import { flameColumns, Measure } from '../../components/breakdown';
import { useQueryContext } from '../../app/queryContext';
import { useUrlState } from '../../app/urlState';
import { traceUrl } from '../../app/links';
import { pathModePatch } from '../../app/pathModeParam';
import { AsyncState } from '../../app/useAsync';
import type { SpanMetrics } from '../../data';
import { useSpanMetrics } from '../../app/useSpanMetrics';
import { usePageTrace } from './usePageTrace';
import { SpanPercentile, useOperationP95, useSpanPercentile } from './usePercentiles';
import { criticalSectionsBySpan, findSpan, visibleRows } from './waterfallModel';
import { spanInfo } from './spanInfo';
import { readTraceUrl, TraceView } from './traceUrl';

const NO_FILE_PERCENTILE: AsyncState<SpanPercentile> = {
  loading: false,
  error: new Error("Percentiles come from a datasource's span metrics; this trace is from a file."),
};

export function useTraceModel() {
  const traceId = (useParams().traceId ?? '').toLowerCase();
  const context = useQueryContext();
  const { params, update } = useUrlState();
  const url = readTraceUrl(params);

  const loaded = usePageTrace(context, traceId);
  const fromFile = loaded.fromFile;
  const loadedAnalysis = loaded.value?.analysis;
  // withPathMode gives the same view object for the same analysis and mode
  const analysis = loadedAnalysis && withPathMode(loadedAnalysis, url.pathMode);

  const services = useMemo(() => (analysis ? traceServices(analysis.trace) : []), [analysis]);
  const sections = useMemo(() => analysis && criticalSectionsBySpan(analysis), [analysis]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const rows = useMemo(() => analysis && visibleRows(analysis, collapsed), [analysis, collapsed]);
  const selected = useMemo(
    () => (analysis && url.spanId ? findSpan(analysis, url.spanId) : -1),
    [analysis, url.spanId]
  );
  // The tabs below the waterfall are computed after the waterfall has painted: on a 100k-span
  // trace their aggregates would otherwise delay the first paint.
  const [lowerFor, setLowerFor] = useState<TraceAnalysis>();
  useEffect(() => {
    const timer = setTimeout(() => setLowerFor(analysis), 0);
    return () => clearTimeout(timer);
  }, [analysis]);
  const lower = lowerFor === analysis ? analysis : undefined;
  const gaps = useMemo(() => (lower && url.view === 'gaps' ? crossServiceGaps(lower) : undefined), [lower, url.view]);
  const flame = useMemo(() => (lower && url.view === 'flame' ? flameColumns([lower]) : undefined), [lower, url.view]);

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

  return {
    traceId,
    context,
    loaded,
    fromFile,
    /** the trace source, when the trace is not from a file */
    source: fromFile ? undefined : context.source,
    analysis,
    services,
    waterfall:
      rows && sections
        ? { rows, sections, selected, onSelect, collapsed, onToggle, colorOf, slowerThanP95 }
        : undefined,
    /** the selected span's details and its operation's p95, or undefined when none is selected */
    details: analysis && selected >= 0 ? { span: spanInfo(analysis, selected), p95: p95.p95Of(selected) } : undefined,
    percentile,
    metrics,
    pathMode: url.pathMode,
    setPathMode: (mode: PathMode) => update(pathModePatch(mode)),
    /** another trace's page, with this page's context; undefined for a trace from a file */
    traceHref: fromFile ? undefined : (id: string) => traceUrl(id, context.carry),
    view: url.view,
    setView: (view: TraceView) => update({ view }),
    /** the analysis for the tabs, once the waterfall has painted */
    lower,
    breakdown: { group: url.group, attribute: url.attribute, measure: url.measure },
    setBreakdown: (p: { group?: GroupKind; attribute?: string; measure?: Measure }) =>
      update({ group: p.group, groupAttr: p.attribute, measure: p.measure }),
    gaps,
    flame,
  };
}
