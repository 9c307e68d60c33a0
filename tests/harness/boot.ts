/**
 * What Grafana puts on the page before any plugin code runs: `window.grafanaBootData`, read by
 * `@grafana/runtime`'s config module when it is first imported. Imported first by host.tsx.
 * The theme comes from `?theme=light|dark` or, failing that, the last choice kept in localStorage.
 */
import { datasourceSettings } from '../support/datasourceSettings';

export const THEME_KEY = 'tracelens-harness-theme';

export function initialTheme(): 'light' | 'dark' {
  const fromUrl = new URLSearchParams(window.location.search).get('theme');
  const chosen = fromUrl ?? window.localStorage.getItem(THEME_KEY);
  return chosen === 'light' ? 'light' : 'dark';
}

export const DATASOURCES = {
  Tempo: datasourceSettings(1, 'tempo', 'tempo', 'Tempo'),
  Jaeger: datasourceSettings(3, 'jaeger', 'jaeger', 'Jaeger'),
  Prometheus: datasourceSettings(2, 'prometheus', 'prometheus', 'Prometheus', true),
};

(window as unknown as { grafanaBootData: unknown }).grafanaBootData = {
  assets: { dark: '', light: '' },
  navTree: [],
  user: { theme: initialTheme(), orgId: 1, orgRole: 'Admin', isSignedIn: true, login: 'harness', timezone: 'browser' },
  settings: {
    appSubUrl: '',
    buildInfo: { version: '13.1.1', edition: 'OSS', env: 'development' },
    datasources: DATASOURCES,
    defaultDatasource: 'Prometheus',
    featureToggles: {},
    bootData: {},
  },
};
