import { fireEvent, screen, waitFor } from '@testing-library/react';
import { PLUGIN_BASE_URL } from '../../constants';
import { partialTraceWarning } from '../../data';
import type { TraceQuery, TraceSource } from '../../sources/types';
import { installRecordedBackend } from '../../../tests/support/recordedBackend';
import { renderApp } from '../../../tests/support/renderApp';
import { tableCells, tableRows } from '../../../tests/support/tables';
import { setTestSource } from '../../app/testing/sourceOverride';

jest.mock('../../sources', () => jest.requireActual('../../app/testing/sourceOverride').sourcesWithOverride());
// the flame graph draws on a canvas, which jsdom has not: a stand-in lists the fields it is given
jest.mock('@grafana/flamegraph', () => ({
  FlameGraph: ({ data }: { data: { fields: Array<{ name: string }> } }) =>
    jest
      .requireActual('react')
      .createElement('div', { 'data-testid': 'flame-graph' }, data.fields.map((f) => f.name).join(',')),
}));

const SLOW = { timeout: 10_000 };
const PARTIAL_ID = '862e40707a2b002c061be0fb0f2c677f';

/**
 * The real Jaeger source over recorded answers: every search answers with the recorded search of
 * auth-service (three traces rooted in frontend: 10.649, 63.663 and 44.540 ms), every trace is the
 * recorded v3 trace, and trace 862e40… comes back marked partial.
 */
function recordedJaeger(asked: TraceQuery[]): TraceSource {
  installRecordedBackend({ jaeger: ['jaeger-api-search-service', 'jaeger-api-trace-v3'] });
  const { createTraceSource } = jest.requireActual('../../sources');
  const real: TraceSource = createTraceSource({ uid: 'jaeger', type: 'jaeger' });
  const partial = partialTraceWarning(
    { target: real.target, path: `api/v3/traces/${PARTIAL_ID}` },
    'the trace was cut'
  );
  return {
    ...real,
    search: (query, options, request) => {
      asked.push(query);
      return real.search({ filter: { service: 'auth-service' } }, options, request);
    },
    traceById: async (id, range, request) => {
      const fetched = await real.traceById(id, range, request);
      return id === PARTIAL_ID ? { ...fetched, partial } : fetched;
    },
  };
}

describe('Compare page on Jaeger', () => {
  it('splits a root operation found by a structured search, and lists partial and repaired traces', async () => {
    const asked: TraceQuery[] = [];
    setTestSource(recordedJaeger(asked));
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&svc=frontend&op=GET%20%2Fcheckout`);
    // of the three traces rooted in frontend, two are GET /checkout; the slowest 5% is one trace
    expect(
      await screen.findByText(/Slow set: 1 traces \(≥ 63\.663 ms\); baseline: 1 traces\./, {}, SLOW)
    ).toHaveTextContent('1 traces found had another root (or none yet) and are left out.');
    expect(asked).toEqual([{ filter: { service: 'frontend', spanName: 'GET /checkout' } }]);
    expect(await screen.findByText('1 partial trace in the comparison', {}, SLOW)).toBeInTheDocument();
    expect(
      screen.getByText(/Jaeger \(datasource "jaeger"\) returned only part of this trace: the trace was cut\./)
    ).toBeInTheDocument();
    expect(screen.getByText('2 traces needed repairs')).toBeInTheDocument();
    // listed, with a link, among the partial traces and among the repaired ones
    expect(screen.getAllByRole('link', { name: '862e40707a2b002c' })).toHaveLength(2);
    await screen.findByRole('table', { name: 'Differences, largest first' }, SLOW);
    expect(tableRows('Differences, largest first').length).toBeGreaterThan(0);
    expect(screen.queryByRole('radio', { name: 'Two queries' })).not.toBeInTheDocument();
    // both sides hold the same recorded trace: a diff flame graph (critical path first), no changed call path
    expect(screen.getByRole('heading', { name: 'Call tree, slow vs baseline' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Critical-path time' })).toBeChecked();
    expect(await screen.findByTestId('flame-graph', {}, SLOW)).toHaveTextContent(
      'level,value,self,label,valueRight,selfRight'
    );
    expect(screen.queryByRole('table', { name: 'Call paths that changed most' })).not.toBeInTheDocument();
  });

  it('does not compare TraceQL queries on Jaeger, and says so', async () => {
    setTestSource(recordedJaeger([]));
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&mode=queries&slowQ=%7B%7D&baseQ=%7B%7D`);
    expect(
      await screen.findByText(
        /The link asked to compare traces chosen by TraceQL, which this source cannot run/,
        {},
        SLOW
      )
    ).toBeInTheDocument();
    expect(screen.getByText('Jaeger searches one service at a time: pick a root service.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Compare' })).toBeDisabled();
  });

  it('asks what to compare before searching', async () => {
    const asked: TraceQuery[] = [];
    setTestSource(recordedJaeger(asked));
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger`);
    expect(
      await screen.findByText(/Pick a root service and span name to compare its slowest traces/, {}, SLOW)
    ).toHaveTextContent('Up to 200 traces are fetched');
    expect(screen.queryByText(/Slow set:/)).not.toBeInTheDocument();
    expect(asked).toEqual([]);
  });

  it('regroups the loaded traces by service without searching again', async () => {
    const asked: TraceQuery[] = [];
    setTestSource(recordedJaeger(asked));
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&svc=frontend&op=GET%20%2Fcheckout`);
    // the second cell: "service: span name" by operation, the service alone by service
    const labels = () => tableCells('Differences, largest first').map((cells) => cells[1]);
    await screen.findByRole('table', { name: 'Differences, largest first' }, SLOW);
    expect(labels()).toContain('frontend: GET /checkout');
    fireEvent.click(screen.getByRole('radio', { name: 'Service' }));
    await waitFor(() => expect(labels()).toContain('frontend'));
    expect(labels().filter((label) => label?.includes(': '))).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});
