/** Must equal `id` in the root plugin.json (the dist validation test checks it). */
export const PLUGIN_ID = 'tracelens-analysis-app';
export const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;

/** The app's pages, relative to PLUGIN_BASE_URL. Each is listed in plugin.json `includes` when it has a nav entry. */
export enum ROUTES {
  Search = 'search',
  Trace = 'trace',
  Services = 'services',
  Compare = 'compare',
  /** open a trace file (upload or paste); `?file=<id>` picks a trace of a file holding several */
  File = 'file',
}

/** Absolute URL of an app page, e.g. prefixRoute(ROUTES.Search) → "/a/tracelens-analysis-app/search". */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}
