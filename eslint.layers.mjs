/**
 * The layers of src/, as `no-restricted-imports` rules for eslint.config.mjs: a wrong import fails
 * `npm run lint` (src/layers.test.ts shows it). Each folder imports only from the folders below it:
 *
 *   module.tsx, App.tsx                           the plugin's entry and its router
 *   pages/<page>  panels/<panel>  config/  extensions/
 *                                                 features: none imports another's internals
 *   components/                                   views shared by the features
 *   app/, constants.ts                            URL state, links, settings, opened files, hooks
 *   loading/                                      loading and analysing traces
 *   sources/                                      trace sources (Tempo, Jaeger) behind one interface
 *   data/                                         clients, query builders (PromQL and TraceQL),
 *                                                 scheme detection; others import its index only
 *   engine/                                       pure trace analysis
 *
 * img/ holds the app's logo and screenshots (no code). Product code never imports tests/; test
 * files and `testing/` helpers may (tests/support, fixtures).
 * Patterns match the import's text, so a layer's name is found after any number of `../`.
 */
import { readdirSync } from 'fs';

/** Bottom to top; a name is a folder of src/ (or `constants`, src/constants.ts). */
const LAYERS = [['engine'], ['data'], ['sources'], ['loading'], ['app', 'constants'], ['components']];
const FEATURE_FOLDERS = ['pages', 'panels'];
const FEATURES = [...FEATURE_FOLDERS, 'config', 'extensions'];
const ENTRIES = ['App', 'module'];

const subfolders = (dir) =>
  readdirSync(new URL(`./src/${dir}`, import.meta.url), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

/** An import reaching one of `names` (a folder or a file of src/) through `../` (case matters: App is not app). */
const reaching = (names, message) => ({
  regex: `^(\\.\\./)+(${names.join('|')})(/|$)`,
  caseSensitive: true,
  message,
});

const ENTRY_IMPORT = reaching(ENTRIES, 'nothing imports the entry points (module.tsx, App.tsx)');
/**
 * The data layer is imported through its index, except `data/grafana-transport` (the one module
 * that loads @grafana/runtime, which needs a browser): kept out of the index so that code running
 * in Node (integration tests, bench) can import the data layer and the trace sources.
 */
const DEEP_DATA_IMPORT = {
  regex: '^(\\.\\./)+data/(?!grafana-transport$)',
  caseSensitive: true,
  message:
    'import the data layer through its index (`…/data`; only `…/data/grafana-transport` directly): PromQL and clients stay inside data/',
};
const TESTS_IMPORT = reaching(['tests'], 'product code does not import tests/ (test files and testing/ helpers may)');

/** Tests click and type through tests/support/user.ts, whose instance skips jsdom's slow pointer-events check. */
const USER_EVENT = { name: '@testing-library/user-event', message: 'use `user` from tests/support/user.ts' };
const rule = (patterns) => ({ 'no-restricted-imports': ['error', { paths: ['moment', USER_EVENT], patterns }] });

/** Blocks forbidding `patterns` in folder `dir` of src/ (or in src/constants.ts), and tests/ in its product code. */
function restrict(dir, patterns) {
  if (dir === 'constants') {
    return [{ files: ['src/constants.ts'], rules: rule([...patterns, TESTS_IMPORT]) }];
  }
  const tests = [`src/${dir}/**/*.test.{ts,tsx}`, `src/${dir}/**/testing/**`];
  return [
    { files: [`src/${dir}/**`], ignores: tests, rules: rule([...patterns, TESTS_IMPORT]) },
    { files: tests, rules: rule(patterns) },
  ];
}

const layerRules = LAYERS.flatMap((layer, i) => {
  const above = [...LAYERS.slice(i + 1).flat(), ...FEATURES];
  const barrel = layer.includes('data') ? [] : [DEEP_DATA_IMPORT];
  return layer.flatMap((name) =>
    restrict(name, [
      reaching(above, `${name} is below ${above.join(', ')}: it may not import them`),
      ENTRY_IMPORT,
      ...barrel,
    ])
  );
});

/** A feature imports any layer, but no other feature: pages/<a> not pages/<b>, panels, config or extensions. */
function featureRules(feature, folder) {
  const others = FEATURES.filter((f) => f !== feature);
  const siblings = folder ? subfolders(feature).filter((s) => s !== folder) : [];
  const name = folder ? `${feature}/${folder}` : feature;
  const patterns = [
    reaching(others, `${name} may not import another feature (${others.join(', ')})`),
    ENTRY_IMPORT,
    DEEP_DATA_IMPORT,
  ];
  if (siblings.length > 0) {
    patterns.push(
      reaching(
        siblings.map((s) => `(${feature}/)?${s}`),
        `${name} may not import the internals of ${feature}/${siblings.join(', ')}`
      )
    );
  }
  return restrict(name, patterns);
}

const featureRulesAll = FEATURES.flatMap((feature) =>
  FEATURE_FOLDERS.includes(feature)
    ? subfolders(feature).flatMap((folder) => featureRules(feature, folder))
    : featureRules(feature)
);

export default [...layerRules, ...featureRulesAll];
