import fs from 'fs';
import path from 'path';
import semver from 'semver';
import { glob } from 'glob';
import { amdDependencies, DIST } from './loadDistModule';

const PLUGIN_ID_PATTERN = /^[0-9a-z]+-([0-9a-z]+-)?(app|panel|datasource)$/;

interface Manifest {
  id: string;
  type: string;
  name: string;
  info: {
    version: string;
    updated: string;
    logos: { small: string; large: string };
    screenshots?: Array<{ name: string; path: string }>;
  };
  includes?: Array<{ type: string; name: string; path?: string }>;
  dependencies: { grafanaDependency: string };
}

const manifestFiles = glob.sync('**/plugin.json', { cwd: DIST }).sort();
const readManifest = (file: string): Manifest => JSON.parse(fs.readFileSync(path.join(DIST, file), 'utf8'));

describe('dist/ layout', () => {
  it('holds the app and the nested panel, each with a module and a manifest', () => {
    expect(manifestFiles).toEqual(['panels/breakdown/plugin.json', 'plugin.json']);
    expect(fs.existsSync(path.join(DIST, 'module.js'))).toBe(true);
    expect(fs.existsSync(path.join(DIST, 'panels/breakdown/module.js'))).toBe(true);
  });

  it.each(['module.js', 'panels/breakdown/module.js'])(
    '%s is an AMD module that takes react and @grafana/* from Grafana',
    (file) => {
      const deps = amdDependencies(path.join(DIST, file));
      expect(deps).toEqual(expect.arrayContaining(['react', '@grafana/data', '@grafana/ui']));
      const code = fs.readFileSync(path.join(DIST, file), 'utf8');
      // React's own bundle carries this marker; a plugin that bundles React would break in React 19 Grafana.
      expect(code).not.toContain('__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED');
    }
  );

  it('keeps pages out of the entry module (they are lazy chunks)', () => {
    const entry = fs.readFileSync(path.join(DIST, 'module.js'), 'utf8');
    const size = Buffer.byteLength(entry);
    console.log(`dist/module.js: ${(size / 1024).toFixed(1)} KiB`);
    expect(entry).not.toContain('Compare trace sets');
    expect(entry).not.toContain('Traces fetched for an aggregate');
    const chunks = glob.sync('*.js', { cwd: DIST }).filter((f) => f !== 'module.js');
    expect(chunks.length).toBeGreaterThanOrEqual(4);
  });
});

describe.each(manifestFiles)('%s', (file) => {
  const manifest = readManifest(file);
  const dir = path.dirname(path.join(DIST, file));

  it('has a valid id and the right type', () => {
    expect(manifest.id).toMatch(PLUGIN_ID_PATTERN);
    expect(manifest.type).toBe(file === 'plugin.json' ? 'app' : 'panel');
    expect(manifest.id.endsWith(`-${manifest.type}`)).toBe(true);
  });

  it('has its placeholders filled: a semver version and an ISO date', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/%[A-Z_]+%/);
    expect(semver.valid(manifest.info.version)).toBe(manifest.info.version);
    expect(manifest.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(manifest.info.updated))).toBe(false);
  });

  it('points at logo and screenshot files that exist', () => {
    const screenshots = (manifest.info.screenshots ?? []).map((s) => s.path);
    for (const file of [manifest.info.logos.small, manifest.info.logos.large, ...screenshots]) {
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
  });

  it('declares a Grafana dependency that parses as a semver range', () => {
    expect(semver.validRange(manifest.dependencies.grafanaDependency)).not.toBeNull();
  });
});

describe('app manifest includes', () => {
  const app = readManifest('plugin.json');

  it('lists the nested panel by its name', () => {
    const panel = readManifest('panels/breakdown/plugin.json');
    expect(panel.id).toBe('tracelens-breakdown-panel');
    expect(app.includes).toContainEqual(expect.objectContaining({ type: 'panel', name: panel.name }));
  });

  it('ships every dashboard it includes', () => {
    const dashboards = (app.includes ?? []).filter((i) => i.type === 'dashboard');
    expect(dashboards.length).toBeGreaterThan(0);
    for (const dashboard of dashboards) {
      const file = path.join(DIST, dashboard.path!);
      expect(fs.existsSync(file)).toBe(true);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).title).toBe(dashboard.name);
    }
  });

  it('gives every page a path under the app or its config page', () => {
    for (const include of (app.includes ?? []).filter((i) => i.type === 'page')) {
      expect(include.path).toMatch(new RegExp(`^(/a/${app.id}/[a-z-]+|/plugins/${app.id})$`));
    }
  });
});
