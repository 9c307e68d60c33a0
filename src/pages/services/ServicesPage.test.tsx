import { screen, within } from '@testing-library/react';
import { PLUGIN_BASE_URL } from '../../constants';
import { installFakeBackend } from '../../../tests/support/backendSrv';
import { recordedSequence } from '../../../tests/support/recorded';
import { recordedAnswer, upstreamDown } from '../../../tests/support/recordedBackend';
import { loadPages, renderApp } from '../../../tests/support/renderApp';
import { tableCells } from '../../../tests/support/tables';
import { user } from '../../../tests/support/user';
import { inZhHans } from '../../../tests/support/i18n';

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
// jsdom has no layout: charts observe a width that stays 0, so they draw their caption only
beforeAll(() => {
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

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

/**
 * Prometheus answers the metric-name lookup and the connector's queries (instant, and the charts'
 * range queries) with what Prometheus 2 answered (tests/integration/record-latency-fixtures.ts; the
 * recorded range written `[R]`, as the page asks over its own range), anything else upstream-down:
 * span metrics and Jaeger fail.
 */
function installConnectorBackend() {
  const answers = ['names', 'by-service', 'by-operation', 'over-time-by-service', 'over-time-by-operation'].flatMap(
    (what) => recordedSequence(`latency-prom2-${what}`)
  );
  // instant and range queries share expressions: the key is the path and the normalised query
  const normalised = (path: string, query: string) => `${path}?${query.replace(/\[\d+m?s\]/g, '[R]')}`;
  const byQuery = new Map(
    answers.map((a) => {
      const [path, params] = a.request.split('?');
      return [normalised(path, new URLSearchParams(params).get('query') ?? ''), a];
    })
  );
  installFakeBackend((request) => {
    const path = request.url.replace('/api/datasources/proxy/uid/prometheus/', '');
    if (path === 'api/v1/label/__name__/values') {
      return recordedAnswer(request, answers[0]);
    }
    const answer = byQuery.get(normalised(path, String(request.params?.query)));
    return answer ? recordedAnswer(request, answer) : upstreamDown(request);
  });
}

describe('Services page with the TraceLens connector’s metrics', () => {
  it('shows self-time and critical-path shares per service and per operation of the chosen service', async () => {
    installConnectorBackend();
    renderApp(`${PLUGIN_BASE_URL}/services?ds=jaeger&${RANGE}&service=user-service`);
    const perService = 'Self time and critical path per service';
    await screen.findByRole('table', { name: perService });
    // shares of the recorded rates, e.g. self time: user-service 0.009649… of 0.032464… s/s = 29.7%
    expect(tableCells(perService).map((cells) => cells.slice(0, 5))).toEqual([
      ['api-gateway', '17.7%', '–', '18.7%', '–'],
      ['auth-service', '24.7%', '–', '16.8%', '–'],
      ['frontend', '15.5%', '–', '20.9%', '–'],
      ['order-worker', '12.3%', '–', '16.1%', '–'],
      ['user-service', '29.7%', '–', '27.5%', '–'],
    ]);
    // Jaeger is down here: the sample is missing, and a line says why
    expect(screen.getAllByText(/^The sample of fetched traces could not be loaded: /)[0]).toBeInTheDocument();
    const operations = 'Self time and critical path of user-service’s operations';
    await screen.findByRole('table', { name: operations });
    // GET 0.002382… and SELECT 0.007266… s/s of self time: 24.7% and 75.3%
    expect(tableCells(operations).map((cells) => cells.slice(0, 2))).toEqual([
      ['GET /users/{id}', '24.7%'],
      ['SELECT users', '75.3%'],
    ]);
    // the rates over time, charted per service and per operation (recorded series, so not "No data")
    for (const chart of [
      'Self time per service, all traffic (s/s)',
      'Critical-path time per service, all traffic (s/s)',
      'Self time per operation, all traffic (s/s)',
      'Critical-path time per operation, all traffic (s/s)',
    ]) {
      expect(await screen.findByRole('figure', { name: chart })).not.toHaveTextContent('No data in this time range.');
    }
  });

  it('says how to get them when Prometheus holds none', async () => {
    installFakeBackend((request) =>
      request.url.endsWith('/api/v1/label/__name__/values')
        ? recordedAnswer(request, 'prom-label-names')
        : upstreamDown(request)
    );
    renderApp(`${PLUGIN_BASE_URL}/services?ds=jaeger&${RANGE}`);
    expect(await screen.findByTestId('no-latency-metrics')).toHaveTextContent(
      'No TraceLens connector metrics in this Prometheus: add the tracelens_latency connector to your OpenTelemetry Collector (see collector/README.md in the TraceLens repository) to see self time and critical path for all traffic.'
    );
  });
});

describe('Services page in Simplified Chinese', () => {
  inZhHans();

  it('titles the page, says where the edges come from, and names the failed span metrics', async () => {
    installBackend();
    renderApp(`${PLUGIN_BASE_URL}/services?ds=jaeger&${RANGE}`);
    expect(await screen.findByRole('heading', { level: 2 })).toHaveTextContent('服务');
    const alert = await screen.findByRole('alert', { name: '没有可显示的跨度指标' });
    expect(alert).toHaveTextContent('Prometheus 数据源“prometheus” 无法访问或尚未就绪（502）：upstream down。');
    expect(await screen.findByTestId('edge-source')).toHaveTextContent(
      '边来自 Jaeger 的依赖关系 API：仅有时间范围内的调用次数，没有错误或延迟。'
    );
    await user.click(screen.getByRole('button', { name: '服务 api-gateway' }));
    expect(screen.getByRole('region', { name: '服务 api-gateway' })).toHaveTextContent(
      '整个服务的图表；在表格中选择一个操作可单独查看它的图表。'
    );
  });

  it('words the connector tables, the missing sample and the charts', async () => {
    installConnectorBackend();
    renderApp(`${PLUGIN_BASE_URL}/services?ds=jaeger&${RANGE}&service=user-service`);
    const perService = '各服务的自身耗时和关键路径';
    const table = await screen.findByRole('table', { name: perService });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent)
    ).toEqual([
      '服务',
      '自身耗时，全部流量',
      '自身耗时，样本',
      '关键路径，全部流量',
      '关键路径，样本',
      '自身耗时 p50',
      '自身耗时 p95',
      '关键路径 p50',
      '关键路径 p95',
    ]);
    expect(screen.getAllByText(/^无法加载已获取追踪的样本：/)[0]).toBeInTheDocument();
    expect(await screen.findByRole('figure', { name: '各服务的自身耗时，全部流量（s/s）' })).toBeInTheDocument();
  });
});
