/**
 * Where this nested panel's lazy chunks (e.g. the flame graph) are fetched from. The build sets
 * webpack's public path to the folder of the module being run — dist/panels/breakdown/ for this
 * panel — but writes every chunk to dist/, the app's root. Importing this module first moves the
 * public path up to that root, so chunks load in Grafana as they do for the app.
 */
declare let __webpack_public_path__: string;

const PANEL_DIR = 'panels/breakdown/';

if (typeof __webpack_public_path__ === 'string' && __webpack_public_path__.endsWith(PANEL_DIR)) {
  __webpack_public_path__ = __webpack_public_path__.slice(0, -PANEL_DIR.length);
}
