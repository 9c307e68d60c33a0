import { PluginExtensionAddedLinkConfig, PluginExtensionPoints } from '@grafana/data';
import { prefixRoute, ROUTES } from '../constants';
import { pageUrl, traceUrl } from '../app/links';

/**
 * "Analyze in TraceLens": a link in Grafana's trace view header and in Explore's toolbar.
 * The contexts are structural mirrors of what Grafana passes (neither type is exported by
 * @grafana/data): the trace view passes the trace plus its datasource; Explore passes its queries.
 */
export interface TraceViewLinkContext {
  traceID?: string;
  /** Trace start in microseconds since the epoch, as Grafana's trace view model holds it. */
  startTime?: number;
  /** Trace duration in microseconds. */
  duration?: number;
  datasource?: { uid?: string; type?: string; name?: string };
}

interface ExploreQuery {
  refId?: string;
  query?: string;
  queryType?: string;
  datasource?: { uid?: string; type?: string } | null;
}

export interface ExploreLinkContext {
  targets?: ExploreQuery[];
  timeRange?: { from?: unknown; to?: unknown };
}

const TRACE_ID = /^[0-9a-f]{16,32}$/i;
/** Margin around a trace's own time span, so the trace-by-id lookup searches the right blocks. */
const TRACE_WINDOW_MARGIN_MS = 60 * 60 * 1000;

function fromTraceView(context: TraceViewLinkContext): string | undefined {
  if (!context.traceID || context.datasource?.type !== 'tempo') {
    return undefined;
  }
  const tempo = context.datasource.uid;
  if (context.startTime === undefined) {
    return traceUrl(context.traceID, { tempo });
  }
  const startMs = Math.floor(context.startTime / 1000);
  const endMs = Math.ceil((context.startTime + (context.duration ?? 0)) / 1000);
  return traceUrl(context.traceID, {
    tempo,
    from: String(startMs - TRACE_WINDOW_MARGIN_MS),
    to: String(endMs + TRACE_WINDOW_MARGIN_MS),
  });
}

function rangeValue(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (value && typeof (value as { valueOf(): unknown }).valueOf() === 'number') {
    return String((value as { valueOf(): number }).valueOf());
  }
  return undefined;
}

function fromExplore(context: ExploreLinkContext): string | undefined {
  const tempoQuery = context.targets?.find((q) => q.datasource?.type === 'tempo' && q.query?.trim());
  if (!tempoQuery?.query) {
    return undefined;
  }
  const query = tempoQuery.query.trim();
  const uid = tempoQuery.datasource?.uid;
  if (TRACE_ID.test(query)) {
    return traceUrl(query.toLowerCase(), { tempo: uid });
  }
  const from = rangeValue(context.timeRange?.from);
  const to = rangeValue(context.timeRange?.to);
  const range = from && to ? { from, to } : {};
  return pageUrl(ROUTES.Search, { q: query, tempo: uid, ...range });
}

/** Where the link leads for a given context, or undefined to hide it (nothing TraceLens can open). */
export function analyzeLinkPath(context: unknown): string | undefined {
  if (!context || typeof context !== 'object') {
    return undefined;
  }
  if ('traceID' in context) {
    return fromTraceView(context as TraceViewLinkContext);
  }
  if ('targets' in context) {
    return fromExplore(context as ExploreLinkContext);
  }
  return undefined;
}

export const analyzeInTraceLensLink: PluginExtensionAddedLinkConfig = {
  title: 'Analyze in TraceLens',
  description:
    'Open this trace or TraceQL query in TraceLens: critical path, self time per service and span percentiles from span metrics',
  targets: [PluginExtensionPoints.TraceViewHeaderActions, PluginExtensionPoints.ExploreToolbarAction],
  icon: 'search',
  path: prefixRoute(ROUTES.Search),
  configure: (context) => {
    const path = analyzeLinkPath(context);
    return path ? { path } : undefined;
  },
};
