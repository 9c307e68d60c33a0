import { createTraceSource } from '../sources';
import type { TraceSource } from '../sources/types';
import { installFakeDatasources } from '../../tests/support/datasources';
import { inZhHans } from '../../tests/support/i18n';
import { installRecordedBackend } from '../../tests/support/recordedBackend';
import { runDiagnostics } from './diagnostics';
import { jaegerChecks } from './jaegerChecks';

// the recorded Jaeger answers: services, a search of auth-service, a search of frontend for error=true
const JAEGER = ['jaeger-api-services', 'jaeger-api-search-service', 'jaeger-api-search-error'];
const signal = new AbortController().signal;

/** The real Jaeger source over the recorded answers; the services list cut to the one whose search was recorded. */
function jaeger(overrides: Partial<TraceSource> = {}): TraceSource {
  return {
    ...createTraceSource({ uid: 'jaeger', type: 'jaeger' }),
    services: async () => ['auth-service'],
    ...overrides,
  };
}

const brief = (results: Array<{ id: string; status: string; detail: string; hint?: string }>) =>
  results.map((r) => [r.id, r.status, r.detail]);

describe('Jaeger checks', () => {
  it('pass on a Jaeger that lists services, holds recent traces and finds error=true', async () => {
    const { requests } = installRecordedBackend({ jaeger: JAEGER });
    expect(brief(await jaegerChecks(jaeger(), signal))).toEqual([
      ['jaeger', 'ok', 'Jaeger at datasource "jaeger" lists 1 service.'],
      ['search', 'ok', 'Search finds traces of auth-service from the last hour.'],
      // trace ba4227… has error spans, its root service frontend among them
      ['tag-search', 'ok', 'Searching frontend for error=true finds traces.'],
    ]);
    expect(requests.filter((r) => r.path === 'api/traces').map((r) => [r.params.service, r.params.tags])).toEqual([
      ['auth-service', undefined],
      ['frontend', '{"error":"true"}'],
    ]);
  });

  it('look for an error span in the traces of the first services, not only of the first service with traces', async () => {
    installRecordedBackend({ jaeger: JAEGER });
    const real = jaeger();
    // llm-frontend's recent traces hold no error span; auth-service's (recorded) do
    const source = jaeger({
      services: async () => ['llm-frontend', 'auth-service'],
      search: (query, options, request) =>
        'filter' in query && query.filter.service === 'llm-frontend'
          ? real.search({ filter: { service: 'auth-service' } }, options, request).then((hits) =>
              hits.map((h) => ({
                ...h,
                traceId: `f${h.traceId.slice(1)}`,
                serviceStats: Object.fromEntries(
                  Object.entries(h.serviceStats).map(([k, v]) => [k, { ...v, errorCount: 0 }])
                ),
              }))
            )
          : real.search(query, options, request),
    });
    expect(brief(await jaegerChecks(source, signal)).slice(1)).toEqual([
      ['search', 'ok', 'Search finds traces of llm-frontend from the last hour.'],
      ['tag-search', 'ok', 'Searching frontend for error=true finds traces.'],
    ]);
  });

  it('name memory storage when searching by error finds nothing', async () => {
    installRecordedBackend({ jaeger: JAEGER });
    const real = jaeger();
    const source = jaeger({
      search: (query, options, request) =>
        'filter' in query && query.filter.status === 'error'
          ? Promise.resolve([])
          : real.search(query, options, request),
    });
    const [, , tagSearch] = await jaegerChecks(source, signal);
    expect(tagSearch).toEqual({
      id: 'tag-search',
      title: 'Search by tag works',
      status: 'error',
      detail:
        'Trace ba4227c384325e4b884bfa3fe0302427 has error spans in frontend, but searching frontend for error=true finds nothing.',
      hint: "Jaeger's memory storage cannot search by error: use Badger or another backend.",
    });
  });

  it('skip the searches when Jaeger does not answer, saying where it should listen', async () => {
    installRecordedBackend({});
    const results = await jaegerChecks(createTraceSource({ uid: 'jaeger', type: 'jaeger' }), signal);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['jaeger', 'error'],
      ['search', 'error'],
      ['tag-search', 'error'],
    ]);
    expect(results[0].detail).toMatch(
      /^Jaeger \(datasource "jaeger"\) is unreachable or not ready \(502\): upstream down/
    );
    expect(results[0].hint).toMatch(/port 16686/);
    expect(results[1].detail).toBe('Skipped: Jaeger is not reachable.');
  });
});

describe('runDiagnostics', () => {
  beforeEach(() => installFakeDatasources());

  it('runs the checks of the trace datasource type next to the Prometheus ones', async () => {
    installRecordedBackend({});
    const ids = async (traceUid: string) =>
      (await runDiagnostics({ traceUid, promUid: 'prometheus', scheme: 'auto' }, signal)).map((r) => r.id);
    expect(await ids('jaeger')).toEqual([
      'jaeger',
      'search',
      'tag-search',
      'prometheus',
      'span-metrics',
      'exemplars',
      'latency-connector',
    ]);
    expect(await ids('tempo')).toEqual([
      'tempo',
      'search',
      'prometheus',
      'span-metrics',
      'service-graph',
      'exemplars',
      'latency-connector',
    ]);
  });

  it('reports a datasource it cannot read traces from, and still checks Prometheus', async () => {
    installRecordedBackend({});
    const [first, ...rest] = await runDiagnostics({ traceUid: 'loki', promUid: 'prometheus', scheme: 'auto' }, signal);
    expect(first).toEqual({
      id: 'trace-datasource',
      title: 'Trace datasource usable',
      status: 'error',
      detail:
        'Datasource "loki" is of type "loki": TraceLens reads traces from Tempo and Jaeger datasources. Pick one of those.',
      hint: 'Pick a Tempo or Jaeger datasource above.',
    });
    expect(rest[0]).toMatchObject({ id: 'prometheus', status: 'error' });
  });
});

describe('runDiagnostics in Simplified Chinese', () => {
  inZhHans();
  beforeEach(() => installFakeDatasources());

  it('says in Chinese which datasource it cannot read traces from, and why', async () => {
    installRecordedBackend({});
    const [first] = await runDiagnostics({ traceUid: 'loki', promUid: 'prometheus', scheme: 'auto' }, signal);
    expect(first.detail).toBe(
      '数据源“loki”的类型是“loki”：TraceLens 从 Tempo 和 Jaeger 数据源读取追踪。请选择其中之一。'
    );
  });

  it('says in Chinese that there is no datasource with that uid', async () => {
    installRecordedBackend({});
    const [first] = await runDiagnostics({ traceUid: 'gone', promUid: 'prometheus', scheme: 'auto' }, signal);
    expect(first.detail).toBe(
      '不存在 uid 为“gone”的数据源。请在上方选择一个 Tempo 或 Jaeger 数据源，或在 TraceLens 设置中设置默认数据源。'
    );
  });
});
