/**
 * What Grafana puts on the page before any plugin code runs: `window.grafanaBootData`, read by
 * `@grafana/runtime`'s config module when it is first imported. Imported first by host.tsx.
 * The theme comes from `?theme=light|dark` or, failing that, the last choice kept in localStorage;
 * the user's language likewise from `?lang=<code>` (e.g. zh-Hans) or localStorage, else en-US.
 */
import { datasourceSettings } from '../support/datasourceSettings';

export const THEME_KEY = 'tracelens-harness-theme';

export function initialTheme(): 'light' | 'dark' {
  const fromUrl = new URLSearchParams(window.location.search).get('theme');
  const chosen = fromUrl ?? window.localStorage.getItem(THEME_KEY);
  return chosen === 'light' ? 'light' : 'dark';
}

export const LANGUAGE_KEY = 'tracelens-harness-language';

export function initialLanguage(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  return fromUrl ?? window.localStorage.getItem(LANGUAGE_KEY) ?? 'en-US';
}

export const DATASOURCES = {
  Tempo: datasourceSettings(1, 'tempo', 'tempo', 'Tempo'),
  Jaeger: datasourceSettings(3, 'jaeger', 'jaeger', 'Jaeger'),
  Prometheus: datasourceSettings(2, 'prometheus', 'prometheus', 'Prometheus', true),
};

(window as unknown as { grafanaBootData: unknown }).grafanaBootData = {
  assets: { dark: '', light: '' },
  navTree: [],
  user: {
    theme: initialTheme(),
    language: initialLanguage(),
    orgId: 1,
    orgRole: 'Admin',
    isSignedIn: true,
    login: 'harness',
    timezone: 'browser',
  },
  settings: {
    appSubUrl: '',
    buildInfo: { version: '13.1.1', edition: 'OSS', env: 'development' },
    datasources: DATASOURCES,
    defaultDatasource: 'Prometheus',
    featureToggles: {},
    bootData: {},
  },
};
