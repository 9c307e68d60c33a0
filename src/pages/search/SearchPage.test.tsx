import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { user } from '../../../tests/support/user';
import { PLUGIN_BASE_URL } from '../../constants';
import { DataError, partialTraceWarning } from '../../data';
import { recorded, wireText } from '../../../tests/support/recorded';
import { recordedHits, recordedSource } from '../../loading/testing/recordedSource';
import { installRecordedBackend } from '../../../tests/support/recordedBackend';
import { renderApp } from '../../../tests/support/renderApp';
import { tableRows } from '../../../tests/support/tables';
import { cancelFromLine, untilCancelled } from '../../app/testing/coverage';
import { setTestSource } from '../../app/testing/sourceOverride';
import { inZhHans } from '../../../tests/support/i18n';
import { stubIntersectionObserver } from '../../../tests/support/intersectionObserver';

jest.mock('../../sources', () => jest.requireActual('../../app/testing/sourceOverride').sourcesWithOverride());

// a loaded 2-core machine: lazy pages, recorded traces parsed and analysed per row
const SLOW = { timeout: 10_000 };

const JAEGER = ['jaeger-api-services', 'jaeger-api-operations', 'jaeger-api-search-error', 'jaeger-api-trace-v3'];
const REPAIR = '1 span ends after its parent (asynchronous work); kept as it is';

stubIntersectionObserver();

/** Clicks "Run query"; the page's URL parameters then. */
async function runQuery() {
  await user.click(screen.getByRole('button', { name: 'Run query' }));
  return Object.fromEntries(new URLSearchParams(screen.getByTestId('location-search').textContent!));
}

describe('Search page on Jaeger', () => {
  it('shows the Jaeger form, no TraceQL, and fills rows from the structured search', async () => {
    const { requests } = installRecordedBackend({ jaeger: JAEGER });
    renderApp(`${PLUGIN_BASE_URL}/search?ds=jaeger&svc=frontend&attr=${encodeURIComponent('span.error=true')}`);
    // the recorded search for error=true in frontend holds one trace
    await screen.findByRole('table', { name: 'Traces found' }, SLOW);
    expect(tableRows('Traces found')).toHaveLength(1);
    expect(screen.getByLabelText(/^Tags/)).toHaveValue('error=true');
    expect(screen.getByLabelText('Most traces to find')).toHaveValue(20);
    expect(screen.getByText('Operation')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'TraceQL' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('traceql-preview')).not.toBeInTheDocument();
    const search = requests.find((r) => r.path === 'api/traces')!;
    expect(search.params).toMatchObject({ service: 'frontend', tags: '{"error":"true"}', limit: '20' });
    const [row] = tableRows('Traces found');
    // root, 44.540 ms, 10 spans, 5 of them errors (Jaeger's recorded answer)
    expect(row).toHaveTextContent(/frontend GET \/checkout.*44\.5 ms105/);
    // the trace, analysed: the engine's repair note reaches the row
    expect(await within(row).findByTestId('row-warnings', {}, SLOW)).toHaveAttribute('aria-label', REPAIR);
    // the recorded v3 trace has 10 spans; one trace for a limit of 20: nothing more to load
    expect(screen.getByTestId('coverage')).toHaveTextContent(
      '1 of 1 matching trace used · 10 spans (whole traces) · Last 1 hour'
    );
    expect(screen.queryByRole('button', { name: 'Load 20 more' })).not.toBeInTheDocument();
  });

  it('lists services and their operations from Jaeger and puts the form in the URL on Run', async () => {
    installRecordedBackend({ jaeger: JAEGER });
    renderApp(`${PLUGIN_BASE_URL}/search?ds=jaeger`);
    expect(
      await screen.findByText('Pick a service, operation or tags above and run the query.', {}, SLOW)
    ).toBeInTheDocument();
    // jsdom lays nothing out: the Combobox menu's virtual list renders options only in a box with a size
    const height = jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(240);
    const width = jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(240);
    await user.click(screen.getByRole('combobox', { name: /service/i }));
    await user.click(await screen.findByRole('option', { name: 'user-service' }, SLOW));
    await user.click(screen.getByRole('combobox', { name: /operation/i }));
    expect((await screen.findAllByRole('option', {}, SLOW)).map((o) => o.textContent)).toEqual([
      'GET /users/{id}',
      'SELECT users',
    ]);
    await user.click(screen.getByRole('option', { name: 'SELECT users' }));
    height.mockRestore();
    width.mockRestore();
    const limit = screen.getByLabelText('Most traces to find');
    await user.clear(limit);
    await user.type(limit, '5');
    await user.type(screen.getByLabelText(/^Tags/), 'db.system=postgresql');
    expect(await runQuery()).toEqual({
      ds: 'jaeger',
      svc: 'user-service',
      op: 'SELECT users',
      attr: 'span.db.system=postgresql',
      run: '1',
      limit: '5',
    });
  });

  it('says what is wrong with the tags and will not run them', async () => {
    installRecordedBackend({ jaeger: JAEGER });
    renderApp(`${PLUGIN_BASE_URL}/search?ds=jaeger&svc=frontend&attr=${encodeURIComponent('span.error=true')}`);
    await user.type(await screen.findByLabelText(/^Tags/, {}, SLOW), ' oops');
    expect(
      screen.getByText('"oops" is not key=value (quote a value that holds spaces: key="a b").')
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run query' })).toBeDisabled();
    await user.type(screen.getByLabelText(/^Tags/), '=1');
    expect(screen.getByRole('button', { name: 'Run query' })).toBeEnabled();
  });

  it('does not run TraceQL from a link, and says so', async () => {
    installRecordedBackend({ jaeger: JAEGER });
    renderApp(`${PLUGIN_BASE_URL}/search?ds=jaeger&q=${encodeURIComponent('{ status = error }')}`);
    expect(
      await screen.findByText(/The link asked for the TraceQL query \{ status = error \}, which was not run/, {}, SLOW)
    ).toBeInTheDocument();
  });
});

describe('Search page on Tempo', () => {
  it('previews the builder as TraceQL, carries it into raw mode and runs raw TraceQL as `q`', async () => {
    const { requests } = installRecordedBackend({ tempo: ['tempo-search', 'tempo-tag-values', 'tempo-tags'] });
    renderApp(`${PLUGIN_BASE_URL}/search?ds=tempo&status=error&run=1`);
    expect(await screen.findByTestId('traceql-preview', {}, SLOW)).toHaveTextContent('{ status = error }');
    await waitFor(() => expect(requests.filter((r) => r.path === 'api/search')).toHaveLength(1));
    expect(requests.find((r) => r.path === 'api/search')!.params).toMatchObject({
      q: '{ status = error }',
      limit: '20',
    });
    // the query context travels with the search's TraceQL
    expect(screen.getByRole('link', { name: 'Compare slow vs rest' })).toHaveAttribute(
      'href',
      `${PLUGIN_BASE_URL}/compare?ds=tempo&prom=prometheus&from=now-1h&to=now&q=%7B+status+%3D+error+%7D`
    );

    await user.click(screen.getByRole('radio', { name: 'TraceQL' }));
    const raw = await screen.findByLabelText('TraceQL query');
    expect(raw).toHaveValue('{ status = error }');
    fireEvent.change(raw, { target: { value: '{ span.http.route = "/cart" }' } });
    expect(await runQuery()).toEqual({
      ds: 'tempo',
      status: 'error',
      mode: 'raw',
      q: '{ span.http.route = "/cart" }',
    });
    await waitFor(() => expect(requests.filter((r) => r.path === 'api/search')).toHaveLength(2));
    expect(requests.filter((r) => r.path === 'api/search')[1].params.q).toBe('{ span.http.route = "/cart" }');
  });
});

describe('Search page warnings', () => {
  it('shows a partial trace and the repairs on its row', async () => {
    const partial = partialTraceWarning(
      { target: 'Tempo (datasource "tempo")', path: 'api/v2/traces/8d3115b67acbe152b049ac86d48a02e0' },
      'trace exceeds max size'
    );
    setTestSource(
      recordedSource({
        traceById: async () => ({ format: 'otlp', raw: wireText(recorded('tempo-trace-v2')), partial }),
      })
    );
    installRecordedBackend({});
    renderApp(`${PLUGIN_BASE_URL}/search?run=1`);
    const warnings = await screen.findByTestId('row-warnings', {}, SLOW);
    expect(warnings).toHaveAttribute(
      'aria-label',
      `Partial trace: Tempo (datasource "tempo") returned only part of this trace: trace exceeds max size. ${REPAIR}`
    );
    expect(screen.getByTestId('coverage')).toHaveTextContent(
      '1 of 1 matching trace used · 1 partial · 10 spans (whole traces) · Last 1 hour'
    );
    expect(warnings).toHaveAttribute('tabindex', '0');
    warnings.focus();
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent(/Partial trace: Tempo/));
  });
});

describe('Search page coverage', () => {
  /** `count` copies of the recorded hit (ids 0…, `count` − 1), the first failing, the second hanging when asked */
  function manyHits(count: number, hangSecond = false) {
    const [hit] = recordedHits();
    const ids = Array.from({ length: count }, (_, i) => String(i).padStart(32, '0'));
    setTestSource(
      recordedSource({
        search: async () => ids.map((traceId) => ({ ...hit, traceId })),
        traceById: async (id, _range, request) => {
          if (id === ids[0]) {
            throw new DataError('trace-not-found', `Trace ${id} not found.`);
          }
          if (hangSecond && id === ids[1]) {
            return untilCancelled(request);
          }
          return { format: 'otlp', raw: wireText(recorded('tempo-trace-v2')) };
        },
      })
    );
    installRecordedBackend({});
  }

  it('says the search stopped at its limit, lists the failed trace, and loads 20 more from the line', async () => {
    manyHits(20);
    renderApp(`${PLUGIN_BASE_URL}/search?run=1`);
    // 20 listed for a limit of 20; one failed, 19 of 10 spans
    expect(
      await screen.findByText(
        '19 of 20+ matching traces used · the search stopped at its limit of 20 · 1 failed · 190 spans (whole traces) · Last 1 hour',
        {},
        SLOW
      )
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show traces not fully used (1)' }));
    expect(screen.getByRole('list', { name: 'Traces not fully used' })).toHaveTextContent(
      `Failed: 0000000000000000 — Trace ${'0'.repeat(32)} not found.`
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load 20 more' }));
    await waitFor(() =>
      expect(new URLSearchParams(screen.getByTestId('location-search').textContent!).get('limit')).toBe('40')
    );
  });

  it('shows the analyses in progress and stops them on Cancel', async () => {
    manyHits(3, true);
    renderApp(`${PLUGIN_BASE_URL}/search?run=1`);
    // the first fails, the third comes, the second hangs
    await cancelFromLine(
      'Fetching traces: 2 of 3',
      '1 of 3 matching traces used · 1 failed · 1 not fetched (cancelled) · 10 spans (whole traces) · Last 1 hour'
    );
  });
});

describe('Search page in Simplified Chinese', () => {
  inZhHans();

  it('labels the form, the table and the coverage in Chinese, and says what is wrong with the tags', async () => {
    installRecordedBackend({ jaeger: JAEGER });
    renderApp(`${PLUGIN_BASE_URL}/search?ds=jaeger&svc=frontend&attr=${encodeURIComponent('span.error=true')}`);
    await screen.findByRole('table', { name: '找到的追踪' }, SLOW);
    expect(screen.getByRole('heading', { name: '追踪搜索' })).toBeInTheDocument();
    expect(screen.getByLabelText('最多查找的追踪数')).toHaveValue(20);
    expect(screen.getByRole('columnheader', { name: /根服务和跨度/ })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '各服务的自身耗时' })).toBeInTheDocument();
    // one trace listed, used, of 10 spans: the plural forms of zh-Hans (one form, "other")
    await waitFor(
      () =>
        expect(screen.getByTestId('coverage')).toHaveTextContent(
          '已使用 1 个匹配追踪中的 1 个 · 10 个跨度（完整追踪）'
        ),
      SLOW
    );
    // the engine's repair on the row, worded in Chinese (components/warningText.ts)
    const [row] = tableRows('找到的追踪');
    expect(await within(row).findByTestId('row-warnings', {}, SLOW)).toHaveAttribute(
      'aria-label',
      '1 个跨度在其父跨度之后结束（异步工作）；保持原样'
    );
    await user.type(screen.getByLabelText(/^标签/), ' oops');
    expect(screen.getByText('“oops”不是 key=value 形式（含空格的值请加引号：key="a b"）。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '运行查询' })).toBeDisabled();
  });
});
