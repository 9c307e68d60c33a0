/** URLs to other app pages and to Grafana Explore, carrying datasources and the time range. */
import { prefixRoute, ROUTES } from '../constants';

type Carry = Record<string, string | undefined>;

function withQuery(path: string, params: Carry): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v) {
      search.set(k, v);
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
  to: string
) {
  const panes = {
    a: {
      datasource: datasource.uid,
      queries: [{ refId: 'A', datasource, ...query }],
      range: { from, to },
    },
  };
  return `/explore?schemaVersion=1&orgId=1&panes=${encodeURIComponent(JSON.stringify(panes))}`;
}

/** Explore with the Tempo datasource showing one trace (or running a TraceQL query). */
export const exploreTempoUrl = (tempoUid: string, query: string, from: string, to: string) =>
  exploreUrl({ uid: tempoUid, type: 'tempo' }, { queryType: 'traceql', query }, from, to);

/** Explore with the Prometheus datasource running a PromQL query. */
export const explorePrometheusUrl = (promUid: string, expr: string, from: string, to: string) =>
  exploreUrl({ uid: promUid, type: 'prometheus' }, { expr, range: true }, from, to);
