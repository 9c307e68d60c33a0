/**
 * The search page's URL state: the builder's parameters (app/searchQuery.ts), `mode` (builder or
 * raw), `q` (TraceQL), `run`, `limit` (most traces to find: a whole number ≥ 1, default 20, grown
 * by 20 with "Load more"), `sort` and `dir` (the results' order, default newest start first).
 * `readSearchUrl` tells what the URL asks for; the `…Patch` functions write what the page's actions
 * change. All O(number of parameters).
 */
import type { UrlPatch } from '../../app/urlState';
import {
  BuilderState,
  builderFromParams,
  builderToFilter,
  builderToParams,
  builderToTraceql,
} from '../../app/searchQuery';
import type { TraceQuery } from '../../sources/types';
import type { SortKey } from './searchModel';

/** traces a search asks for at first, and how many more "Load more" asks for */
export const PAGE_SIZE = 20;
const SORT_KEYS: SortKey[] = ['start', 'duration', 'spans', 'errors', 'root'];

export type SearchMode = 'builder' | 'raw';

export interface PageQuery {
  mode: SearchMode;
  /** what to search for; undefined until a search was asked for */
  query?: TraceQuery;
  /** TraceQL from the URL that this source cannot run (shown, not run) */
  unsupportedTraceql?: string;
}

export interface SearchUrl {
  /** the builder as the URL gives it */
  builder: BuilderState;
  page: PageQuery;
  /** the raw TraceQL the URL gives (`q`), `{}` without one */
  raw: string;
  limit: number;
  sort: SortKey;
  descending: boolean;
}

/**
 * The search the URL asks for. Raw mode: `mode=raw`, or a `q` the builder cannot show (links from
 * Explore). Builder mode runs once `run`, `svc` or `op` is present (or `q` equal to the builder's
 * TraceQL, as older links carry it).
 */
export function pageQuery(params: URLSearchParams, acceptsTraceql: boolean): PageQuery {
  const builder = builderFromParams(params);
  const q = params.get('q') ?? '';
  const raw =
    params.get('mode') === 'raw' || (params.get('mode') !== 'builder' && q !== '' && q !== builderToTraceql(builder));
  if (raw && acceptsTraceql) {
    return { mode: 'raw', query: q ? { traceql: q } : undefined };
  }
  const ran = params.has('run') || params.has('svc') || params.has('op') || (q !== '' && !raw);
  return {
    mode: 'builder',
    query: ran ? { filter: builderToFilter(builder) } : undefined,
    unsupportedTraceql: raw && q ? q : undefined,
  };
}

/** Most traces a search asks for: `text` when it is a whole number ≥ 1, else `fallback`. */
export const searchLimit = (text: string | null, fallback: number) =>
  text !== null && /^\s*\d+\s*$/.test(text) && Number(text) >= 1 ? Number(text) : fallback;

export function readSearchUrl(params: URLSearchParams, acceptsTraceql: boolean): SearchUrl {
  return {
    builder: builderFromParams(params),
    page: pageQuery(params, acceptsTraceql),
    raw: params.get('q') || '{}',
    limit: searchLimit(params.get('limit'), PAGE_SIZE),
    sort: SORT_KEYS.find((k) => k === params.get('sort')) ?? 'start',
    descending: params.get('dir') !== 'asc',
  };
}

export interface SearchForm {
  mode: SearchMode;
  builder: BuilderState;
  raw: string;
  /** the form's "Most traces to find" text (Jaeger) */
  limit: string;
}

/**
 * Running the form: raw TraceQL as `q` (the limit back to its default), or the builder's parameters
 * with `run`, and (sources without TraceQL, where the form has a limit field) the form's limit.
 */
export function runPatch(form: SearchForm, acceptsTraceql: boolean): UrlPatch {
  return form.mode === 'raw'
    ? { mode: 'raw', q: form.raw, run: undefined, limit: undefined }
    : {
        ...builderToParams(form.builder),
        mode: undefined,
        q: undefined,
        run: '1',
        limit: acceptsTraceql ? undefined : String(searchLimit(form.limit, PAGE_SIZE)),
      };
}

/** Sorting by `key`: the same column again flips the direction, another column starts descending. */
export const sortPatch = (key: SortKey, url: Pick<SearchUrl, 'sort' | 'descending'>): UrlPatch => ({
  sort: key,
  dir: key === url.sort && url.descending ? 'asc' : 'desc',
});

/** "Load more": PAGE_SIZE more traces than `limit`. */
export const morePatch = (limit: number): UrlPatch => ({ limit: String(limit + PAGE_SIZE) });
