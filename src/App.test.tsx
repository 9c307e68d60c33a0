import { screen, within } from '@testing-library/react';
import { config } from '@grafana/runtime';
import { PLUGIN_BASE_URL } from './constants';
import { installRecordedBackend } from '../tests/support/recordedBackend';
import { loadPages, renderApp } from '../tests/support/renderApp';
import { user } from '../tests/support/user';

/** Every trace is the recorded one (Tempo v2, Jaeger v3); every other request fails with 502. */
function renderAt(path: string) {
  installRecordedBackend({ tempo: ['tempo-trace-v2'], jaeger: ['jaeger-api-trace-v3'] });
  return renderApp(path);
}

describe('App routes', () => {
  const signedInOrg = config.bootData.user.orgId;
  beforeAll(loadPages);
  afterEach(() => {
    config.bootData.user.orgId = signedInOrg;
  });

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
    expect(await screen.findByText(line)).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent(`${PLUGIN_BASE_URL}${route}`);
  });

  it('analyses the recorded trace on the trace page: summary, waterfall, span details', async () => {
    renderAt(`${PLUGIN_BASE_URL}/trace/0af7651916cd43dd8448eb211c80319c?span=a18c41e10cd9166c`);
    expect(await screen.findByRole('heading', { name: 'Trace 0af7651916cd43dd8448eb211c80319c' })).toBeInTheDocument();
    // The order-worker consumer ends 18.467 ms after the root starts, outliving the 11.394 ms root.
    expect(await screen.findByTestId('summary-duration')).toHaveTextContent('18.5 ms');
    expect(screen.getByTestId('summary-spans')).toHaveTextContent('10');
    expect(screen.getByTestId('summary-services')).toHaveTextContent('5');
    // the waterfall renders a frame after the summary above it
    expect(await screen.findAllByTestId('waterfall-row')).toHaveLength(10);
    const details = screen.getByTestId('span-details');
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent('user-service: SELECT users');
    // a leaf: self time = duration = 3.241 ms
    expect(within(details).getByText('self time').nextSibling).toHaveTextContent('3.24 ms');
    // the root's self time: 11.394 − 9.347 ms of its only child
    await user.click(screen.getByRole('option', { name: 'frontend GET /checkout' }));
    expect(within(screen.getByTestId('span-details')).getByText('self time').nextSibling).toHaveTextContent('2.05 ms');
    expect(screen.getByText(/Percentiles unavailable/)).toBeInTheDocument();
  });

  it("opens a query the builder cannot show in the TraceQL editor, and Tempo's failure inline", async () => {
    renderAt(`${PLUGIN_BASE_URL}/search?q=${encodeURIComponent('{ span.http.route =~ "/api/.*" }')}`);
    expect(await screen.findByLabelText('TraceQL query')).toHaveValue('{ span.http.route =~ "/api/.*" }');
    expect(
      await screen.findByText(/Tempo \(datasource "tempo"\) is unreachable or not ready \(502\)/)
    ).toBeInTheDocument();
  });

  it('says why a trace cannot be loaded', async () => {
    renderAt(`${PLUGIN_BASE_URL}/trace/zz`);
    expect(await screen.findByText(/'zz' is not a trace id/)).toBeInTheDocument();
  });

  it("analyses a Jaeger trace on the trace page, the datasource chosen by `ds`; Explore opens in the user's org", async () => {
    config.bootData.user.orgId = 7;
    renderAt(`${PLUGIN_BASE_URL}/trace/862e40707a2b002c061be0fb0f2c677f?ds=jaeger`);
    // Jaeger's v3 answer, recorded: 10 spans of 5 services over 63.663 ms
    expect(await screen.findByTestId('summary-duration')).toHaveTextContent('63.7 ms');
    expect(screen.getByTestId('summary-spans')).toHaveTextContent('10');
    expect(screen.getByTestId('summary-services')).toHaveTextContent('5');
    const href = screen.getByRole('link', { name: 'Open in Explore' }).getAttribute('href')!;
    const params = new URLSearchParams(href.split('?')[1]);
    expect(params.get('orgId')).toBe('7');
    const panes = JSON.parse(params.get('panes')!);
    expect(panes.a.datasource).toBe('jaeger');
    expect(panes.a.queries).toEqual([
      { refId: 'A', datasource: { uid: 'jaeger', type: 'jaeger' }, query: '862e40707a2b002c061be0fb0f2c677f' },
    ]);
  });

  it('reads the old `tempo` parameter of earlier links', async () => {
    renderAt(`${PLUGIN_BASE_URL}/search?tempo=jaeger`);
    expect(await screen.findByText('Pick a service, operation or tags above and run the query.')).toBeInTheDocument();
    expect(screen.queryByLabelText('TraceQL query')).not.toBeInTheDocument();
  });

  it.each([
    ['nope', 'There is no datasource with uid "nope". Pick a Tempo or Jaeger datasource above'],
    ['loki', 'Datasource "loki" is of type "loki": TraceLens reads traces from Tempo and Jaeger datasources.'],
  ])('says why datasource %s cannot be read, on every page', async (uid, text) => {
    for (const route of ['/search', '/compare', '/trace/862e40707a2b002c061be0fb0f2c677f']) {
      const { unmount } = renderAt(`${PLUGIN_BASE_URL}${route}?ds=${uid}`);
      expect(
        await screen.findByText(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      ).toBeInTheDocument();
      unmount();
    }
  });

  it('sends unknown paths to the search page', async () => {
    renderAt(`${PLUGIN_BASE_URL}/no-such-page`);
    expect(await screen.findByRole('heading', { name: 'Trace search' })).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent(`${PLUGIN_BASE_URL}/search`);
  });
});
