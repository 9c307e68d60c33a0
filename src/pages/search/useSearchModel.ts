/**
 * The search page's model hook: reads what the URL asks for (searchUrl.ts) against the page's
 * source, holds the form (builder or raw TraceQL, limit, the builder's error), runs the search,
 * loads and analyses the listed traces a few at a time through the loading service (cancellable;
 * the rows' cells fill in as traces arrive, a re-render at most every 250 ms),
 * says what the rows' analyses cover (app/coverage.ts), and derives the rows, their cells, order and
 * links — everything `SearchPage` renders, plus the URL updates its actions make ("Load 20 more"
 * raises the search's limit).
 */
import { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { ROUTES } from '../../constants';
import { coverage } from '../../app/coverage';
import { useQueryContext } from '../../app/queryContext';
import { useUrlState } from '../../app/urlState';
import { useAsync } from '../../app/useAsync';
import { useManyTraces } from '../../app/useManyTraces';
import { exploreTraceUrl, pageUrl, traceUrl } from '../../app/links';
import { currentOrgId } from '../../app/currentOrgId';
import { BuilderState, builderToTraceql } from '../../app/searchQuery';
import { compareParams, hitServices, needsService, ResultCells, rowFromHit, SortKey } from './searchModel';
import { morePatch, PAGE_SIZE, readSearchUrl, runPatch, SearchMode, sortPatch } from './searchUrl';

export function useSearchModel() {
  const context = useQueryContext();
  const source = context.source;
  const traceql = source?.capabilities.traceql ?? false;
  const { params, update } = useUrlState();
  const url = useMemo(() => readSearchUrl(params, traceql), [params, traceql]);
  const { page, limit } = url;

  const [builder, setBuilder] = useState<BuilderState>(url.builder);
  const [raw, setRaw] = useState(url.raw);
  const [formError, setFormError] = useState<string>();
  const [formLimit, setFormLimit] = useState(String(limit));
  // each run searches again, even for the query already shown
  const [runCount, setRunCount] = useState(0);

  const query = page.query;
  const searchKey =
    source && query
      ? JSON.stringify([source.uid, query, limit, context.carry.from, context.carry.to, runCount])
      : undefined;
  const search = useAsync(searchKey, (signal) =>
    source!.search(query!, { limit, ...context.resolveSeconds() }, { signal })
  );
  const hits = useMemo(() => search.value ?? [], [search.value]);
  const rows = useMemo(() => hits.map(rowFromHit), [hits]);
  const services = useMemo(() => hitServices(hits), [hits]);
  const traceIds = useMemo(() => rows.map((r) => r.traceId), [rows]);
  const analyses = useManyTraces(source, traceIds, context.seconds);
  // a new fetch or other services start over; `version` changes whenever the results did
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const cells = useMemo(() => new ResultCells(services), [services, analyses.results]);
  const breakdowns = useMemo(
    () => cells.update(analyses.results, analyses.arrived),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cells, analyses.version]
  );
  const hasMore = rows.length >= limit;

  const blocked = needsService(source?.kind, page.mode, builder);
  const compare = compareParams(page, url.builder, traceql);

  return {
    context,
    source,
    traceql,
    mode: page.mode,
    switchMode: (next: SearchMode) => {
      if (next === 'raw') {
        setRaw(builderToTraceql(builder));
      }
      update({ mode: next });
    },
    form: { builder, setBuilder, raw, setRaw, limit: formLimit, setLimit: setFormLimit, setError: setFormError },
    /** the TraceQL the builder stands for, where the source takes TraceQL */
    preview: traceql ? builderToTraceql(builder) : undefined,
    run: () => {
      update(runPatch({ mode: page.mode, builder, raw, limit: formLimit }, traceql), { push: true });
      setRunCount((n) => n + 1);
    },
    canRun: !formError && !blocked,
    /** Jaeger's builder has no service yet */
    needsService: blocked,
    /** the search the URL asks for, undefined until one is asked for */
    query,
    unsupportedTraceql: page.unsupportedTraceql,
    fileHref: pageUrl(ROUTES.File),
    exploreHref:
      source && query
        ? exploreTraceUrl(source, query, context.carry.from, context.carry.to, currentOrgId())
        : undefined,
    compareHref: compare && pageUrl(ROUTES.Compare, { ...context.carry, ...compare }),
    search,
    rows,
    /** what the rows' analyses cover: traces listed, analysed, failed, partial, range */
    coverage: coverage({
      listed: rows.length,
      search: { limit, reached: hasMore },
      pick: 'all',
      requested: analyses.total,
      results: analyses.results,
      cancelled: analyses.cancelled,
      range: context.range.raw,
    }),
    /** while listed traces are being analysed: how many are in, and how to stop */
    fetching:
      analyses.done < analyses.total && !analyses.cancelled
        ? { done: analyses.done, total: analyses.total, onCancel: analyses.cancel }
        : undefined,
    breakdowns,
    sort: url.sort,
    descending: url.descending,
    onSort: (key: SortKey) => update(sortPatch(key, url)),
    traceHref: (id: string) => traceUrl(id, context.carry),
    /** the search may have stopped at its limit: "Load 20 more" asks for more */
    loadMore: hasMore
      ? {
          label: t('search.load-more', 'Load {{size}} more', { size: PAGE_SIZE }),
          onClick: () => update(morePatch(limit)),
        }
      : undefined,
  };
}
