import { PanelPlugin } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';
import { BreakdownPanel } from './BreakdownPanel';
import { addOptions, BreakdownOptions } from './options';
import pluginJson from './plugin.json';

// Grafana (≥ 12.1) loads this nested plugin's locales/<language>/<panel id>.json into the namespace of
// the panel's id (the build copies the app's locale files there, see webpack.config.ts): t and Trans in
// this bundle, shared components included, read it. It resolves before Grafana renders the panel or its
// options (t is called only while rendering); a failure leaves the English defaults.
initPluginTranslations(pluginJson.id).catch(() => undefined);

export const plugin = new PanelPlugin<BreakdownOptions>(BreakdownPanel).setPanelOptions(addOptions);
