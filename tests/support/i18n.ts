/**
 * Test support: TraceLens's translations in Jest. `inZhHans()` in a describe block renders its tests
 * in Simplified Chinese: it initialises the plugin's translations as src/module.tsx does (t and Trans
 * read the app's namespace), loads src/locales/zh-Hans/<app id>.json into that namespace, as Grafana
 * does for a user whose language is zh-Hans, and switches back to English afterwards. Tests outside
 * it run in en-US, where t returns the English given in the call.
 */
import i18next from 'i18next';
import { initPluginTranslations } from '@grafana/i18n';
import { PLUGIN_ID } from '../../src/constants';
import zhHans from '../../src/locales/zh-Hans/tracelens-analysis-app.json';

export function inZhHans(): void {
  beforeAll(async () => {
    await initPluginTranslations(PLUGIN_ID);
    i18next.addResourceBundle('zh-Hans', PLUGIN_ID, zhHans, true, true);
    await i18next.changeLanguage('zh-Hans');
  });
  afterAll(async () => {
    await i18next.changeLanguage('en-US');
  });
}
