/*
 * TraceLens's webpack config: create-plugin's (.config/webpack/webpack.config.ts, left as scaffolded)
 * extended with webpack-merge as .config/README.md describes. TraceLens replaces two of its plugins:
 * - the public-path module: lazy chunks are written to the plugin root for every entry, so a nested
 *   plugin (dist/panels/breakdown/module.js) must load them from the root, not from its own folder;
 * - the copied files: the scaffold's list without CHANGELOG.md (TraceLens keeps none), plus every
 *   img/ folder (nested plugins' logos, the README's light screenshots), the dashboards the app's
 *   plugin.json `includes`, and for each nested plugin the app's locale files under its own id
 *   (Grafana loads a plugin's translations from <its folder>/locales/<language>/<its id>.json, and the
 *   panel's bundle shares the app's components and keys; README "Languages").
 * The app manifest is the root plugin.json; src/plugin.json links to it, where the scaffold reads it.
 * The analysis worker needs nothing here: `new Worker(new URL(…, import.meta.url))` in
 * src/loading/analyze-fetched.ts makes it a chunk at the plugin root, loaded from the public path
 * below, and its magic comments give it its own entry options (no AMD wrapper, `auto` public path).
 */
import CopyWebpackPlugin from 'copy-webpack-plugin';
import fs from 'fs';
import path from 'path';
import type { Configuration } from 'webpack';
import { mergeWithCustomize, unique } from 'webpack-merge';
import VirtualModulesPlugin from 'webpack-virtual-modules';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config';
import { copyFilePatterns } from './.config/bundler/copyFiles';
import { getEntries, getPluginJson } from './.config/bundler/utils';

const copyPatterns = [
  ...copyFilePatterns.filter((pattern) => pattern.from !== '../CHANGELOG.md'),
  { from: '**/img/**/*', to: '.' },
  { from: '../provisioning/dashboards/*.json', to: 'dashboards/[name][ext]' },
];

// The app's locale files, copied into a nested plugin's folder under the nested plugin's id.
const nestedLocalePatterns = (appId: string, nestedDirs: string[]) =>
  nestedDirs.map((dir) => {
    const nestedId = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'src', dir, 'plugin.json'), 'utf8')).id;
    return { from: `locales/*/${appId}.json`, to: `${dir}[path]${nestedId}[ext]` };
  });

// The running module's folder, less its nested-plugin folder (e.g. panels/breakdown/).
const publicPathModule = (pluginId: string, nestedDirs: string[]) =>
  new VirtualModulesPlugin({
    'node_modules/grafana-public-path.js': `
import amdMetaModule from 'amd-module';

const nestedDirs = ${JSON.stringify(nestedDirs)};
const moduleDir =
  amdMetaModule && amdMetaModule.uri
    ? amdMetaModule.uri.slice(0, amdMetaModule.uri.lastIndexOf('/') + 1)
    : 'public/plugins/${pluginId}/';
const nestedDir = nestedDirs.find((dir) => moduleDir.endsWith(dir));
__webpack_public_path__ = nestedDir ? moduleDir.slice(0, -nestedDir.length) : moduleDir;
`,
  });

// The plugins TraceLens's config brings replace the scaffold's of the same class.
const mergeReplacingPlugins = mergeWithCustomize({
  customizeArray: unique('plugins', ['CopyPlugin', 'VirtualModulesPlugin'], (plugin) => plugin.constructor?.name),
});

const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  const nestedDirs = Object.keys(await getEntries())
    .filter((name) => name !== 'module')
    .map((name) => name.slice(0, -'module'.length));

  const appId = getPluginJson().id;
  return mergeReplacingPlugins(baseConfig, {
    cache: {
      type: 'filesystem',
      buildDependencies: { config: [path.resolve(process.cwd(), 'webpack.config.ts')] },
    },
    plugins: [
      publicPathModule(appId, nestedDirs),
      new CopyWebpackPlugin({ patterns: [...copyPatterns, ...nestedLocalePatterns(appId, nestedDirs)] }),
    ],
  });
};

export default config;
