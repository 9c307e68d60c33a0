import React from 'react';
import { Observable } from 'rxjs';
import type { BackendSrvRequest } from '@grafana/runtime';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createDataFrame, DataFrame, dateTime, EventBusSrv, FieldType, LoadingState, PanelProps } from '@grafana/data';
import { PanelContextProvider } from '@grafana/ui';
import { RECORDED_TRACE_ID } from '../../../tests/support/recorded';
import { Fetch, installFakeBackend } from '../../../tests/support/backendSrv';
import { recordedAnswer, upstreamDown } from '../../../tests/support/recordedBackend';
import { tableCells } from '../../../tests/support/tables';
import { jaegerTraceFrame, tempoTraceFrame } from '../../../tests/support/traceFrames';
import { BreakdownPanel } from './BreakdownPanel';
import { BreakdownOptions, DEFAULT_OPTIONS } from './options';
import { searchHits } from './frames';
import { jaegerSearchFrame, tempoSearchFrame } from '../../../tests/support/searchFrames';
import { recordedRangeFrames } from '../../../tests/support/prometheusFrames';
import { inZhHans } from '../../../tests/support/i18n';

/** the requests the panel sent to Grafana's backend in this test */
let requests: BackendSrvRequest[] = [];
const serve = (answer: Fetch) => {
  requests = installFakeBackend(answer).requests;
};
const FROM = 1795255200000;
const TO = 1795258800000;
const TEMPO_TARGET = { refId: 'A', datasource: { type: 'tempo', uid: '${tempo}' }, queryType: 'traceql', limit: 20 };
const APP = '/a/tracelens-analysis-app';

function props(
  series: DataFrame[],
  options: Partial<BreakdownOptions> = {},
  size = { width: 800, height: 400 },
  to = TO
) {
  return {
    id: 1,
    data: {
      series,
      state: LoadingState.Done,
      timeRange: { from: dateTime(FROM), to: dateTime(to), raw: { from: 'now-1h', to: 'now' } },
      request: { targets: [TEMPO_TARGET] },
    },
    timeRange: { from: dateTime(FROM), to: dateTime(to), raw: { from: 'now-1h', to: 'now' } },
    options: { ...DEFAULT_OPTIONS, ...options },
    onOptionsChange: jest.fn(),
    replaceVariables: (s: string) => s.replace('${tempo}', 'tempo'),
    ...size,
  } as unknown as PanelProps<BreakdownOptions>;
}

const rows = () => screen.getAllByTestId('breakdown-row').map((r) => r.textContent);
const prometheusFrame = (service: string, seconds: number) =>
  createDataFrame({
    refId: 'B',
    fields: [
      { name: 'Time', type: FieldType.time, values: [FROM, TO] },
      { name: 'Value', type: FieldType.number, values: [0.001, seconds], labels: { service } },
    ],
  });

beforeEach(() => serve(upstreamDown));

describe('BreakdownPanel with a Tempo trace frame', () => {
  it('shows self time per service with shares of the 18.5 ms trace and links to the search page', () => {
    render(<BreakdownPanel {...props([tempoTraceFrame()])} />);
    expect(screen.getByTestId('breakdown-header')).toHaveTextContent(
      'Self time by service · 1 trace · share of the trace duration (18.5 ms)'
    );
    // the trace the query gave, its 10 spans, the panel's range
    expect(screen.getByTestId('coverage')).toHaveTextContent(/^1 trace · 10 spans · Last 1 hour$/);
    expect(rows()).toEqual([
      'user-service5.36 ms 29.0%',
      'auth-service5.10 ms 27.6%',
      'order-worker4.41 ms 23.9%',
      'api-gateway3.68 ms 19.9%',
      'frontend3.20 ms 17.3%',
    ]);
    expect(screen.getByRole('link', { name: 'user-service' })).toHaveAttribute(
      'href',
      `${APP}/search?q=%7B+resource.service.name+%3D+%22user-service%22+%7D&ds=tempo&from=${FROM}&to=${TO}`
    );
  });

  it('follows option changes: critical path by operation, top 2, in µs', () => {
    const { rerender } = render(<BreakdownPanel {...props([tempoTraceFrame()])} />);
    rerender(
      <BreakdownPanel
        {...props([tempoTraceFrame()], { measure: 'criticalPath', groupBy: 'operation', topN: 2, unit: 'us' })}
      />
    );
    // order-worker 4412, SELECT users 3241; the other 8 operations: 15806 − 4412 − 3241 = 8153 µs on
    // the path (view-model.test.ts works the path out), 8153 / 18467 = 44.1%
    expect(rows()).toEqual([
      'order-worker: orders process4412 µs 23.9%',
      'user-service: SELECT users3241 µs 17.6%',
      'Other (8 groups)8153 µs 44.1%',
    ]);
  });

  it('groups by an attribute key, shows a table, and asks for the key when it is missing', () => {
    const { rerender } = render(
      <BreakdownPanel {...props([tempoTraceFrame()], { groupBy: 'attribute', attributeKey: '' })} />
    );
    expect(screen.getByTestId('panel-message')).toHaveTextContent('Which attribute?');
    rerender(
      <BreakdownPanel
        {...props([tempoTraceFrame()], {
          groupBy: 'attribute',
          attributeKey: 'db.system',
          measure: 'total',
          view: 'table',
        })}
      />
    );
    const table = tableCells('Total span time by group');
    // SELECT users (3241 µs) is the only postgresql span; the other 9 spans sum to 60094 − 3241 = 56853 µs
    expect(table.map((cells) => cells[0])).toEqual(['(none)', 'postgresql']);
    expect(table.map((cells) => cells[1])).toEqual(['56.9 ms', '3.24 ms']);
  });

  it('draws a stacked bar linking to the trace page with the time range', () => {
    render(<BreakdownPanel {...props([tempoTraceFrame()], { view: 'stacked' })} />);
    expect(screen.getByRole('link', { name: 'frontend: GET /checkout' })).toHaveAttribute(
      'href',
      `${APP}/trace/${RECORDED_TRACE_ID}?ds=tempo&from=${FROM}&to=${TO}&group=service&measure=self`
    );
  });

  it('overlays a Prometheus p95 per service from the same panel', () => {
    render(<BreakdownPanel {...props([tempoTraceFrame(), prometheusFrame('user-service', 0.0062)])} />);
    expect(screen.getByRole('link', { name: 'user-service' }).getAttribute('title')).toContain(
      'p95 (span metrics): 6.20 ms'
    );
    expect(screen.getByRole('link', { name: 'frontend' }).getAttribute('title')).not.toContain('p95');
  });

  it('hides the header in a 3×3 cell', () => {
    render(<BreakdownPanel {...props([tempoTraceFrame()], {}, { width: 230, height: 90 })} />);
    expect(screen.queryByTestId('breakdown-header')).toBeNull();
    expect(rows()).toHaveLength(5);
  });

  it('tells its Attribute key editor the datasource, the range and the trace’s keys (the panel’s instance state)', () => {
    const onInstanceStateChange = jest.fn();
    const context = { eventsScope: 'panel', eventBus: new EventBusSrv(), onInstanceStateChange };
    const grouped = props([tempoTraceFrame()], { groupBy: 'attribute', attributeKey: 'db.system' });
    const { rerender } = render(
      <PanelContextProvider value={context}>
        <BreakdownPanel {...grouped} />
      </PanelContextProvider>
    );
    expect(onInstanceStateChange).toHaveBeenCalledTimes(1);
    expect(onInstanceStateChange).toHaveBeenLastCalledWith({
      source: { uid: 'tempo', type: 'tempo' },
      range: { start: FROM / 1000, end: TO / 1000 },
      // the recorded trace's span attributes and resource attributes
      traceKeys: [
        'db.name',
        'db.statement',
        'db.system',
        'deployment.environment',
        'http.method',
        'http.route',
        'http.status_code',
        'messaging.destination.name',
        'messaging.operation',
        'messaging.system',
        'peer.service',
        'service.name',
        'x_request_id',
      ],
    });
    // the same hints again: the editor is not told twice
    rerender(
      <PanelContextProvider value={context}>
        <BreakdownPanel {...grouped} />
      </PanelContextProvider>
    );
    expect(onInstanceStateChange).toHaveBeenCalledTimes(1);
  });

  it('reads a Jaeger trace frame the same way', () => {
    render(<BreakdownPanel {...props([jaegerTraceFrame()])} />);
    expect(rows()[0]).toBe('user-service5.36 ms 29.0%');
  });
});

describe('BreakdownPanel messages', () => {
  it.each([
    [[], 'No data', 'Add a Tempo or Jaeger query: a trace ID to analyse one trace'],
    [[prometheusFrame('frontend', 0.01)], 'Metrics alone are not enough', 'only adds a percentile overlay'],
    [
      [createDataFrame({ name: 'Logs', fields: [{ name: 'body', type: FieldType.string, values: ['GET /'] }] })],
      'Not trace data',
      'The queries returned Logs (body), which holds no traces.',
    ],
    [
      [createDataFrame({ name: 'Traces', fields: [{ name: 'traceID', type: FieldType.string, values: [] }] })],
      'No traces found',
      'widen the time range',
    ],
  ])('%#: %s', (series, title, detail) => {
    render(<BreakdownPanel {...props(series as DataFrame[])} />);
    expect(screen.getByTestId('panel-message')).toHaveTextContent(title as string);
    expect(screen.getByTestId('panel-message')).toHaveTextContent(detail as string);
  });

  it('says what in a trace frame could not be read', () => {
    const broken = createDataFrame({
      meta: { preferredVisualisationType: 'trace' },
      fields: [{ name: 'spanID', type: FieldType.string, values: ['a1'] }],
    });
    render(<BreakdownPanel {...props([broken])} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The trace could not be read');
    expect(screen.getByRole('alert')).toHaveTextContent('no startTime field');
  });
});

describe('BreakdownPanel with the TraceLens connector’s metrics (all traffic)', () => {
  // the provisioned "Self time per service — all traffic" query, answered with Prometheus 2's recorded rates
  const PROM_TARGET = {
    refId: 'A',
    datasource: { type: 'prometheus', uid: 'prometheus' },
    expr: 'sum by (service_name) (rate(tracelens_span_self_time_seconds_sum[$__rate_interval]))',
  };
  const allTraffic = (options: Partial<BreakdownOptions> = {}, index = 0) => {
    const p = props(recordedRangeFrames('latency-prom2-over-time-by-service', index, 'A'), options);
    return {
      ...p,
      data: { ...p.data, request: { targets: [PROM_TARGET] } },
    } as unknown as PanelProps<BreakdownOptions>;
  };

  it('draws each service’s share of self time as bars, without fetching a trace', () => {
    render(<BreakdownPanel {...allTraffic({ view: 'stacked' })} />);
    expect(screen.getByTestId('breakdown-header')).toHaveTextContent(
      "Self time per second by service · all traffic · share of all groups' self time per second (20.5 ms/s)"
    );
    expect(screen.getByTestId('breakdown-header')).toHaveTextContent(
      'All traffic: the TraceLens connector’s histograms in Prometheus, mean rate over the time range'
    );
    // means of the recorded samples: user-service 5.95 of 20.53 ms/s = 29.0%, …
    expect(rows()).toEqual([
      'user-service5.95 ms 29.0%',
      'auth-service5.15 ms 25.1%',
      'api-gateway3.68 ms 17.9%',
      'frontend3.18 ms 15.5%',
      'order-worker2.57 ms 12.5%',
    ]);
    expect(screen.getByText('user-service').closest('[title]')?.getAttribute('title')).not.toContain('spans');
    expect(requests).toEqual([]);
  });

  it('honours Top N: api-gateway, frontend and order-worker (3.68 + 3.18 + 2.57 ms/s) merge into Other', () => {
    render(<BreakdownPanel {...allTraffic({ topN: 2 })} />);
    expect(rows()).toEqual(['user-service5.95 ms 29.0%', 'auth-service5.15 ms 25.1%', 'Other (3 groups)9.43 ms 45.9%']);
  });

  it('says where to get the connector when its query returns nothing', () => {
    const p = allTraffic();
    render(<BreakdownPanel {...({ ...p, data: { ...p.data, series: [] } } as PanelProps<BreakdownOptions>)} />);
    expect(screen.getByTestId('panel-message')).toHaveTextContent('No TraceLens connector metrics');
    expect(screen.getByTestId('panel-message')).toHaveTextContent('add the tracelens_latency connector');
  });

  it('asks for the operation label when grouping by operation', () => {
    render(<BreakdownPanel {...allTraffic({ groupBy: 'operation' })} />);
    expect(screen.getByTestId('panel-message')).toHaveTextContent("No operation in the TraceLens connector's series");
    expect(screen.getByTestId('panel-message')).toHaveTextContent('sum by (service_name, span_name)');
  });
});

const search = (ids: string[]) =>
  tempoSearchFrame(
    ids.map((traceID, i) => ({
      traceID,
      startTimeUnixNano: String(BigInt(1795255300000000000) + BigInt(i) * BigInt(1e9)),
      durationMs: 18 + i,
    }))
  );

/**
 * Grafana's backendSrv: Tempo's recorded trace for its id; for any other, Tempo's recorded 404s (a
 * Tempo without the v2 route, and v1's answer for an unknown trace id).
 */
function serveRecordedTrace() {
  serve((request) =>
    recordedAnswer(
      request,
      request.url.endsWith(`/traces/${RECORDED_TRACE_ID}`)
        ? 'tempo-trace-v2'
        : request.url.includes('/v2/')
          ? 'tempo-unknown-path'
          : 'tempo-trace-v1-not-found'
    )
  );
}

describe('BreakdownPanel with Tempo search results', () => {
  it('fetches the newest N listed traces through the datasource proxy and says what it sampled and what failed', async () => {
    serveRecordedTrace();
    // listed newest first: ffff…02 (newest), RECORDED, ffff…00 (oldest, not fetched with max 2)
    const frame = search(['ffff0000000000000000000000000000', RECORDED_TRACE_ID, 'ffff0000000000000000000000000002']);
    render(<BreakdownPanel {...props([frame], { maxTraces: 2 })} />);
    expect(await screen.findByRole('progressbar')).toHaveAttribute('aria-valuemax', '2');
    await waitFor(() => expect(screen.getByTestId('breakdown-header')).toBeInTheDocument());
    const urls = requests.map((r) => r.url);
    expect(urls).toContain(`/api/datasources/proxy/uid/tempo/api/v2/traces/${RECORDED_TRACE_ID}`);
    expect(urls).not.toContain('/api/datasources/proxy/uid/tempo/api/v2/traces/ffff0000000000000000000000000000');
    expect(requests[0].params).toEqual({ start: FROM / 1000, end: TO / 1000 });
    // 3 listed, the 2 newest fetched, one of them not in Tempo; the recorded trace has 10 spans
    expect(screen.getByTestId('coverage')).toHaveTextContent(
      '1 of 3 matching traces used · the 2 newest fetched · 1 failed · 10 spans (whole traces) · Last 1 hour'
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show traces not fully used (1)' }));
    expect(screen.getByRole('list', { name: 'Traces not fully used' })).toHaveTextContent(
      'Failed: ffff000000000000 — Trace not found in Tempo (datasource "tempo")'
    );
    expect(rows()[0]).toBe('user-service5.36 ms 29.0%');
  });

  it('raises Max traces fetched to every listed trace from the coverage line', async () => {
    serveRecordedTrace();
    const frame = search(['ffff0000000000000000000000000000', RECORDED_TRACE_ID, 'ffff0000000000000000000000000002']);
    const p = props([frame], { maxTraces: 2 });
    render(<BreakdownPanel {...p} />);
    await screen.findByTestId('breakdown-header');
    fireEvent.click(screen.getByRole('button', { name: 'Use 3 traces' }));
    expect(p.onOptionsChange).toHaveBeenCalledWith({ ...p.options, maxTraces: 3 });
  });

  it('shows the fetch with Cancel, and says when nothing came in before it', async () => {
    const unsubscribed: string[] = [];
    serve(({ url }) => new Observable(() => () => unsubscribed.push(url)));
    render(<BreakdownPanel {...props([search([RECORDED_TRACE_ID])])} />);
    expect(await screen.findByRole('progressbar', { name: 'Fetching traces' })).toHaveAttribute(
      'aria-valuetext',
      'Fetching traces: 0 of 1'
    );
    expect(screen.getByTestId('coverage')).toHaveTextContent('0 of 1 matching trace used · 0 spans (whole traces)');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByTestId('panel-message')).toHaveTextContent('Fetching cancelled');
    expect(unsubscribed).toEqual([`/api/datasources/proxy/uid/tempo/api/v2/traces/${RECORDED_TRACE_ID}`]);
  });

  it('shows a fetch error when no listed trace could be fetched', async () => {
    serveRecordedTrace();
    render(<BreakdownPanel {...props([search(['ffff0000000000000000000000000001'])])} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The 1 listed trace could not be fetched');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'ffff0000000000000000000000000001: Trace not found in Tempo (datasource "tempo")'
    );
  });

  it('cancels the fetches in flight when the time range changes (a refresh)', async () => {
    const unsubscribed: string[] = [];
    serve(({ url }) => new Observable(() => () => unsubscribed.push(url)));
    const frame = search([RECORDED_TRACE_ID]);
    const { rerender } = render(<BreakdownPanel {...props([frame])} />);
    await waitFor(() => expect(requests).toHaveLength(1));
    rerender(<BreakdownPanel {...props([frame], {}, undefined, TO + 60_000)} />);
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(unsubscribed).toEqual([`/api/datasources/proxy/uid/tempo/api/v2/traces/${RECORDED_TRACE_ID}`]);
    expect(requests[1].params?.end).toBe((TO + 60_000) / 1000);
  });

  it('takes the Tempo datasource from the trace links when the request names none, and says when nothing does', async () => {
    serveRecordedTrace();
    const noRequest = (frame: DataFrame) => {
      const p = props([frame]);
      return { ...p, data: { ...p.data, request: undefined } };
    };
    const linked = tempoSearchFrame(
      [{ traceID: RECORDED_TRACE_ID, startTimeUnixNano: '1795255307454000000', durationMs: 18 }],
      'tempo-eu'
    );
    const { unmount } = render(<BreakdownPanel {...noRequest(linked)} />);
    await waitFor(() => expect(requests.length).toBeGreaterThan(0));
    expect(requests[0].url).toBe(`/api/datasources/proxy/uid/tempo-eu/api/v2/traces/${RECORDED_TRACE_ID}`);
    unmount();
    const unlinked = { ...linked, fields: linked.fields.map((f) => ({ ...f, config: {} })) };
    render(<BreakdownPanel {...noRequest(unlinked)} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown trace datasource');
  });

  it('says the search stopped at its limit', async () => {
    serveRecordedTrace();
    const ids = Array.from({ length: 20 }, (_, i) =>
      i === 0 ? RECORDED_TRACE_ID : `eeee${String(i).padStart(28, '0')}`
    );
    render(<BreakdownPanel {...props([search(ids)], { maxTraces: 1, sample: 'slowest' })} />);
    // the slowest listed trace (duration 18 + 19 ms) is eeee…19, which Tempo does not have
    expect(await screen.findByRole('alert')).toHaveTextContent('The 1 listed trace could not be fetched');
    expect(requests[0].url).toContain('eeee0000000000000000000000000019');
  });
});

// The Jaeger trace the real Jaeger v2 recorded (jaeger-trace-v3.json), its spans in µs from the
// root's start: frontend GET /account [0, 11060] > frontend client [1414, 9996] > api-gateway
// [2003, 9344] > its calls POST /auth/verify [3192, 8391] and GET /users/{id} [3373, 8522] >
// auth-service [3524, 7751] and user-service [3800, 8059] > SELECT users [4770, 7263].
const JAEGER_TRACE_ID = '3ac7bda903774ce549c1b94004cb3545';
const J_FROM = 1796023500000;
const J_TO = 1796023700000;
const JAEGER_TARGET = {
  refId: 'A',
  datasource: { type: 'jaeger', uid: 'jaeger' },
  queryType: 'search',
  service: 'frontend',
};

function jaegerProps(
  series: DataFrame[],
  options: Partial<BreakdownOptions> = {},
  targets: unknown[] = [JAEGER_TARGET]
) {
  const p = props(series, options);
  const timeRange = { from: dateTime(J_FROM), to: dateTime(J_TO), raw: { from: 'now-1h', to: 'now' } };
  return {
    ...p,
    timeRange,
    data: { ...p.data, timeRange, request: { targets } },
  } as unknown as PanelProps<BreakdownOptions>;
}

/** Grafana's backendSrv: Jaeger's recorded trace for its id, Jaeger's recorded 404 for any other. */
function serveRecordedJaegerTrace() {
  serve((request) =>
    recordedAnswer(
      request,
      request.url.endsWith(`/api/v3/traces/${JAEGER_TRACE_ID}`) ? 'jaeger-trace-v3' : 'jaeger-trace-v3-not-found'
    )
  );
}

const jaegerSearch = (uid = 'jaeger') =>
  jaegerSearchFrame(
    [
      // the recorded trace: root span frontend GET /account, 11060 µs
      { traceID: JAEGER_TRACE_ID, traceName: 'frontend: GET /account', startTimeMs: 1796023599865, durationUs: 11060 },
      {
        traceID: 'ffff0000000000000000000000000001',
        traceName: 'frontend: GET /checkout',
        startTimeMs: 1796023600865,
        durationUs: 20000,
      },
      {
        traceID: 'ffff0000000000000000000000000000',
        traceName: 'frontend: GET /checkout',
        startTimeMs: 1796023598865,
        durationUs: 30000,
      },
    ],
    uid
  );

describe('BreakdownPanel with Jaeger search results', () => {
  it('reads Grafana’s Jaeger search table: durations in µs, newest first', () => {
    expect(searchHits([jaegerSearch()])).toEqual([
      { traceId: 'ffff0000000000000000000000000001', startMs: 1796023600865, durationMs: 20 },
      { traceId: JAEGER_TRACE_ID, startMs: 1796023599865, durationMs: 11.06 },
      { traceId: 'ffff0000000000000000000000000000', startMs: 1796023598865, durationMs: 30 },
    ]);
  });

  it('loads the newest N listed traces from the Jaeger datasource and breaks them down', async () => {
    serveRecordedJaegerTrace();
    render(<BreakdownPanel {...jaegerProps([jaegerSearch()], { maxTraces: 2 })} />);
    await waitFor(() => expect(screen.getByTestId('breakdown-header')).toBeInTheDocument());
    expect(requests.map((r) => r.url).sort()).toEqual([
      `/api/datasources/proxy/uid/jaeger/api/v3/traces/${JAEGER_TRACE_ID}`,
      '/api/datasources/proxy/uid/jaeger/api/v3/traces/ffff0000000000000000000000000001',
    ]);
    // the panel's range, J_FROM and J_TO in Unix seconds, as RFC3339
    expect(requests[0].params).toEqual({ start_time: '2026-11-30T07:25:00Z', end_time: '2026-11-30T07:28:20Z' });
    const header = screen.getByTestId('breakdown-header');
    expect(header).toHaveTextContent('Self time by service · 1 trace · share of the trace duration (11.1 ms)');
    // no limit on the Jaeger query: nothing said about one
    expect(header).toHaveTextContent(
      '1 of 3 matching traces used · the 2 newest fetched · 1 failed · 8 spans (whole traces) · Last 1 hour'
    );
    // self time = span − the union of its children: frontend 11060 − 8582 + 8582 − 7341 = 3719 µs;
    // api-gateway 7341 − (8522 − 3192) + 5199 − 4227 + 5149 − 4259 = 2011 + 972 + 890 = 3873 µs;
    // auth-service 4227 µs; user-service 4259 − 2493 + 2493 = 4259 µs; shares of the 11060 µs trace
    expect(rows()).toEqual([
      'user-service4.26 ms 38.5%',
      'auth-service4.23 ms 38.2%',
      'api-gateway3.87 ms 35.0%',
      'frontend3.72 ms 33.6%',
    ]);
    expect(screen.getByRole('link', { name: 'api-gateway' })).toHaveAttribute(
      'href',
      `${APP}/search?svc=api-gateway&run=1&ds=jaeger&from=${J_FROM}&to=${J_TO}`
    );
  });

  it('takes the Jaeger datasource from the trace links when the request names none', async () => {
    serveRecordedJaegerTrace();
    render(<BreakdownPanel {...jaegerProps([jaegerSearch('jaeger-eu')], { maxTraces: 1 }, [])} />);
    await waitFor(() => expect(requests.length).toBeGreaterThan(0));
    expect(requests[0].url).toBe('/api/datasources/proxy/uid/jaeger-eu/api/v3/traces/ffff0000000000000000000000000001');
  });
});

describe('BreakdownPanel in Simplified Chinese', () => {
  inZhHans();

  it('says what it measures, by what, over how many traces (a plural: zh-Hans has one form)', () => {
    render(<BreakdownPanel {...props([tempoTraceFrame()], { view: 'table' })} />);
    expect(screen.getByTestId('breakdown-header')).toHaveTextContent(
      '按服务的自身耗时 · 1 个追踪 · 占追踪时长（18.5 ms）的比例'
    );
    expect(screen.getByRole('columnheader', { name: '分组' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '跨度数' })).toBeInTheDocument();
  });

  it('asks for the attribute key, and says what a page of logs is', () => {
    const { unmount } = render(<BreakdownPanel {...props([tempoTraceFrame()], { groupBy: 'attribute' })} />);
    expect(screen.getByTestId('panel-message')).toHaveTextContent(
      '按哪个属性？分组方式设为“属性”：请在面板选项中输入属性键，例如 http.route 或 db.system。'
    );
    unmount();
    const logs = createDataFrame({
      name: 'Logs',
      fields: [{ name: 'body', type: FieldType.string, values: ['GET /'] }],
    });
    render(<BreakdownPanel {...props([logs])} />);
    expect(screen.getByTestId('panel-message')).toHaveTextContent('查询返回了 Logs（body），其中没有追踪。');
  });

  it('names the overlay in Chinese unless the panel names it', () => {
    const { unmount } = render(
      <BreakdownPanel {...props([tempoTraceFrame(), prometheusFrame('user-service', 0.0062)])} />
    );
    expect(screen.getByRole('link', { name: 'user-service' }).getAttribute('title')).toContain(
      'p95（跨度指标）：6.20 ms'
    );
    unmount();
    render(
      <BreakdownPanel
        {...props([tempoTraceFrame(), prometheusFrame('user-service', 0.0062)], { overlayLabel: 'p99 SLO' })}
      />
    );
    expect(screen.getByRole('link', { name: 'user-service' }).getAttribute('title')).toContain('p99 SLO：6.20 ms');
  });

  it('shows the fetch error when no listed trace could be fetched', async () => {
    serveRecordedTrace();
    render(<BreakdownPanel {...props([search(['ffff0000000000000000000000000001'])])} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '无法获取列出的 1 个追踪ffff0000000000000000000000000001：在 Tempo 数据源“tempo” 中找不到该追踪。它可能在搜索的时间范围之外，或已超过保留期。'
    );
  });
});
