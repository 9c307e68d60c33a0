import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { TraceAnalysis } from '../../engine';
import { breakdownView, flameColumns, OTHER_KEY, traceStacks, ViewOptions } from '../../components/breakdown';
import { BreakdownContent } from './BreakdownContent';
import { panelInput, PanelMessage } from './input';
import { groupHref, LinkContext, traceHref } from './links';
import { BreakdownOptions, groupByOf } from './options';
import { overlayByGroup } from './overlay';
import { PanelHeader } from './PanelHeader';
import { PanelMessageView } from './PanelMessageView';
import { SearchProgress } from './SearchProgress';
import { SearchState, useSearchAnalyses } from './useSearchAnalyses';

const GROUP_NAMES = { service: 'service', operation: 'operation', spanKind: 'span kind' } as const;

/** The trace page's URL parameters for the panel's grouping and measure. */
function tracePageView(options: BreakdownOptions): Record<string, string> {
  const view: Record<string, string> = { group: options.groupBy, measure: options.measure };
  if (options.groupBy === 'attribute') {
    view.groupAttr = options.attributeKey;
  }
  return view;
}

/** Below this size the panel drops its header and notes and shows only the rows. */
const TINY = { width: 260, height: 120 };

/** Messages and notes about fetched traces: all failed (message) or some failed / partial (notes). */
function fetchOutcome(state: SearchState): { message?: PanelMessage; notes: string[] } {
  if (state.status !== 'done') {
    return { notes: [] };
  }
  const { analyses, failures, partial } = state.result;
  const notes = partial.map((p) => `Trace ${p.traceId} is partial: ${p.message}`);
  if (analyses.length === 0) {
    const detail =
      failures.length > 0
        ? `${failures[0].traceId}: ${failures[0].message}${failures.length > 1 ? ` (and ${failures.length - 1} more)` : ''}`
        : '';
    return {
      message: { tone: 'error', title: `None of the ${failures.length} listed traces could be fetched`, detail },
      notes,
    };
  }
  if (failures.length > 0) {
    notes.push(
      `${failures.length} of ${failures.length + analyses.length} traces could not be fetched, e.g. ${failures[0].traceId}: ${failures[0].message}`
    );
  }
  return { notes };
}

/** Trace latency breakdown panel: trace frames or Tempo/Jaeger search results in, breakdown out. */
export function BreakdownPanel({
  data,
  options,
  width,
  height,
  timeRange,
  replaceVariables,
}: PanelProps<BreakdownOptions>) {
  const styles = useStyles2(getStyles);
  const input = useMemo(
    () => panelInput(data.series, options, data.request, replaceVariables),
    [data.series, data.request, options, replaceVariables]
  );
  const fromMs = timeRange.from.valueOf();
  const toMs = timeRange.to.valueOf();
  const search = useSearchAnalyses(
    input.kind === 'search'
      ? { source: input.source, hits: input.hits, start: Math.floor(fromMs / 1000), end: Math.ceil(toMs / 1000) }
      : undefined
  );
  const outcome = fetchOutcome(search);
  const analyses: TraceAnalysis[] | undefined =
    input.kind === 'traces' ? input.analyses : search.status === 'done' ? search.result.analyses : undefined;

  const shown = useMemo(() => {
    if (!analyses?.length || input.kind === 'message') {
      return undefined;
    }
    const viewOptions: ViewOptions = {
      groupBy: groupByOf(options),
      measure: options.measure,
      topN: Math.max(0, Math.floor(options.topN) || 0),
      sort: options.sort,
    };
    const ctx: LinkContext = { source: input.source, fromMs, toMs };
    const overlay = options.showOverlay
      ? overlayByGroup(input.metrics, viewOptions.groupBy, options.overlayUnit)
      : new Map<string, number>();
    const base = breakdownView(analyses, viewOptions);
    const breakdown = {
      ...base,
      overlayLabel: overlay.size > 0 ? options.overlayLabel : undefined,
      rows: base.rows.map((r) => ({
        ...r,
        overlay: overlay.get(r.key),
        href: r.key === OTHER_KEY ? undefined : groupHref(viewOptions.groupBy, r.parts, ctx),
      })),
    };
    const stacks =
      options.view === 'stacked'
        ? traceStacks(analyses, viewOptions, breakdown).map((s) => ({
            ...s,
            href: traceHref(s.traceId, ctx, tracePageView(options)),
          }))
        : undefined;
    const flame = options.view === 'flame' ? flameColumns(analyses) : undefined;
    return { breakdown, stacks, flame };
  }, [analyses, input, options, fromMs, toMs]);

  const tiny = width < TINY.width || height < TINY.height;
  let body: React.ReactNode;
  if (input.kind === 'message') {
    body = <PanelMessageView message={input.message} />;
  } else if (outcome.message) {
    body = <PanelMessageView message={outcome.message} />;
  } else if (search.status === 'loading') {
    body = <SearchProgress done={search.done} total={search.total} />;
  } else if (shown) {
    const b = shown.breakdown;
    const group = options.groupBy === 'attribute' ? options.attributeKey : GROUP_NAMES[options.groupBy];
    const traces = b.traceCount === 1 ? '1 trace' : `${b.traceCount} traces`;
    const overlay = b.overlayLabel ? ` · ticks: ${b.overlayLabel}` : '';
    body = (
      <>
        {!tiny && (
          <PanelHeader
            summary={`${b.measureLabel} by ${group} · ${traces} · ${b.denominatorNote}${overlay}`}
            warnings={[...(input.kind === 'search' ? input.notes : []), ...outcome.notes]}
            notes={b.notes}
          />
        )}
        <div className={styles.content}>
          <BreakdownContent view={options.view} {...shown} unit={options.unit} width={width} />
        </div>
      </>
    );
  }
  return (
    <div className={styles.panel} style={{ width, height }} data-testid="breakdown-panel">
      {body}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), overflow: 'hidden' }),
  content: css({ flex: 1, minHeight: 0, overflow: 'auto' }),
});
