/**
 * What Grafana puts on the page before any plugin code runs: `window.grafanaBootData`, read by
 * `@grafana/runtime`'s config module when it is first imported. Imported first by host.tsx.
 * The theme comes from `?theme=light|dark` or, failing that, the last choice kept in localStorage.
 */
export const THEME_KEY = 'tracelens-harness-theme';

export function initialTheme(): 'light' | 'dark' {
  const fromUrl = new URLSearchParams(window.location.search).get('theme');
  const chosen = fromUrl ?? window.localStorage.getItem(THEME_KEY);
  return chosen === 'light' ? 'light' : 'dark';
}

const datasource = (uid: string, type: string, name: string) => ({
  uid,
  type,
  name,
  id: ({ tempo: 1, prometheus: 2, jaeger: 3 } as Record<string, number>)[uid],
  isDefault: type === 'prometheus',
  access: 'proxy',
  url: `/api/datasources/proxy/uid/${uid}`,
  jsonData: {},
  meta: { id: type, type: 'datasource', name, info: { logos: { small: '', large: '' } }, module: '', baseUrl: '' },
  readOnly: true,
});

export const DATASOURCES = {
  Tempo: datasource('tempo', 'tempo', 'Tempo'),
  Jaeger: datasource('jaeger', 'jaeger', 'Jaeger'),
  Prometheus: datasource('prometheus', 'prometheus', 'Prometheus'),
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
