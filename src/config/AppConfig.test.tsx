import React from 'react';
import { AppPluginMeta, PluginConfigPageProps, PluginType } from '@grafana/data';
import { render, screen, waitFor } from '@testing-library/react';
import { user } from '../../tests/support/user';
import AppConfig from './AppConfig';
import { AppSettings } from '../app/settings';
import { reloadPage } from './reloadPage';
import { installFakeDatasources } from '../../tests/support/datasources';
import { Fetch, fetchError, fetchResponse, installFakeBackend } from '../../tests/support/backendSrv';
import { upstreamDown } from '../../tests/support/recordedBackend';
import { inZhHans } from '../../tests/support/i18n';

jest.mock('./reloadPage', () => ({ reloadPage: jest.fn() }));

/**
 * Renders the page and waits until its diagnostics have run: their answers re-render the form, and
 * must not land in the middle of a test's typing or after the test (act warnings).
 */
async function setup(jsonData: AppSettings, answer: Fetch = upstreamDown) {
  const { requests } = installFakeBackend(answer);
  installFakeDatasources();
  const props = {
    plugin: { meta: { id: 'tracelens-analysis-app', type: PluginType.app, enabled: true, pinned: true, jsonData } },
    query: {},
  } as unknown as PluginConfigPageProps<AppPluginMeta<AppSettings>>;
  render(<AppConfig {...props} />);
  await waitFor(() => expect(screen.queryByText(/^Checking the trace datasource/)).not.toBeInTheDocument());
  return requests;
}

describe('AppConfig', () => {
  beforeEach(() => jest.mocked(reloadPage).mockReset());

  it('shows the saved settings', async () => {
    await setup({ tempoDatasourceUid: 'tempo', prometheusDatasourceUid: 'prometheus', maxTracesForAggregate: 50 });
    const [tempoPicker, prometheusPicker] = screen.getAllByLabelText('Data source picker select container');
    expect(tempoPicker).toHaveTextContent('Tempo');
    expect(prometheusPicker).toHaveTextContent('Prometheus');
    expect(screen.getByLabelText(/^Traces fetched for an aggregate/)).toHaveValue('50');
    expect(screen.getByLabelText(/^Naming scheme/)).toHaveValue('Detect automatically');
  });

  it('takes a Jaeger datasource for traces and runs the Jaeger checks on it', async () => {
    await setup({ tempoDatasourceUid: 'jaeger', prometheusDatasourceUid: 'prometheus' });
    expect(screen.getAllByLabelText('Data source picker select container')[0]).toHaveTextContent('Jaeger');
    const check = await screen.findByTestId('check-jaeger');
    expect(check).toHaveAttribute('data-status', 'error');
    expect(check).toHaveTextContent('Jaeger answers /api/services');
    expect(check).toHaveTextContent(
      /How to fix: Check the Jaeger datasource URL \(Jaeger's query API listens on port 16686/
    );
    expect(screen.getByTestId('check-tag-search')).toHaveTextContent('Skipped: Jaeger is not reachable.');
  });

  it('saves the settings through the plugin settings API and reloads', async () => {
    // Grafana's answer to a settings update (not recorded); the datasources are down
    const requests = await setup({ tempoDatasourceUid: 'tempo', prometheusDatasourceUid: 'prometheus' }, (request) =>
      request.method === 'POST' ? fetchResponse(request, { message: 'Plugin settings updated' }) : upstreamDown(request)
    );
    const input = screen.getByLabelText(/^Traces fetched for an aggregate/);
    await user.clear(input);
    await user.type(input, '300');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
    expect(requests.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({
        url: '/api/plugins/tracelens-analysis-app/settings',
        method: 'POST',
        data: {
          enabled: true,
          pinned: true,
          jsonData: {
            tempoDatasourceUid: 'tempo',
            prometheusDatasourceUid: 'prometheus',
            spanMetricsScheme: 'auto',
            maxTracesForAggregate: 300,
          },
        },
      }),
    ]);
  });

  it('refuses a limit that is not a whole number in range, saying why', async () => {
    const requests = await setup({});
    const input = screen.getByLabelText(/^Traces fetched for an aggregate/);
    await user.clear(input);
    await user.type(input, '5001');
    expect(screen.getByText(/Choose between 1 and 5000 traces/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
    await user.clear(input);
    await user.type(input, '2.5');
    expect(screen.getByText(/Enter a whole number of traces/)).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('explains a refused save and keeps the form usable', async () => {
    // Grafana's answer to a Viewer's settings update (not recorded)
    await setup({}, (request) => fetchError(request, 403, { message: 'Permission denied' }, 'Forbidden'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/not allowed to change this app’s settings/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeEnabled();
    expect(reloadPage).not.toHaveBeenCalled();
  });
});

describe('AppConfig in Simplified Chinese', () => {
  inZhHans();
  beforeEach(() => jest.mocked(reloadPage).mockReset());

  /** `setup`, then until the diagnostics have run (the Chinese loading text is gone) */
  const setupZh = async (jsonData: AppSettings, answer?: Fetch) => {
    await setup(jsonData, answer);
    await waitFor(() => expect(screen.queryByText(/^正在检查追踪数据源/)).not.toBeInTheDocument());
  };

  it('labels the form and words each failed check with its fix', async () => {
    await setupZh({ tempoDatasourceUid: 'jaeger', prometheusDatasourceUid: 'prometheus' });
    expect(screen.getByRole('group', { name: '数据源' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^汇总时获取的追踪数/)).toHaveValue('200');
    const check = await screen.findByTestId('check-jaeger');
    expect(check).toHaveTextContent('Jaeger 响应 /api/services');
    expect(check).toHaveTextContent(/修复方法：请检查 Jaeger 数据源 URL（Jaeger 的查询 API 默认监听 16686 端口）/);
    expect(screen.getByTestId('check-tag-search')).toHaveTextContent('已跳过：无法连接 Jaeger。');
    expect(screen.getByRole('button', { name: '重新运行检查' })).toBeInTheDocument();
  });

  it('explains a refused save in Chinese', async () => {
    await setupZh({}, (request) => fetchError(request, 403, { message: 'Permission denied' }, 'Forbidden'));
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText('你无权更改此应用的设置：请联系 Grafana 管理员。')).toBeInTheDocument();
    expect(screen.getByText('设置未保存')).toBeInTheDocument();
  });
});
