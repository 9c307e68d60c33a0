import { PluginExtensionAddedLinkConfig, PluginExtensionPoints } from '@grafana/data';
import { t } from '@grafana/i18n';
import { prefixRoute, ROUTES } from '../constants';
import { pageUrl, traceUrl } from '../app/links';
import { canonicalTraceId } from '../sources/trace-id';
import { JaegerExploreSearch, jaegerSearchParams } from './jaegerSearch';

/**
 * "Analyze in TraceLens": a link in Grafana's trace view header and in Explore's toolbar, for a
 * Tempo or a Jaeger datasource; the link carries the datasource uid as `ds` (the pages also still
 * read the older `tempo`). The contexts are structural mirrors of what Grafana passes (neither type
 * is exported by @grafana/data): the trace view passes the trace plus its datasource; Explore
 * passes its queries.
 */
export interface TraceViewLinkContext {
  traceID?: string;
  /** Trace start in microseconds since the epoch, as Grafana's trace view model holds it. */
  startTime?: number;
  /** Trace duration in microseconds. */
  duration?: number;
  datasource?: { uid?: string; type?: string; name?: string };
}

interface ExploreQuery extends JaegerExploreSearch {
  refId?: string;
  /** Tempo: TraceQL or a trace id; Jaeger: the trace id when `queryType` is unset */
  query?: string;
  datasource?: { uid?: string; type?: string } | null;
}

export interface ExploreLinkContext {
  targets?: ExploreQuery[];
  timeRange?: { from?: unknown; to?: unknown };
}

/** Datasource types whose traces TraceLens reads. */
const TRACE_DATASOURCES = new Set(['tempo', 'jaeger']);
const TRACE_ID = /^[0-9a-f]{16,32}$/i;
/** Jaeger ids may lose their leading zeros (v1 JSON writes `%x%016x`); the link pads them back to 32. */
const JAEGER_TRACE_ID = /^[0-9a-f]{1,32}$/i;
/** Margin around a trace's own time span, so the trace-by-id lookup searches the right blocks. */
const TRACE_WINDOW_MARGIN_MS = 60 * 60 * 1000;

function fromTraceView(context: TraceViewLinkContext): string | undefined {
  if (!context.traceID || !TRACE_DATASOURCES.has(context.datasource?.type ?? '')) {
    return undefined;
  }
  const ds = context.datasource?.uid;
  if (context.startTime === undefined) {
    return traceUrl(context.traceID, { ds });
  }
  const startMs = Math.floor(context.startTime / 1000);
  const endMs = Math.ceil((context.startTime + (context.duration ?? 0)) / 1000);
  return traceUrl(context.traceID, {
    ds,
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

type Range = { from?: string; to?: string };

/** A Tempo query: a trace id opens the trace page, anything else is TraceQL for the search page. */
function fromTempoQuery(q: ExploreQuery, ds: string | undefined, range: Range): string | undefined {
  const query = q.query?.trim();
  if (!query) {
    return undefined;
  }
  return TRACE_ID.test(query)
    ? traceUrl(query.toLowerCase(), { ds })
    : pageUrl(ROUTES.Search, { q: query, ds, ...range });
}

/** A Jaeger query: trace-id mode (no `queryType`) opens the trace page, a search the search page. */
function fromJaegerQuery(q: ExploreQuery, ds: string | undefined, range: Range): string | undefined {
  const query = q.query?.trim() ?? '';
  if (!q.queryType) {
    return JAEGER_TRACE_ID.test(query) ? traceUrl(canonicalTraceId(query), { ds }) : undefined;
  }
  const search = jaegerSearchParams(q);
  return search && pageUrl(ROUTES.Search, { ...search, ds, ...range });
}

/** The first Tempo or Jaeger query of Explore that TraceLens can open. */
function fromExplore(context: ExploreLinkContext): string | undefined {
  const from = rangeValue(context.timeRange?.from);
  const to = rangeValue(context.timeRange?.to);
  const range = from && to ? { from, to } : {};
  for (const q of context.targets ?? []) {
    const ds = q.datasource?.uid;
    const type = q.datasource?.type;
    const path =
      type === 'tempo' ? fromTempoQuery(q, ds, range) : type === 'jaeger' ? fromJaegerQuery(q, ds, range) : undefined;
    if (path) {
      return path;
    }
  }
  return undefined;
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

const LINK_TITLE = 'Analyze in TraceLens';
const LINK_DESCRIPTION =
  'Open this trace or trace search in TraceLens: critical path, self time per service and span percentiles from span metrics';

/**
 * The link as plugin.json declares it (title and description in English, as Grafana registers it);
 * `configure`, called each time Grafana shows the link, gives its path and its words in the user's language.
 */
export const analyzeInTraceLensLink: PluginExtensionAddedLinkConfig = {
  title: LINK_TITLE,
  description: LINK_DESCRIPTION,
  targets: [PluginExtensionPoints.TraceViewHeaderActions, PluginExtensionPoints.ExploreToolbarAction],
  icon: 'search',
  path: prefixRoute(ROUTES.Search),
  configure: (context) => {
    const path = analyzeLinkPath(context);
    return path
      ? {
          path,
          title: t('extensions.analyze.title', LINK_TITLE),
          description: t('extensions.analyze.description', LINK_DESCRIPTION),
        }
      : undefined;
  },
};
