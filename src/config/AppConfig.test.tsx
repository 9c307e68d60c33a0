import React from 'react';
import { of, throwError } from 'rxjs';
import { AppPluginMeta, PluginConfigPageProps, PluginType } from '@grafana/data';
import { BackendSrv, setBackendSrv } from '@grafana/runtime';
import { render, screen, waitFor } from '@testing-library/react';
import { user } from '../../tests/support/user';
import AppConfig from './AppConfig';
import { AppSettings } from '../app/settings';
import { reloadPage } from './reloadPage';
import { installFakeDatasources } from '../../tests/support/datasources';

jest.mock('./reloadPage', () => ({ reloadPage: jest.fn() }));

/**
 * Renders the page and waits until its diagnostics have run: their answers re-render the form, and
 * must not land in the middle of a test's typing or after the test (act warnings).
 */
async function setup(jsonData: AppSettings, fetch: jest.Mock) {
  setBackendSrv({ fetch } as unknown as BackendSrv);
  installFakeDatasources();
  const props = {
    plugin: { meta: { id: 'tracelens-analysis-app', type: PluginType.app, enabled: true, pinned: true, jsonData } },
    query: {},
  } as unknown as PluginConfigPageProps<AppPluginMeta<AppSettings>>;
  render(<AppConfig {...props} />);
  await waitFor(() => expect(screen.queryByText(/^Checking the trace datasource/)).not.toBeInTheDocument());
}

describe('AppConfig', () => {
  beforeEach(() => jest.mocked(reloadPage).mockReset());

  it('shows the saved settings', async () => {
    await setup(
      { tempoDatasourceUid: 'tempo', prometheusDatasourceUid: 'prometheus', maxTracesForAggregate: 50 },
      jest.fn()
    );
    const [tempoPicker, prometheusPicker] = screen.getAllByLabelText('Data source picker select container');
    expect(tempoPicker).toHaveTextContent('Tempo');
    expect(prometheusPicker).toHaveTextContent('Prometheus');
    expect(screen.getByLabelText(/^Traces fetched for an aggregate/)).toHaveValue('50');
    expect(screen.getByLabelText(/^Naming scheme/)).toHaveValue('Detect automatically');
  });

  it('takes a Jaeger datasource for traces and runs the Jaeger checks on it', async () => {
    const fetch = jest.fn(() => throwError(() => ({ status: 502, data: { message: 'upstream down' } })));
    await setup({ tempoDatasourceUid: 'jaeger', prometheusDatasourceUid: 'prometheus' }, fetch);
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
    const fetch = jest.fn(() => of({ status: 200, data: {} }));
    await setup({ tempoDatasourceUid: 'tempo', prometheusDatasourceUid: 'prometheus' }, fetch);
    const input = screen.getByLabelText(/^Traces fetched for an aggregate/);
    await user.clear(input);
    await user.type(input, '300');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
    expect(fetch).toHaveBeenCalledWith(
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
      })
    );
  });

  it('refuses a limit that is not a whole number in range, saying why', async () => {
    const fetch = jest.fn();
    await setup({}, fetch);
    const input = screen.getByLabelText(/^Traces fetched for an aggregate/);
    await user.clear(input);
    await user.type(input, '5000');
    expect(screen.getByText(/Choose between 1 and 1000 traces/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
    await user.clear(input);
    await user.type(input, '2.5');
    expect(screen.getByText(/Enter a whole number of traces/)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('explains a refused save and keeps the form usable', async () => {
    const fetch = jest.fn(() => throwError(() => ({ status: 403, data: { message: 'Permission denied' } })));
    await setup({}, fetch);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/not allowed to change this app’s settings/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeEnabled();
    expect(reloadPage).not.toHaveBeenCalled();
  });
});
