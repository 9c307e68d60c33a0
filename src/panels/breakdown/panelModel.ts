/**
 * The breakdown panel's view model, pure: from what the panel received (input.ts), the state of the
 * traces it fetches (useSearchAnalyses.ts) and its options, what it shows — a message, the fetch
 * progress, or the breakdown with its header (what is measured, what it was computed from — the
 * coverage line, app/coverage.ts — and notes) and the chosen view's data (rows for bars and
 * table, per-trace stacks, or flame graph columns), its rows and stacks linked to the app's pages;
 * or, from the TraceLens connector's metrics, the all-traffic breakdown as bars (allTraffic.ts).
 * The breakdown costs what breakdownView costs (linear in the analyses' spans); the rest is linear
 * in the rows and traces.
 */
import type { RawTimeRange } from '@grafana/data';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../../components/i18n';
import { noteText } from '../../components/errorText';
import { coverage, Coverage, raisedSample } from '../../app/coverage';
import { TraceAnalysis, withPathMode } from '../../engine';
import { PATH_MODE_PARAM } from '../../app/pathModeParam';
import type { TraceResult } from '../../loading';
import { breakdownView, flameColumns, OTHER_KEY, traceStacks, ViewOptions } from '../../components/breakdown';
import type { BreakdownContentProps } from './BreakdownContent';
import { allTrafficView } from './allTraffic';
import type { PanelInput, PanelMessage } from './input';
import { groupHref, LinkContext, traceHref } from './links';
import { BreakdownOptions, groupByOf, MAX_TRACES_PER_PANEL, overlayName, ViewOption } from './options';
import { overlayByGroup } from './overlay';
import type { SearchState } from './useSearchAnalyses';

/** what the chosen view draws */
export type PanelContent = Pick<BreakdownContentProps, 'breakdown' | 'stacks' | 'flame'>;

/** The input of a breakdown of traces: trace frames, or search results to fetch. */
export type TracesInput = Extract<PanelInput, { kind: 'traces' | 'search' }>;

export type PanelBody =
  | { kind: 'message'; message: PanelMessage }
  | { kind: 'progress'; coverage: Coverage; done: number; total: number }
  | {
      kind: 'breakdown';
      content: PanelContent;
      /** the view drawn: the option's, but bars for all traffic (the other views need traces) */
      view: ViewOption;
      /** e.g. "Self time by service · 10 traces · share of …" */
      summary: string;
      /** what the breakdown was computed from: the traces (undefined for all traffic) */
      coverage?: Coverage;
      /** a larger "Max traces fetched" that would use more of the listed traces */
      raiseTo?: number;
      /** how to read the numbers */
      notes: string[];
    }
  /** nothing to show yet */
  | { kind: 'none' };

/** Below this size the panel drops its header and notes and shows only the rows. */
const TINY = { width: 260, height: 120 };

export const isTiny = (width: number, height: number) => width < TINY.width || height < TINY.height;

/** The trace page's URL parameters for the panel's grouping and measure. */
export function tracePageView(options: BreakdownOptions): Record<string, string> {
  const view: Record<string, string> = { group: options.groupBy, measure: options.measure };
  if (options.pathMode === 'sync') {
    view[PATH_MODE_PARAM] = 'sync';
  }
  if (options.groupBy === 'attribute') {
    view.groupAttr = options.attributeKey;
  }
  return view;
}

/**
 * What the breakdown is computed from (app/coverage.ts): the listed traces, how many were fetched
 * (the newest or slowest `maxTraces`), what came back; for trace frames, the traces given.
 */
export function panelCoverage(
  input: TracesInput,
  search: SearchState,
  options: BreakdownOptions,
  range: RawTimeRange
): Coverage {
  if (input.kind === 'traces') {
    // a trace frame carries no partial-trace note: only the engine's repairs, which coverage does not count
    const results = new Map<string, TraceResult>(
      input.analyses.map((a, i) => [String(i), { analysis: a, warnings: [] }])
    );
    return coverage({ listed: results.size, pick: 'all', requested: results.size, results, given: true, range });
  }
  return coverage({
    listed: input.listed,
    search: input.search,
    pick: input.hits.length < input.listed ? options.sample : 'all',
    requested: input.hits.length,
    results: search.status === 'idle' ? new Map() : search.results,
    cancelled: search.status === 'done' && search.cancelled,
    range,
  });
}

/** When no trace could be used once the fetch ended: every one failed, or the fetch was cancelled first. */
export function fetchMessage(search: SearchState, covered: Coverage): PanelMessage | undefined {
  if (search.status !== 'done' || covered.used > 0) {
    return undefined;
  }
  if (search.cancelled) {
    return {
      tone: 'info',
      title: t('panel.message.cancelled.title', 'Fetching cancelled'),
      detail: t(
        'panel.message.cancelled.detail',
        'No trace came in before the fetch was cancelled: refresh the panel to fetch again.'
      ),
    };
  }
  const failures = [...covered.failed, ...covered.tooLarge];
  const first = failures[0] && { traceId: failures[0].traceId, message: noteText(failures[0]) };
  const detail = !first
    ? ''
    : failures.length === 1
      ? t('panel.message.failed.detail-one', '{{traceId}}: {{message}}', { ...first, ...AS_TEXT })
      : t('panel.message.failed.detail-more', '', {
          ...first,
          count: failures.length - 1,
          defaultValue_one: '{{traceId}}: {{message}} (and {{count}} more)',
          defaultValue_other: '{{traceId}}: {{message}} (and {{count}} more)',
          ...AS_TEXT,
        });
  const title = t('panel.message.failed.title', '', {
    count: failures.length,
    defaultValue_one: 'The {{count}} listed trace could not be fetched',
    defaultValue_other: 'None of the {{count}} listed traces could be fetched',
  });
  return { tone: 'error', title, detail };
}

/** The analyses to break down: the trace frames', or the fetched traces' once all are in (or cancelled). */
export function panelAnalyses(input: PanelInput, search: SearchState): TraceAnalysis[] | undefined {
  if (input.kind === 'traces') {
    return input.analyses;
  }
  return search.status === 'done' ? search.analyses : undefined;
}

/**
 * The chosen view's data for `analyses`: the breakdown (with the overlay's ticks and each row's
 * link to the search page), and only for their views the per-trace stacks (linked to the trace
 * page) or the flame graph columns.
 */
export function panelContent(
  analyses: TraceAnalysis[],
  input: TracesInput,
  options: BreakdownOptions,
  range: { fromMs: number; toMs: number }
): PanelContent {
  const viewOptions: ViewOptions = {
    groupBy: groupByOf(options),
    measure: options.measure,
    topN: Math.max(0, Math.floor(options.topN) || 0),
    sort: options.sort,
  };
  const ctx: LinkContext = { source: input.source, ...range };
  const overlay = options.showOverlay
    ? overlayByGroup(input.metrics, viewOptions.groupBy, options.overlayUnit)
    : new Map<string, number>();
  // each trace with the critical path of the panel's mode (an older saved panel has none: async)
  const mode = options.pathMode ?? 'async';
  const paths = analyses.map((a) => withPathMode(a, mode));
  const base = breakdownView(paths, viewOptions);
  const breakdown = {
    ...base,
    overlayLabel: overlay.size > 0 ? overlayName(options) : undefined,
    rows: base.rows.map((r) => ({
      ...r,
      overlay: overlay.get(r.key),
      href: r.key === OTHER_KEY ? undefined : groupHref(viewOptions.groupBy, r.parts, ctx),
    })),
  };
  const stacks =
    options.view === 'stacked'
      ? traceStacks(paths, viewOptions, breakdown).map((s) => ({
          ...s,
          href: traceHref(s.traceId, ctx, tracePageView(options)),
        }))
      : undefined;
  const flame = options.view === 'flame' ? flameColumns(paths) : undefined;
  return { breakdown, stacks, flame };
}

/** The grouping's name in text: "service", "span kind", "model", or the attribute key. */
function groupName(options: BreakdownOptions): string {
  switch (options.groupBy) {
    case 'service':
      return t('panel.group.service', 'service');
    case 'operation':
      return t('panel.group.operation', 'operation');
    case 'spanKind':
      return t('panel.group.span-kind', 'span kind');
    case 'model':
      return t('panel.group.model', 'model');
    case 'attribute':
      return options.attributeKey;
  }
}

/** The header's first line: measure by group · traces · what the shares are of · overlay ticks. */
export function panelSummary(content: PanelContent, options: BreakdownOptions): string {
  const b = content.breakdown;
  const values = {
    measure: b.measureLabel,
    group: groupName(options),
    note: b.denominatorNote,
    ...AS_TEXT,
  };
  const summary = t('panel.summary.traces', '', {
    ...values,
    count: b.traceCount,
    defaultValue_one: '{{measure}} by {{group}} · {{count}} trace · {{note}}',
    defaultValue_other: '{{measure}} by {{group}} · {{count}} traces · {{note}}',
  });
  return b.overlayLabel
    ? t('panel.summary.ticks', '{{summary}} · ticks: {{overlay}}', { summary, overlay: b.overlayLabel, ...AS_TEXT })
    : summary;
}

/** The connector's all-traffic breakdown as bars, or why there is none for this grouping. */
export function allTrafficBody(
  input: Extract<PanelInput, { kind: 'allTraffic' }>,
  options: BreakdownOptions
): PanelBody {
  const breakdown = allTrafficView(input.metrics, input.measure, {
    groupBy: groupByOf(options),
    topN: Math.max(0, Math.floor(options.topN) || 0),
    sort: options.sort,
  });
  if (breakdown.rows.length === 0) {
    return {
      kind: 'message',
      message: {
        tone: 'info',
        title: t('panel.message.no-group.title', "No {{group}} in the TraceLens connector's series", {
          group: groupName(options),
          ...AS_TEXT,
        }),
        detail: t(
          'panel.message.no-group.detail',
          "The query's series carry no {{group}} label: group the query by it (e.g. sum by (service_name, span_name)), or group the panel by service.",
          { group: groupName(options), ...AS_TEXT }
        ),
      },
    };
  }
  return {
    kind: 'breakdown',
    content: { breakdown },
    view: 'bars',
    summary: t('panel.summary.all-traffic', '{{measure}} by {{group}} · all traffic · {{note}}', {
      measure: breakdown.measureLabel,
      group: groupName(options),
      note: breakdown.denominatorNote,
      ...AS_TEXT,
    }),
    notes: breakdown.notes,
  };
}

/**
 * What the panel shows, first match wins: the input's message, the connector's all-traffic
 * breakdown, the fetch's message, its progress, the breakdown with its coverage (and, for search
 * results, the larger sample the panel could fetch).
 */
export function panelBody(
  input: PanelInput,
  search: SearchState,
  content: PanelContent | undefined,
  options: BreakdownOptions,
  range: RawTimeRange
): PanelBody {
  if (input.kind === 'message') {
    return { kind: 'message', message: input.message };
  }
  if (input.kind === 'allTraffic') {
    return allTrafficBody(input, options);
  }
  const covered = panelCoverage(input, search, options, range);
  const message = fetchMessage(search, covered);
  if (message) {
    return { kind: 'message', message };
  }
  if (search.status === 'loading') {
    return { kind: 'progress', coverage: covered, done: search.results.size, total: search.total };
  }
  if (!content) {
    return { kind: 'none' };
  }
  return {
    kind: 'breakdown',
    content,
    view: options.view,
    summary: panelSummary(content, options),
    coverage: covered,
    raiseTo: input.kind === 'search' ? raisedSample(input.hits.length, input.listed, MAX_TRACES_PER_PANEL) : undefined,
    notes: content.breakdown.notes,
  };
}
