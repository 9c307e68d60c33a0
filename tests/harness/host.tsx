/**
 * The harness page's host: does what Grafana does at boot, then loads the BUILT plugin
 * (`/public/plugins/<id>/module.js`) through SystemJS + its AMD extra, with every external
 * supplied from the real npm packages, and mounts the app root under `/a/<id>/*`, the config
 * page under `/plugins/<id>`, or (for panel specs) a nested panel via `window.tracelensHarness`.
 * Order matters: boot data first (runtime's config reads it on import), service setters before
 * the modules are registered.
 */
import { THEME_KEY, initialLanguage, initialTheme } from './boot';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactDOMClient from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactRouter from 'react-router';
import * as ReactRouterDom from 'react-router-dom';
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaUi from '@grafana/ui';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaI18n from '@grafana/i18n';
import i18next from 'i18next';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import * as lodash from 'lodash';
import * as d3 from 'd3';
import { createRoot } from 'react-dom/client';
import {
  AppPlugin,
  AppPluginMeta,
  createTheme,
  LoadingState,
  PanelPlugin,
  toDataFrame,
  getDefaultTimeRange,
} from '@grafana/data';
import { ThemeContext, GlobalStyles, Button, Stack } from '@grafana/ui';
import { config, locationService, setBackendSrv, setDataSourceSrv, setLocationSrv } from '@grafana/runtime';
import { createHarnessBackendSrv, createHarnessDataSourceSrv } from './services';

declare const System: {
  set(id: string, module: object): void;
  addImportMap(map: { imports: Record<string, string> }): void;
  import<T>(url: string): Promise<T>;
};

const PLUGIN_ID = 'tracelens-analysis-app';
const PLUGIN_BASE = `/public/plugins/${PLUGIN_ID}`;

setBackendSrv(createHarnessBackendSrv());
setDataSourceSrv(createHarnessDataSourceSrv());
setLocationSrv(locationService as never);

const SHARED: Record<string, unknown> = {
  react: React,
  'react-dom': ReactDOM,
  'react-dom/client': ReactDOMClient,
  'react/jsx-runtime': jsxRuntime,
  'react-router': ReactRouter,
  'react-router-dom': ReactRouterDom,
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  '@grafana/data': grafanaData,
  '@grafana/ui': grafanaUi,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/i18n': grafanaI18n,
  i18next,
  rxjs,
  'rxjs/operators': rxjsOperators,
  lodash,
  d3,
};
System.addImportMap({ imports: Object.fromEntries(Object.keys(SHARED).map((name) => [name, `app:${name}`])) });
for (const [name, module] of Object.entries(SHARED)) {
  // __useDefault hands the AMD factory the package object itself, not a copy of its values.
  System.set(`app:${name}`, { default: module, __useDefault: true });
}

// Grafana turns clicks on plain in-app links into history pushes instead of page loads.
document.addEventListener('click', (event) => {
  const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
  if (
    !anchor ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    (anchor.target && anchor.target !== '_self') ||
    anchor.origin !== window.location.origin
  ) {
    return;
  }
  event.preventDefault();
  locationService.push(anchor.pathname + anchor.search + anchor.hash);
});

async function pluginMeta(): Promise<AppPluginMeta> {
  const response = await fetch(`/api/plugins/${PLUGIN_ID}/settings`);
  return response.json();
}

/** Grafana's theme in `mode`, also set as config.theme2, as Grafana does when the user switches theme. */
function applyTheme(mode: 'dark' | 'light') {
  const theme = createTheme({ colors: { mode } });
  config.theme2 = theme;
  return theme;
}

function useHarnessTheme() {
  const [theme, setTheme] = React.useState(() => applyTheme(initialTheme()));
  const mode = theme.colors.mode;
  const toggle = () => {
    const next = mode === 'dark' ? 'light' : 'dark';
    window.localStorage.setItem(THEME_KEY, next);
    setTheme(applyTheme(next));
  };
  return { theme, mode, toggle };
}

function HarnessBar({ mode, toggle }: { mode: string; toggle: () => void }) {
  const link = (path: string, label: string) => (
    <a href={path} style={{ marginRight: 16 }}>
      {label}
    </a>
  );
  return (
    <nav aria-label="Harness" style={{ padding: '8px 16px', display: 'flex', alignItems: 'center' }}>
      <Stack direction="row" alignItems="center" gap={2}>
        <strong>TraceLens harness</strong>
        {link(`/a/${PLUGIN_ID}/search`, 'Search')}
        {link(`/a/${PLUGIN_ID}/services`, 'Services')}
        {link(`/a/${PLUGIN_ID}/compare`, 'Compare')}
        {link(`/plugins/${PLUGIN_ID}`, 'Configuration')}
        <Button size="sm" variant="secondary" onClick={toggle} data-testid="harness-theme-toggle">
          {mode === 'dark' ? 'Light theme' : 'Dark theme'}
        </Button>
      </Stack>
    </nav>
  );
}

/**
 * The router state follows Grafana's history object (history v4: `listen((location, action))`),
 * as Grafana's own router does; react-router's HistoryRouter expects history v5 instead.
 */
function useHistoryLocation() {
  const history = locationService.getHistory();
  const [location, setLocation] = React.useState(history.location);
  React.useEffect(() => history.listen((next: typeof history.location) => setLocation(next)), [history]);
  return { history, location };
}

const { Router, Routes, Route, useLocation } = ReactRouterDom;
const APP_BASE = `/a/${PLUGIN_ID}`;

/** The app root as Grafana mounts it under `/a/<id>/*` (a stable component: it must not remount on navigation). */
function AppRoute({ plugin }: { plugin: AppPlugin }) {
  const location = useLocation();
  const Root = plugin.root!;
  return (
    <Root
      meta={plugin.meta}
      basename={APP_BASE}
      path={location.pathname}
      query={Object.fromEntries(new URLSearchParams(location.search))}
      onNavChanged={() => {}}
    />
  );
}

function Host({ plugin }: { plugin: AppPlugin }) {
  const { theme, mode, toggle } = useHarnessTheme();
  const { history, location } = useHistoryLocation();
  const ConfigBody = plugin.configPages![0].body;
  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <Router location={location} navigator={history as never}>
        <HarnessBar mode={mode} toggle={toggle} />
        <main style={{ padding: '0 16px 16px' }}>
          <Routes>
            <Route path={`${APP_BASE}/*`} element={<AppRoute plugin={plugin} />} />
            <Route path={`/plugins/${PLUGIN_ID}`} element={<ConfigBody plugin={plugin} query={{}} />} />
            <Route path="*" element={<p>Not a TraceLens route. Open {APP_BASE}/search.</p>} />
          </Routes>
        </main>
      </Router>
    </ThemeContext.Provider>
  );
}

interface PanelMount {
  /** path under the plugin's dist folder, e.g. `panels/breakdown/module.js` */
  module: string;
  /** frames in any shape `toDataFrame` accepts (e.g. `{name, fields:[{name, type, values}]}`) */
  frames: unknown[];
  options?: Record<string, unknown>;
  width?: number;
  height?: number;
}

/** Mounts a nested panel plugin with the given data into `#panel`; resolves once rendered. */
/** Option editors the panel's options use (ids of Grafana's standard editors). */
const STANDARD_EDITOR_IDS = ['radio', 'select', 'text', 'number', 'boolean'];

async function mountPanel(args: PanelMount): Promise<void> {
  // a nested panel is a plugin of its own: its id and locale files are in its folder
  const folder = `${PLUGIN_BASE}/${args.module.replace(/\/?[^/]*$/, '')}`;
  const { id } = await (await fetch(`${folder}/plugin.json`)).json();
  await addPluginLocale(folder, id);
  const { plugin } = await System.import<{ plugin: PanelPlugin }>(`${PLUGIN_BASE}/${args.module}`);
  const Panel = plugin.panel!;
  const width = args.width ?? 900;
  const height = args.height ?? 500;
  const timeRange = getDefaultTimeRange();
  const PanelHost = () => {
    const { theme } = useHarnessTheme();
    return (
      <ThemeContext.Provider value={theme}>
        <GlobalStyles />
        <div style={{ width, height }} data-testid="harness-panel">
          <Panel
            id={1}
            data={{ series: args.frames.map((f) => toDataFrame(f)), state: LoadingState.Done, timeRange }}
            timeRange={timeRange}
            timeZone="browser"
            options={{ ...(plugin.defaults ?? {}), ...(args.options ?? {}) }}
            fieldConfig={{ defaults: {}, overrides: [] }}
            transparent={false}
            width={width}
            height={height}
            renderCounter={1}
            title="Panel"
            eventBus={new grafanaData.EventBusSrv()}
            onOptionsChange={() => {}}
            onFieldConfigChange={() => {}}
            onChangeTimeRange={() => {}}
            replaceVariables={(s: string) => s}
          />
        </div>
      </ThemeContext.Provider>
    );
  };
  document.getElementById('root')!.hidden = true;
  createRoot(document.getElementById('panel')!).render(<PanelHost />);
}

/**
 * i18next in the user's language, as Grafana initialises it at boot (en-US the fallback, empty
 * strings falling back too), holding the plugin's locale file for that language in the plugin's
 * namespace, as Grafana's plugin loader (≥ 12.1) adds it before the module's initPluginTranslations
 * reads it. en-US needs nothing: t() falls back to the source text.
 */
async function initLanguage(language: string): Promise<void> {
  if (language === 'en-US') {
    return;
  }
  await i18next.init({ lng: language, fallbackLng: 'en-US', returnEmptyString: false, resources: {} });
  await addPluginLocale(PLUGIN_BASE, PLUGIN_ID);
}

/** The locale file of the plugin in `folder` (whose id is `id`) for the user's language, in the namespace `id`. */
async function addPluginLocale(folder: string, id: string): Promise<void> {
  const language = i18next.language;
  if (language && language !== 'en-US') {
    const response = await fetch(`${folder}/locales/${language}/${id}.json`);
    i18next.addResourceBundle(language, id, await response.json(), true, true);
  }
}

async function main() {
  await initLanguage(initialLanguage());
  // Grafana fills the options-editor registry at boot; a panel's options supplier (run for
  // `plugin.defaults`) looks its editors up there. The harness renders no panel editor: stubs.
  grafanaData.standardEditorsRegistry.setInit(() =>
    STANDARD_EDITOR_IDS.map((id) => ({ id, name: id, editor: () => null }))
  );
  (window as unknown as { tracelensHarness: unknown }).tracelensHarness = { mountPanel };
  if (window.location.pathname === '/harness/panel') {
    return; // a spec calls tracelensHarness.mountPanel(...)
  }
  const [{ plugin }, meta] = await Promise.all([
    System.import<{ plugin: AppPlugin }>(`${PLUGIN_BASE}/module.js`),
    pluginMeta(),
  ]);
  plugin.init(meta);
  plugin.meta = meta;
  createRoot(document.getElementById('root')!).render(<Host plugin={plugin} />);
}

main().catch((e: Error) => {
  document.body.textContent = `Harness failed to load the plugin: ${e.message}`;
  console.error(e);
});
