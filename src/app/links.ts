/**
 * URLs to other app pages and to Grafana Explore, carrying datasources and the time range. Pure:
 * an Explore URL names the user's organisation, which the caller passes in (see `currentOrgId`).
 */
import { prefixRoute, ROUTES } from '../constants';
import type { TraceQuery, TraceSource } from '../sources/types';

/** URL parameters; a list repeats its key, empty values are left out. */
type Carry = Record<string, string | string[] | undefined>;

function withQuery(path: string, params: Carry): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const value of [v ?? []].flat()) {
      if (value) {
        search.append(k, value);
      }
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export const pageUrl = (route: ROUTES, params: Carry = {}) => withQuery(prefixRoute(route), params);

export const traceUrl = (traceId: string, params: Carry = {}) =>
  withQuery(`${prefixRoute(ROUTES.Trace)}/${encodeURIComponent(traceId)}`, params);

function exploreUrl(
  datasource: { uid: string; type: string },
  query: Record<string, unknown>,
  from: string,
  to: string,
  orgId: number
) {
  const panes = {
    a: {
      datasource: datasource.uid,
      queries: [{ refId: 'A', datasource, ...query }],
      range: { from, to },
    },
  };
  return `/explore?schemaVersion=1&orgId=${orgId}&panes=${encodeURIComponent(JSON.stringify(panes))}`;
}

/** Explore in organisation `orgId` with the trace datasource (Tempo or Jaeger) showing one trace or running a search, as the source asks. */
export const exploreTraceUrl = (
  source: Pick<TraceSource, 'uid' | 'kind' | 'exploreQuery'>,
  what: { traceId: string } | TraceQuery,
  from: string,
  to: string,
  orgId: number
) => exploreUrl({ uid: source.uid, type: source.kind }, source.exploreQuery(what), from, to, orgId);

/** Explore in organisation `orgId` with the Prometheus datasource running a PromQL query. */
export const explorePrometheusUrl = (promUid: string, expr: string, from: string, to: string, orgId: number) =>
  exploreUrl({ uid: promUid, type: 'prometheus' }, { expr, range: true }, from, to, orgId);
