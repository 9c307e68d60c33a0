/** Explore links name the organisation they are given (users outside org 1 land in their own org). */
import { explorePrometheusUrl, exploreTraceUrl } from './links';

const source = {
  uid: 'tempo-uid',
  kind: 'tempo' as const,
  exploreQuery: () => ({ query: 'abc', queryType: 'traceql' }),
};

const searchOf = (url: string) => new URLSearchParams(url.slice(url.indexOf('?') + 1));

describe.each([1, 7])('Explore links in organisation %i', (orgId) => {
  it('opens a trace in Explore of that organisation', () => {
    const url = exploreTraceUrl(source, { traceId: 'abc' }, 'now-1h', 'now', orgId);
    const params = searchOf(url);
    expect(url.startsWith('/explore?')).toBe(true);
    expect(params.get('orgId')).toBe(String(orgId));
    expect(JSON.parse(params.get('panes')!)).toEqual({
      a: {
        datasource: 'tempo-uid',
        queries: [{ refId: 'A', datasource: { uid: 'tempo-uid', type: 'tempo' }, query: 'abc', queryType: 'traceql' }],
        range: { from: 'now-1h', to: 'now' },
      },
    });
  });

  it('runs a PromQL query in Explore of that organisation', () => {
    const params = searchOf(explorePrometheusUrl('prom-uid', 'up', '1000', '2000', orgId));
    expect(params.get('orgId')).toBe(String(orgId));
    expect(JSON.parse(params.get('panes')!).a.queries[0]).toEqual({
      refId: 'A',
      datasource: { uid: 'prom-uid', type: 'prometheus' },
      expr: 'up',
      range: true,
    });
  });
});
