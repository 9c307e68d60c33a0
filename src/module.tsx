import React, { lazy, Suspense } from 'react';
import { AppPlugin, AppRootProps } from '@grafana/data';
import { initPluginTranslations, t } from '@grafana/i18n';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AppConfigProps } from './config/AppConfig';
import { analyzeInTraceLensLink } from './extensions/analyzeLink';
import { AppSettings } from './app/settings';
import { PLUGIN_ID } from './constants';

// Grafana (≥ 12.1) loads locales/<language>/<plugin id>.json into the namespace of the plugin id;
// t and Trans in this bundle read that namespace once the promise resolves. The pages load after it.
// (The id comes from constants.ts: importing plugin.json would put the whole manifest in module.js.)
const translations = initPluginTranslations(PLUGIN_ID);

const LazyApp = lazy(() => translations.then(() => import('./App')));
const LazyAppConfig = lazy(() => translations.then(() => import('./config/AppConfig')));

const App = (props: AppRootProps<AppSettings>) => (
  <Suspense fallback={<LoadingPlaceholder text={t('app.loading', 'Loading TraceLens…')} />}>
    <LazyApp {...props} />
  </Suspense>
);

const AppConfig = (props: AppConfigProps) => (
  <Suspense fallback={<LoadingPlaceholder text={t('config.loading', 'Loading configuration…')} />}>
    <LazyAppConfig {...props} />
  </Suspense>
);

export const plugin = new AppPlugin<AppSettings>()
  .setRootPage(App)
  .addConfigPage({
    title: 'Configuration',
    icon: 'cog',
    body: AppConfig,
    id: 'configuration',
  })
  .addLink(analyzeInTraceLensLink);

// the config tab's title is given at load, before t() can read the locale: worded once it can.
// Grafana reads it when it builds the plugin page's tabs; tabs built before that stay English.
translations.then(() => {
  const [configPage] = plugin.configPages ?? [];
  configPage.title = t('config.title', 'Configuration');
});
