import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import App from './App';
import { PLUGIN_BASE_URL } from '../constants';

function CurrentPath() {
  return <output data-testid="path">{useLocation().pathname}</output>;
}

function renderAt(path: string) {
  const props = { basename: PLUGIN_BASE_URL, meta: { jsonData: {} }, query: {}, path } as unknown as AppRootProps;
  return render(
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Routes>
        <Route
          path={`${PLUGIN_BASE_URL}/*`}
          element={
            <>
              <App {...props} />
              <CurrentPath />
            </>
          }
        />
      </Routes>
    </MemoryRouter>
  );
}

describe('App routes', () => {
  it.each([
    ['/search', 'Trace search', /TraceQL query builder/],
    ['/services', 'Services', /service dependency graph/],
    ['/compare', 'Compare trace sets', /slowest 5%/],
  ])('renders %s with what the page shows', async (route, heading, plannedLine) => {
    renderAt(`${PLUGIN_BASE_URL}${route}`);
    expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
    expect(screen.getByText(plannedLine)).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent(`${PLUGIN_BASE_URL}${route}`);
  });

  it('shows the trace id from the URL on the trace page', async () => {
    renderAt(`${PLUGIN_BASE_URL}/trace/0af7651916cd43dd8448eb211c80319c`);
    expect(await screen.findByRole('heading', { name: 'Trace analysis' })).toBeInTheDocument();
    expect(screen.getByText('0af7651916cd43dd8448eb211c80319c')).toBeInTheDocument();
  });

  it('sends unknown paths to the search page', async () => {
    renderAt(`${PLUGIN_BASE_URL}/no-such-page`);
    expect(await screen.findByRole('heading', { name: 'Trace search' })).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent(`${PLUGIN_BASE_URL}/search`);
  });
});
