/**
 * The built plugin carries its translations where Grafana (≥ 12.1) looks for them: for each plugin
 * (the app and the nested panel) and each language its plugin.json lists,
 * <plugin folder>/locales/<language>/<plugin id>.json — the panel's a copy of the app's file, since
 * both bundles read the same keys (README "Languages").
 */
import fs from 'fs';
import path from 'path';
import { DIST } from './loadDistModule';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(DIST, file), 'utf8'));

describe.each([
  ['plugin.json', 'locales'],
  ['panels/breakdown/plugin.json', 'panels/breakdown/locales'],
])('%s', (manifestFile, localesDir) => {
  const manifest = read(manifestFile);

  it('lists en-US and zh-Hans', () => {
    expect(manifest.languages).toEqual(['en-US', 'zh-Hans']);
  });

  it.each(['en-US', 'zh-Hans'])('has the app’s %s translations under its own id', (language) => {
    const file = `${localesDir}/${language}/${manifest.id}.json`;
    expect(read(file)).toEqual(read(`locales/${language}/tracelens-analysis-app.json`));
    expect(read(`locales/${language}/tracelens-analysis-app.json`).config.loading).toBe(
      language === 'en-US' ? 'Loading configuration…' : '正在加载配置…'
    );
  });
});
