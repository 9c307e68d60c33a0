import { fireEvent, screen, waitFor } from '@testing-library/react';
import { PLUGIN_BASE_URL } from '../../constants';
import { DataError, partialTraceWarning } from '../../data';
import { inZhHans } from '../../../tests/support/i18n';
import { stubIntersectionObserver } from '../../../tests/support/intersectionObserver';
import { user } from '../../../tests/support/user';
import type { TraceQuery, TraceSource } from '../../sources/types';
import { installRecordedBackend } from '../../../tests/support/recordedBackend';
import { renderApp } from '../../../tests/support/renderApp';
import { tableCells, tableRows } from '../../../tests/support/tables';
import { cancelFromLine, untilCancelled } from '../../app/testing/coverage';
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
stubIntersectionObserver();
const urlParam = (name: string) => new URLSearchParams(screen.getByTestId('location-search').textContent!).get(name);
const PARTIAL_ID = '862e40707a2b002c061be0fb0f2c677f';

/**
 * The real Jaeger source over recorded answers: every search answers with the recorded search of
 * auth-service (three traces, two rooted in frontend GET /checkout: 10.649 and 63.663 ms), every
 * trace is the recorded v3 trace (10 spans), and trace 862e40… comes back marked partial — or, with
 * `hang`, never comes until its request is cancelled. `limits` records each search's limit.
 */
function recordedJaeger(asked: TraceQuery[], limits: number[] = [], hang = false): TraceSource {
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
      limits.push(options.limit);
      return real.search({ filter: { service: 'auth-service' } }, options, request);
    },
    traceById: async (id, range, request) => {
      if (hang && id === PARTIAL_ID) {
        return untilCancelled(request);
      }
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
      await screen.findByText(/Slow set: 1 trace \(≥ 63\.663 ms\); baseline: 1 trace\./, {}, SLOW)
    ).toBeInTheDocument();
    expect(asked).toEqual([{ filter: { service: 'frontend', spanName: 'GET /checkout' } }]);
    // what the comparison is computed from: 2 traces of 10 spans, the third listed has another root
    const coverage = await screen.findByText(
      '2 of 3 matching traces used · 1 with another root (or none yet) left out · 1 partial · 20 spans (whole traces) · Last 1 hour',
      {},
      SLOW
    );
    expect(coverage).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show traces not fully used (1)' }));
    expect(screen.getByRole('list', { name: 'Traces not fully used' })).toHaveTextContent(
      'Partial: 862e40707a2b002c — Jaeger (datasource "jaeger") returned only part of this trace: the trace was cut.'
    );
    expect(await screen.findByText('2 traces needed repairs', {}, SLOW)).toBeInTheDocument();
    // listed, with a link, among the partial traces and among the repaired ones
    expect(screen.getAllByRole('link', { name: '862e40707a2b002c' })).toHaveLength(2);
    // 3 listed of a limit of 200: no larger sample to offer
    expect(screen.queryByRole('button', { name: /^Use \d+ traces$/ })).not.toBeInTheDocument();
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

  it('offers a larger sample when the search stopped at its limit, and searches again with it', async () => {
    const limits: number[] = [];
    setTestSource(recordedJaeger([], limits));
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&svc=frontend&op=GET%20%2Fcheckout&n=3`);
    expect(
      await screen.findByText(
        '2 of 3+ matching traces used · the search stopped at its limit of 3 · 1 with another root (or none yet) left out · 1 partial · 20 spans (whole traces) · Last 1 hour',
        {},
        SLOW
      )
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Use 6 traces' }));
    await waitFor(() => expect(limits).toEqual([3, 6]));
    expect(new URLSearchParams(screen.getByTestId('location-search').textContent!).get('n')).toBe('6');
  });

  it('shows fetch progress, and compares what came in once cancelled', async () => {
    setTestSource(recordedJaeger([], [], true));
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&svc=frontend&op=GET%20%2Fcheckout`);
    // the fast trace comes, the slow one (862e40…) hangs
    await cancelFromLine(
      'Fetching traces: 1 of 2',
      '1 of 3 matching traces used · 1 with another root (or none yet) left out · 1 not fetched (cancelled) · 10 spans (whole traces) · Last 1 hour'
    );
    // the slow side is empty: nothing to compare
    expect(screen.queryByRole('table', { name: 'Differences, largest first' })).not.toBeInTheDocument();
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

  it('groups by an attribute key picked from the loaded traces (Jaeger lists none), without searching again', async () => {
    const asked: TraceQuery[] = [];
    setTestSource(recordedJaeger(asked));
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&svc=frontend&op=GET%20%2Fcheckout`);
    const labels = () => tableCells('Differences, largest first').map((cells) => cells[1]);
    await screen.findByRole('table', { name: 'Differences, largest first' }, SLOW);
    fireEvent.click(screen.getByRole('radio', { name: 'Attribute' }));
    expect(await screen.findByText('Pick an attribute key')).toBeInTheDocument();
    expect(urlParam('group')).toBe('attribute');
    // jsdom lays nothing out: the Combobox menu's virtual list renders options only in a box with a size
    const height = jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(240);
    const width = jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(240);
    await user.click(screen.getByRole('combobox', { name: 'Attribute key' }));
    await user.click(await screen.findByRole('option', { name: 'db.system' }, SLOW));
    height.mockRestore();
    width.mockRestore();
    await waitFor(() => expect(urlParam('groupAttr')).toBe('db.system'));
    // the recorded trace's one query span is postgresql; every other span lacks db.system
    await waitFor(() => expect([...labels()].sort()).toEqual(['(none)', 'postgresql']));
    expect(asked).toHaveLength(1);
  });

  it('switches the critical path to synchronous blocking only in the URL and in trace links, without searching again', async () => {
    const asked: TraceQuery[] = [];
    setTestSource(recordedJaeger(asked));
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&svc=frontend&op=GET%20%2Fcheckout`);
    await screen.findByRole('table', { name: 'Differences, largest first' }, SLOW);
    fireEvent.click(screen.getByRole('radio', { name: 'Synchronous blocking only' }));
    await waitFor(() =>
      expect(new URLSearchParams(screen.getByTestId('location-search').textContent!).get('path')).toBe('sync')
    );
    await screen.findByRole('table', { name: 'Differences, largest first' }, SLOW);
    const traceLinks = screen.getAllByRole('link').filter((l) => l.getAttribute('href')?.includes('/trace/'));
    expect(traceLinks.length).toBeGreaterThan(0);
    traceLinks.forEach((l) => expect(l.getAttribute('href')).toContain('path=sync'));
    expect(asked).toHaveLength(1);
  });
});

describe('Compare page in Simplified Chinese', () => {
  inZhHans();

  it('titles the page, counts the sets and the repaired traces in Chinese plurals', async () => {
    setTestSource(recordedJaeger([]));
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&svc=frontend&op=GET%20%2Fcheckout`);
    expect(await screen.findByRole('heading', { name: '比较追踪集' })).toBeInTheDocument();
    expect(
      await screen.findByText('慢追踪集：1 个追踪（≥ 63.663 ms）；基线：1 个追踪。', {}, SLOW)
    ).toBeInTheDocument();
    expect(await screen.findByText('2 个追踪需要修复', {}, SLOW)).toBeInTheDocument();
    // each trace's first repair, worded in Chinese (components/warningText.ts), after its linked id
    expect(screen.getAllByText(': 1 个跨度在其父跨度之后结束（异步工作）；保持原样')).toHaveLength(2);
    await screen.findByRole('table', { name: '差异，从大到小' }, SLOW);
    expect(screen.getByRole('heading', { name: '调用树：慢追踪与基线' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '属性' })).toBeInTheDocument();
  });

  it('titles a failed search in Chinese', async () => {
    const failing = recordedJaeger([]);
    setTestSource({
      ...failing,
      search: async () => {
        throw new DataError('unreachable', 'Jaeger (datasource "jaeger") is unreachable.');
      },
    });
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&svc=frontend`);
    const alert = await screen.findByRole('alert', { name: '搜索失败' }, SLOW);
    // the data layer's message stays English for now
    expect(alert).toHaveTextContent('Jaeger (datasource "jaeger") is unreachable.');
  });
});
