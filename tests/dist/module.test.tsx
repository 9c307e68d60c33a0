import fs from 'fs';
import path from 'path';
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { AppPlugin, PanelPlugin } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import { DIST, loadDistModule } from './loadDistModule';
import { installFakeDatasources } from '../support/datasources';

interface Manifest {
  id: string;
  includes: Array<{ type: string; name: string; path?: string }>;
  extensions?: { addedLinks?: Array<{ title: string; description: string; targets: string[] }> };
}

const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'plugin.json'), 'utf8'));
const appBase = `/a/${manifest.id}`;
const pagePaths = manifest.includes
  .filter((i) => i.type === 'page' && i.path?.startsWith(`${appBase}/`))
  .map((i) => i.path!);

function CurrentPath() {
  return <output data-testid="path">{useLocation().pathname}</output>;
}

describe('built app module', () => {
  const { plugin } = loadDistModule<{ plugin: AppPlugin }>('module.js');

  it('exports an AppPlugin with a root page and the configuration page', () => {
    expect(plugin).toBeInstanceOf(AppPlugin);
    expect(plugin.root).toBeDefined();
    expect(plugin.configPages?.map((p) => p.id)).toEqual(['configuration']);
    expect(manifest.includes).toContainEqual(
      expect.objectContaining({ type: 'page', path: `/plugins/${manifest.id}`, name: 'Configuration' })
    );
  });

  it.each(pagePaths)('serves %s, listed in the manifest, without redirecting', async (pagePath) => {
    installFakeDatasources();
    const Root = plugin.root!;
    render(
      <MemoryRouter initialEntries={[pagePath]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <Routes>
          <Route
            path={`${appBase}/*`}
            element={
              <>
                <Root meta={plugin.meta} basename={appBase} query={{}} path={pagePath} onNavChanged={() => {}} />
                <CurrentPath />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    );
    expect(await screen.findByRole('heading', { level: 2 }, { timeout: 10000 })).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent(pagePath);
  });

  it('registers exactly the extension links the manifest lists, with the same targets', () => {
    const registered = plugin.addedLinkConfigs.map(({ title, description, targets }) => ({
      title,
      description,
      targets: [targets].flat().sort(),
    }));
    const listed = (manifest.extensions?.addedLinks ?? []).map(({ title, description, targets }) => ({
      title,
      description,
      targets: [...targets].sort(),
    }));
    expect(registered).toEqual(listed);
    expect(registered.length).toBeGreaterThan(0);
  });
});

describe('built panel module', () => {
  it('exports a PanelPlugin', () => {
    const { plugin } = loadDistModule<{ plugin: PanelPlugin }>('panels/breakdown/module.js');
    expect(plugin).toBeInstanceOf(PanelPlugin);
    expect(plugin.panel).toBeDefined();
  });
});
