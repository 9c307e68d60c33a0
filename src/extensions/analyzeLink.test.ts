import { dateTime } from '@grafana/data';
import { inZhHans } from '../../tests/support/i18n';
import { analyzeInTraceLensLink, analyzeLinkPath } from './analyzeLink';

const BASE = '/a/tracelens-analysis-app';

describe('analyzeLinkPath', () => {
  it('opens the trace page from the trace view header, with an hour of margin around the trace', () => {
    // startTime 1_700_000_000_000_000 µs = 1_700_000_000_000 ms; duration 2_500_000 µs = 2_500 ms.
    // from = 1_700_000_000_000 − 3_600_000 = 1_699_996_400_000 ms;
    // to = (1_700_000_000_000 + 2_500) + 3_600_000 = 1_700_003_602_500 ms.
    const path = analyzeLinkPath({
      traceID: 'abc123abc123abc1',
      startTime: 1_700_000_000_000_000,
      duration: 2_500_000,
      datasource: { uid: 'tempo-prod', type: 'tempo', name: 'Tempo' },
    });
    expect(path).toBe(`${BASE}/trace/abc123abc123abc1?ds=tempo-prod&from=1699996400000&to=1700003602500`);
  });

  it('opens a Jaeger trace view the same way, with the Jaeger datasource as ds', () => {
    // startTime 1_795_255_307_454_000 µs → 1_795_255_307_454 ms − 3_600_000 = 1_795_251_707_454;
    // end (1_795_255_307_454_000 + 18_512 µs) / 1000 = 1_795_255_307_472.512 → ceil 1_795_255_307_473 + 3_600_000
    expect(
      analyzeLinkPath({
        traceID: '0af7651916cd43dd8448eb211c80319c',
        startTime: 1_795_255_307_454_000,
        duration: 18_512,
        datasource: { uid: 'jaeger-eu', type: 'jaeger', name: 'Jaeger' },
      })
    ).toBe(`${BASE}/trace/0af7651916cd43dd8448eb211c80319c?ds=jaeger-eu&from=1795251707454&to=1795258907473`);
  });

  it('hides the link for trace views of datasources other than Tempo and Jaeger', () => {
    expect(analyzeLinkPath({ traceID: 'abc123abc123abc1', datasource: { uid: 'z', type: 'zipkin' } })).toBeUndefined();
  });

  it('opens a trace id typed into an Explore Tempo query on the trace page', () => {
    const path = analyzeLinkPath({
      targets: [
        { refId: 'A', query: ' 0AF7651916CD43DD8448EB211C80319C ', datasource: { uid: 'tempo', type: 'tempo' } },
      ],
    });
    expect(path).toBe(`${BASE}/trace/0af7651916cd43dd8448eb211c80319c?ds=tempo`);
  });

  it('opens a TraceQL query from Explore on the search page with its time range', () => {
    const path = analyzeLinkPath({
      targets: [
        { refId: 'A', expr: 'up', datasource: { uid: 'prom', type: 'prometheus' } },
        {
          refId: 'B',
          query: '{resource.service.name="api-gateway" && status=error}',
          datasource: { uid: 't', type: 'tempo' },
        },
      ],
      timeRange: { from: dateTime(1_700_000_000_000), to: dateTime(1_700_000_600_000) },
    });
    const url = new URL(path!, 'http://grafana');
    expect(url.pathname).toBe(`${BASE}/search`);
    expect(url.searchParams.get('q')).toBe('{resource.service.name="api-gateway" && status=error}');
    expect(url.searchParams.get('ds')).toBe('t');
    expect(url.searchParams.get('from')).toBe('1700000000000');
    expect(url.searchParams.get('to')).toBe('1700000600000');
  });

  it('opens a trace id from Explore’s Jaeger trace-id query, with the zeros Jaeger drops put back', () => {
    expect(
      analyzeLinkPath({
        targets: [{ refId: 'A', query: 'D84B1E2F0A3C4B5D', datasource: { uid: 'jaeger', type: 'jaeger' } }],
      })
    ).toBe(`${BASE}/trace/0000000000000000d84b1e2f0a3c4b5d?ds=jaeger`);
  });

  it('opens Explore’s Jaeger search on the search page, run, with the Jaeger datasource and the range', () => {
    const path = analyzeLinkPath({
      targets: [
        {
          refId: 'A',
          queryType: 'search',
          service: 'frontend',
          operation: 'GET /checkout',
          minDuration: '20ms',
          datasource: { uid: 'jaeger', type: 'jaeger' },
        },
      ],
      timeRange: { from: 'now-15m', to: 'now' },
    });
    expect([...new URL(path!, 'http://grafana').searchParams]).toEqual([
      ['svc', 'frontend'],
      ['op', 'GET /checkout'],
      ['min', '20'],
      ['run', '1'],
      ['ds', 'jaeger'],
      ['from', 'now-15m'],
      ['to', 'now'],
    ]);
    expect(path!.startsWith(`${BASE}/search?`)).toBe(true);
  });

  it('keeps relative Explore time ranges as they are', () => {
    const path = analyzeLinkPath({
      targets: [{ query: '{}', datasource: { uid: 't', type: 'tempo' } }],
      timeRange: { from: 'now-1h', to: 'now' },
    });
    expect(new URL(path!, 'http://grafana').searchParams.get('from')).toBe('now-1h');
  });

  it('hides the link when Explore has no Tempo query or the context is missing', () => {
    expect(analyzeLinkPath({ targets: [{ query: 'up', datasource: { type: 'prometheus' } }] })).toBeUndefined();
    expect(analyzeLinkPath({ targets: [{ query: '  ', datasource: { type: 'tempo' } }] })).toBeUndefined();
    expect(analyzeLinkPath(undefined)).toBeUndefined();
  });

  it('configure returns the path, or undefined to hide the link', () => {
    expect(
      analyzeInTraceLensLink.configure?.({ traceID: 'abc123abc123abc1', datasource: { type: 'tempo', uid: 't' } })
    ).toEqual({
      path: `${BASE}/trace/abc123abc123abc1?ds=t`,
      title: 'Analyze in TraceLens',
      description:
        'Open this trace or trace search in TraceLens: critical path, self time per service and span percentiles from span metrics',
    });
    expect(analyzeInTraceLensLink.configure?.({})).toBeUndefined();
  });

  describe('in zh-Hans', () => {
    inZhHans();
    it("words the link in the user's language", () => {
      const link = analyzeInTraceLensLink.configure?.({ traceID: 'abc123abc123abc1', datasource: { type: 'tempo' } });
      expect(link?.title).toBe('在 TraceLens 中分析');
    });
  });
});
