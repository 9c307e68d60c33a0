/**
 * Test support: the app root (src/App.tsx) mounted at `path` under `/a/<plugin id>/*` as Grafana
 * mounts it, with the fake datasource list (src/app/testing/fakeDatasources.ts), and probes for the
 * current path and query string. It lives outside src/ because it sits above every layer of it.
 */
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { render } from '@testing-library/react';
import App from '../../src/App';
import { PLUGIN_BASE_URL } from '../../src/constants';
import { AppSettings } from '../../src/app/settings';
import { installFakeDatasources } from '../../src/app/testing/fakeDatasources';

function CurrentLocation() {
  const location = useLocation();
  return (
    <>
      <output data-testid="path">{location.pathname}</output>
      <output data-testid="location-search">{location.search}</output>
    </>
  );
}

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
