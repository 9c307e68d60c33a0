/**
 * Test support: the app root (src/App.tsx) mounted at `path` under `/a/<plugin id>/*` as Grafana
 * mounts it, with the fake datasource list (datasources.ts), and probes for the
 * current path and query string, and `loadPages` to load beforehand the pages App imports lazily.
 * It lives outside src/ because it sits above every layer of it.
 */
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { render } from '@testing-library/react';
import App from '../../src/App';
import { PLUGIN_BASE_URL } from '../../src/constants';
import { AppSettings } from '../../src/app/settings';
import { installFakeDatasources } from './datasources';

function CurrentLocation() {
  const location = useLocation();
  return (
    <>
      <output data-testid="path">{location.pathname}</output>
      <output data-testid="location-search">{location.search}</output>
    </>
  );
}

/**
 * Loads (compiles, in Jest) the page modules src/App.tsx imports lazily. Run it in `beforeAll`: a
 * test's findBy* then waits for the page to render, not for Jest to compile the page's module tree
 * (seconds on a busy machine, which first-test timeouts used to measure).
 */
export const loadPages = () =>
  Promise.all([
    import('../../src/pages/search/SearchPage'),
    import('../../src/pages/trace/TracePage'),
    import('../../src/pages/services/ServicesPage'),
    import('../../src/pages/compare/ComparePage'),
    import('../../src/pages/file/OpenFilePage'),
  ]);

export function renderApp(path: string, jsonData: AppSettings = {}) {
  installFakeDatasources();
  const props = { basename: PLUGIN_BASE_URL, meta: { jsonData }, query: {}, path } as unknown as AppRootProps;
  return render(
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Routes>
        <Route
          path={`${PLUGIN_BASE_URL}/*`}
          element={
            <>
              <App {...props} />
              <CurrentLocation />
            </>
          }
        />
      </Routes>
    </MemoryRouter>
  );
}
