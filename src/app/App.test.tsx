import React from 'react';
import { Observable, of, throwError } from 'rxjs';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { BackendSrv, BackendSrvRequest, setBackendSrv } from '@grafana/runtime';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from './App';
import { PLUGIN_BASE_URL } from '../constants';
import { recorded, wireText } from '../data/recorded';
import { installFakeDatasources } from './testing/fakeDatasources';

function CurrentPath() {
  return <output data-testid="path">{useLocation().pathname}</output>;
}

/** Backend whose datasource proxy answers trace-by-id with the recorded Tempo trace and fails the rest (502). */
function fakeBackend(): BackendSrv {
  const trace = recorded('tempo-trace-v2');
  const fetch = (options: BackendSrvRequest): Observable<unknown> =>
    /\/api\/v2\/traces\//.test(options.url)
      ? of({ status: 200, ok: true, data: wireText(trace), config: options })
      : throwError(() => ({
          status: 502,
          statusText: 'Bad Gateway',
          data: { message: 'upstream down' },
          config: options,
        }));
  return { fetch } as unknown as BackendSrv;
}

function renderAt(path: string) {
  setBackendSrv(fakeBackend());
  installFakeDatasources();
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
    ['/search', 'Trace search', /Pick a service, span name or attribute/],
    [
      '/services',
      'Services',
      /Prometheus \(datasource "prometheus"\) is unreachable or not ready \(502\): upstream down/,
    ],
    ['/compare', 'Compare trace sets', /compare its slowest traces with the rest/],
  ])('renders %s with what the page shows', async (route, heading, line) => {
    renderAt(`${PLUGIN_BASE_URL}${route}`);
    expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
    expect(await screen.findByText(line, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent(`${PLUGIN_BASE_URL}${route}`);
  });

  it('analyses the recorded trace on the trace page: summary, waterfall, span details', async () => {
    renderAt(`${PLUGIN_BASE_URL}/trace/0af7651916cd43dd8448eb211c80319c?span=a18c41e10cd9166c`);
    expect(await screen.findByRole('heading', { name: 'Trace 0af7651916cd43dd8448eb211c80319c' })).toBeInTheDocument();
    // The order-worker consumer ends 18.467 ms after the root starts, outliving the 11.394 ms root.
    expect(await screen.findByTestId('summary-duration')).toHaveTextContent('18.5 ms');
    expect(screen.getByTestId('summary-spans')).toHaveTextContent('10');
    expect(screen.getByTestId('summary-services')).toHaveTextContent('5');
    expect(screen.getAllByTestId('waterfall-row')).toHaveLength(10);
    const details = screen.getByTestId('span-details');
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent('user-service: SELECT users');
    // a leaf: self time = duration = 3.241 ms
    expect(within(details).getByText('self time').nextSibling).toHaveTextContent('3.24 ms');
    // the root's self time: 11.394 − 9.347 ms of its only child
    await userEvent.click(screen.getByRole('option', { name: 'frontend GET /checkout' }));
    expect(within(screen.getByTestId('span-details')).getByText('self time').nextSibling).toHaveTextContent('2.05 ms');
    expect(screen.getByText(/Percentiles unavailable/)).toBeInTheDocument();
  });

  it("opens a query the builder cannot show in the TraceQL editor, and Tempo's failure inline", async () => {
    renderAt(`${PLUGIN_BASE_URL}/search?q=${encodeURIComponent('{ span.http.route =~ "/api/.*" }')}`);
    expect(await screen.findByLabelText('TraceQL query')).toHaveValue('{ span.http.route =~ "/api/.*" }');
    expect(await screen.findByText(/Tempo \(datasource "tempo"\) is unreachable or not ready \(502\)/)).toBeInTheDocument();
  });

  it('says why a trace cannot be loaded', async () => {
    renderAt(`${PLUGIN_BASE_URL}/trace/zz`);
    expect(await screen.findByText(/'zz' is not a trace id/)).toBeInTheDocument();
  });

  it('sends unknown paths to the search page', async () => {
    renderAt(`${PLUGIN_BASE_URL}/no-such-page`);
    expect(await screen.findByRole('heading', { name: 'Trace search' })).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent(`${PLUGIN_BASE_URL}/search`);
  });
});
