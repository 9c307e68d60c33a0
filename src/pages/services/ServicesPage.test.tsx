import { screen, within } from '@testing-library/react';
import { PLUGIN_BASE_URL } from '../../constants';
import { installFakeBackend } from '../../../tests/support/backendSrv';
import { recordedAnswer, upstreamDown } from '../../../tests/support/recordedBackend';
import { loadPages, renderApp } from '../../../tests/support/renderApp';
import { user } from '../../../tests/support/user';

const RANGE = 'from=1796019980000&to=1796023580000';

/** Jaeger answers its dependencies with the recorded ones (over any range); Prometheus is down. */
const installBackend = () =>
  installFakeBackend((request) =>
    request.url === '/api/datasources/proxy/uid/jaeger/api/dependencies'
      ? recordedAnswer(request, 'jaeger-api-dependencies')
      : upstreamDown(request)
  );
const search = () => new URLSearchParams(screen.getByTestId('location-search').textContent!);

beforeAll(loadPages);

describe('Services page without span metrics, on Jaeger', () => {
  it('draws Jaeger’s dependencies and selects a service from the graph into the URL', async () => {
    installBackend();
    renderApp(`${PLUGIN_BASE_URL}/services?ds=jaeger&${RANGE}`);
    expect(await screen.findByText(/Prometheus \(datasource "prometheus"\) is unreachable/)).toBeInTheDocument();
    expect(await screen.findByTestId('edge-source')).toHaveTextContent('Edges from Jaeger’s dependencies API');

    await user.click(screen.getByRole('button', { name: 'Service api-gateway' }));
    expect(search().get('service')).toBe('api-gateway');
    const section = screen.getByRole('region', { name: 'Service api-gateway' });
    expect(within(section).getByRole('heading', { level: 3 })).toHaveTextContent('api-gateway');
    expect(section).toHaveTextContent(
      'Charts for the whole service; choose an operation in the table to chart it alone.'
    );
  });

  it('reads the selected service and operation from the URL', async () => {
    installBackend();
    renderApp(`${PLUGIN_BASE_URL}/services?ds=jaeger&${RANGE}&service=frontend&op=GET+%2Fcart`);
    const section = await screen.findByRole('region', { name: 'Service frontend' });
    expect(within(section).getByRole('heading', { level: 3 })).toHaveTextContent('frontend / GET /cart');
    expect(section).toHaveTextContent(
      'Charts for this operation; choose it again in the table to see the whole service.'
    );
  });
});
