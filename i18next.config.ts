/*
 * Key extraction for TraceLens's translations (`npm run i18n:extract`, i18next-cli): every t('key',
 * 'English') and <Trans i18nKey="key">English</Trans> in src/ becomes a key of
 * src/locales/<language>/<app id>.json, English from the source (en-US), empty for the other
 * languages until translated; keys no source uses are removed. The app and the nested panel read the
 * same keys (README "Languages"), so there is one namespace, the app's id.
 */
import { defineConfig } from 'i18next-cli';
import pluginJson from './plugin.json';

export default defineConfig({
  locales: pluginJson.languages,
  extract: {
    input: ['src/**/*.{tsx,ts}'],
    ignore: ['src/**/*.test.{tsx,ts}'],
    output: 'src/locales/{{language}}/{{namespace}}.json',
    defaultNS: pluginJson.id,
    functions: ['t', '*.t'],
    transComponents: ['Trans'],
  },
});
