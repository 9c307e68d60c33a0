/**
 * The trace page's model: turns the URL (trace id, `span`, `view`, breakdown choice, `path` mode),
 * the query context and the loaded trace into what the page renders — the analysis seen in the
 * chosen critical-path mode (so the waterfall, summary, breakdowns and flame graph all use that
 * path) and its services, the waterfall's rows, critical sections, selection and collapsed spans,
 * the selected span's details and percentiles, and the tab below the waterfall (computed after the
 * waterfall has painted).
 * A huge trace opens on its summary (summaryView.ts): the waterfall's rows are then pruned
 * (engine/prune.ts: folded subtrees, expanded on demand), with the self-time hotspots and an
 * in-trace search — the folds, critical sections, hotspots and breakdown by service as the
 * analysis worker computed them beside a streamed trace, when the page shows that analysis as it
 * came; `reveal` opens a span's folded and collapsed ancestors and selects it. With `stitch` in
 * the URL, everything is computed from the trace stitched with its related traces (useStitch.ts),
 * whose first spans are the trace's own, in the same order.
 */
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  criticalSectionsBySpan,
  crossServiceGaps,
  foldedAncestors,
  GroupKind,
  serviceOf,
  spanDuration,
  spanIdOf,
  PathMode,
  prunedRows,
  pruneTrace,
  selfTimeHotspots,
  traceServices,
  withPathMode,
} from '../../engine';
import { flameColumns, Measure } from '../../components/breakdown';
import { useQueryContext } from '../../app/queryContext';
import { useUrlState } from '../../app/urlState';
import { traceUrl } from '../../app/links';
import { pathModePatch } from '../../app/pathModeParam';
import { AsyncState } from '../../app/useAsync';
import type { StitchRequest } from '../../loading/stitch-related';
import type { SpanMetrics } from '../../data';
import { useSpanMetrics } from '../../app/useSpanMetrics';
import { useNextTask } from '../../app/useNextTask';
import { usePageTrace } from './usePageTrace';
import { SpanPercentile, useOperationP95, useSpanPercentile } from './usePercentiles';
import { findSpan, visibleRows, withoutAncestors } from './waterfallModel';
import { spanInfo } from './spanInfo';
import { allSpansPatch, readTraceUrl, stitchPatch, TraceView } from './traceUrl';
import { HOTSPOT_COUNT } from '../../loading';
import { opensOnSummary } from './summaryView';
import { useTraceSearch } from './useTraceSearch';
import { useStitch } from './useStitch';

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
  const stitch = useStitch(fromFile ? undefined : context.source, loaded.value?.analysis, url.stitch);
  const stitched = stitch.outcome?.stitched.analysis;
  const loadedAnalysis = stitched ?? loaded.value?.analysis;
  const ownTraceOf = (i: number) => {
    const s = stitch.outcome?.stitched;
    return s && s.traceIds[s.spanTrace[i]];
  };
  // withPathMode gives the same view object for the same analysis and mode
  const analysis = loadedAnalysis && withPathMode(loadedAnalysis, url.pathMode);

  // what the worker computed for a huge trace, when the page shows that analysis as it came
  const parts = analysis !== undefined && analysis === loaded.value?.analysis ? loaded.value.summary : undefined;

  const services = useMemo(() => (analysis ? traceServices(analysis.trace) : []), [analysis]);
  const sections = useMemo(() => analysis && (parts?.sections ?? criticalSectionsBySpan(analysis)), [analysis, parts]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const pruning = useMemo(
    () =>
      analysis && opensOnSummary(analysis.trace.spanCount, url.allSpans)
        ? (parts?.pruning ?? pruneTrace(analysis))
        : undefined,
    [analysis, url.allSpans, parts]
  );
  const hotspots = useMemo(
    () => (analysis && pruning ? (parts?.hotspots ?? selfTimeHotspots(analysis, HOTSPOT_COUNT)) : undefined),
    [analysis, pruning, parts]
  );
  // roots of folded subtrees the user expanded (summary only)
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  // A loaded trace's waterfall first renders a frame after the summary above it: in one frame, the
  // two took 51-110 ms of style and layout in 2 of 3 bench loads of a 1M-span trace (2026-12-01).
  // Keyed on the load, so a change of path mode or stitching re-renders the waterfall in place.
  const waterfallShown = useNextTask(loaded.value) !== undefined;
  const shown = useMemo(() => {
    if (!analysis || !waterfallShown) {
      return undefined;
    }
    if (!pruning) {
      return { rows: visibleRows(analysis, collapsed), folded: undefined };
    }
    const pruned = prunedRows(analysis, pruning, expanded, collapsed);
    return { rows: pruned.span, folded: { groups: pruned.group, pruning } };
  }, [analysis, waterfallShown, pruning, expanded, collapsed]);
  const selected = useMemo(
    () => (analysis && url.spanId ? findSpan(analysis, url.spanId) : -1),
    [analysis, url.spanId]
  );
  // The tabs below the waterfall are computed after the waterfall has painted, and the LLM and
  // agent views one frame and task later still: on a 1M-span trace each takes ~100 ms, and together with
  // the waterfall in one task they would hold the page up for all of it.
  const lower = useNextTask(waterfallShown ? analysis : undefined);
  const genAi = useNextTask(lower);
  const gaps = useMemo(() => (lower && url.view === 'gaps' ? crossServiceGaps(lower) : undefined), [lower, url.view]);
  const flame = useMemo(() => (lower && url.view === 'flame' ? flameColumns([lower]) : undefined), [lower, url.view]);

  const spanMetrics = useSpanMetrics(context);
  const metrics: AsyncState<SpanMetrics> = fromFile ? { loading: false } : spanMetrics;
  const p95 = useOperationP95(metrics.value, analysis, services);
  const spanPercentile = useSpanPercentile(metrics.value, analysis, selected);
  const percentile = fromFile ? NO_FILE_PERCENTILE : spanPercentile;

  const onSelect = useCallback(
    (i: number) => analysis && update({ span: spanIdOf(analysis.trace, i) }),
    [analysis, update]
  );
  // a folded subtree's root expands and folds back; any other span collapses and opens
  const onToggle = useCallback(
    (i: number) => {
      if (pruning?.collapsible[i] === 1) {
        setExpanded((e) => toggled(e, i));
      } else {
        setCollapsed((c) => toggled(c, i));
      }
    },
    [pruning]
  );
  const reveal = useCallback(
    (i: number) => {
      if (!analysis) {
        return;
      }
      if (pruning) {
        const above = foldedAncestors(analysis, pruning, i);
        setExpanded((e) => (above.every((p) => e.has(p)) ? e : new Set([...e, ...above])));
      }
      setCollapsed((c) => withoutAncestors(analysis, c, i));
      onSelect(i);
    },
    [analysis, pruning, onSelect]
  );
  const search = useTraceSearch(analysis, reveal);
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
    /** the stitched trace's repairs, or the loaded trace's notes (a partial trace, then its repairs) */
    warnings: stitched ? stitched.warnings : (loaded.value?.warnings ?? []),
    /** the stitching of related traces (useStitch.ts) and the way to ask for it or leave it */
    stitch: { state: stitch, onChange: (r: StitchRequest | undefined) => update(stitchPatch(r)) },
    services,
    waterfall:
      shown && sections
        ? { ...shown, sections, selected, onSelect, collapsed, onToggle, colorOf, slowerThanP95 }
        : undefined,
    /** on a huge trace's summary: the pruning's self-time bound, the hotspots and the in-trace search */
    summary: pruning && hotspots ? { threshold: pruning.threshold, hotspots, search } : undefined,
    /** whether the trace is big enough for a summary (shown or left with `spans=all`) */
    huge: analysis !== undefined && opensOnSummary(analysis.trace.spanCount, false),
    setAllSpans: (all: boolean) => update(allSpansPatch(all)),
    reveal,
    /** the selected span's details and its operation's p95, or undefined when none is selected */
    details:
      analysis && selected >= 0
        ? { span: spanInfo(analysis, selected, ownTraceOf(selected)), p95: p95.p95Of(selected) }
        : undefined,
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
    /** the analysis for the LLM and agent views, a task after the tabs */
    genAi,
    breakdown: {
      group: url.group,
      attribute: url.attribute,
      measure: url.measure,
      serviceBreakdown: parts?.serviceBreakdown,
    },
    setBreakdown: (p: { group?: GroupKind; attribute?: string; measure?: Measure }) =>
      update({ group: p.group, groupAttr: p.attribute, measure: p.measure }),
    gaps,
    flame,
  };
}

/** `set` with `i` added, or removed when it was in it. */
function toggled(set: ReadonlySet<number>, i: number): ReadonlySet<number> {
  const next = new Set(set);
  if (!next.delete(i)) {
    next.add(i);
  }
  return next;
}
