import { patchedParams } from '../../app/urlState';
import { morePatch, pageQuery, readSearchUrl, runPatch, searchLimit, sortPatch } from './searchUrl';

const url = (text: string) => new URLSearchParams(text);

describe('pageQuery', () => {
  const empty = { spanAttributes: {}, resourceAttributes: {} };

  it('waits for a search to be asked for', () => {
    expect(pageQuery(url('status=error'), true)).toEqual({ mode: 'builder', query: undefined });
  });

  it('runs the builder once `run`, `svc` or `op` is in the URL', () => {
    expect(pageQuery(url('run=1'), false).query).toEqual({ filter: empty });
    expect(pageQuery(url('svc=frontend&min=30'), false).query).toEqual({
      filter: { ...empty, service: 'frontend', minDurationMs: 30 },
    });
  });

  it('opens TraceQL the builder cannot show in raw mode where the source takes TraceQL', () => {
    const q = '{ span.http.route =~ "/api/.*" }';
    expect(pageQuery(url(`q=${encodeURIComponent(q)}`), true)).toEqual({ mode: 'raw', query: { traceql: q } });
  });

  it('reads an old builder link (q equal to the builder TraceQL) as a builder search', () => {
    const q = '{ resource.service.name = "frontend" }';
    expect(pageQuery(url(`svc=frontend&q=${encodeURIComponent(q)}`), true)).toEqual({
      mode: 'builder',
      query: { filter: { ...empty, service: 'frontend' } },
    });
  });

  it('does not run TraceQL on a source without it, and says so', () => {
    expect(pageQuery(url('q=%7Bstatus%3Derror%7D'), false)).toEqual({
      mode: 'builder',
      query: undefined,
      unsupportedTraceql: '{status=error}',
    });
  });
});

describe('searchLimit', () => {
  it('reads a limit only when it is a whole number of at least one', () => {
    expect(searchLimit('50', 20)).toBe(50);
    expect([searchLimit('0', 20), searchLimit('2.5', 20), searchLimit(null, 20)]).toEqual([20, 20, 20]);
  });
});

describe('readSearchUrl', () => {
  it('defaults to no search, 20 traces, newest first', () => {
    expect(readSearchUrl(url(''), true)).toEqual({
      builder: {
        service: undefined,
        spanName: undefined,
        status: undefined,
        minMs: undefined,
        maxMs: undefined,
        attrs: [],
      },
      page: { mode: 'builder', query: undefined, unsupportedTraceql: undefined },
      raw: '{}',
      limit: 20,
      sort: 'start',
      descending: true,
    });
  });

  it('reads the order, the limit and the raw query; unknown sort keys fall back to start', () => {
    expect(readSearchUrl(url('mode=raw&q=%7B%7D&limit=60&sort=errors&dir=asc'), true)).toMatchObject({
      page: { mode: 'raw', query: { traceql: '{}' } },
      raw: '{}',
      limit: 60,
      sort: 'errors',
      descending: false,
    });
    expect(readSearchUrl(url('sort=colour&dir=up&limit=-3'), true)).toMatchObject({
      sort: 'start',
      descending: true,
      limit: 20,
    });
  });
});

describe('the patches the page writes', () => {
  const builder = {
    service: 'frontend',
    minMs: 30,
    attrs: [{ scope: 'span' as const, key: 'http.route', value: '/a' }],
  };

  it('runs the builder: its parameters and `run` back as the same search, the form limit only without TraceQL', () => {
    const start = url('mode=raw&q=%7B%7D&ds=jaeger&limit=60');
    const jaeger = patchedParams(start, runPatch({ mode: 'builder', builder, raw: '{}', limit: '40' }, false));
    expect(jaeger.toString()).toBe('ds=jaeger&svc=frontend&min=30&attr=span.http.route%3D%2Fa&run=1&limit=40');
    expect(readSearchUrl(jaeger, false)).toMatchObject({
      builder,
      page: {
        mode: 'builder',
        query: { filter: { service: 'frontend', minDurationMs: 30, spanAttributes: { 'http.route': '/a' } } },
      },
      limit: 40,
    });
    // a form limit that is no whole number asks for the default
    expect(runPatch({ mode: 'builder', builder, raw: '', limit: 'many' }, false).limit).toBe('20');
    expect(runPatch({ mode: 'builder', builder, raw: '', limit: '40' }, true).limit).toBeUndefined();
  });

  it('runs raw TraceQL as `q`, dropping `run` and the limit', () => {
    const next = patchedParams(
      url('run=1&limit=60'),
      runPatch({ mode: 'raw', builder, raw: '{ } | count() > 2', limit: '' }, true)
    );
    expect(readSearchUrl(next, true)).toMatchObject({
      page: { mode: 'raw', query: { traceql: '{ } | count() > 2' } },
      raw: '{ } | count() > 2',
      limit: 20,
    });
  });

  it('flips the direction of the sorted column, starts another column descending', () => {
    expect(sortPatch('duration', { sort: 'duration', descending: true })).toEqual({ sort: 'duration', dir: 'asc' });
    expect(sortPatch('duration', { sort: 'duration', descending: false })).toEqual({ sort: 'duration', dir: 'desc' });
    expect(sortPatch('spans', { sort: 'duration', descending: false })).toEqual({ sort: 'spans', dir: 'desc' });
  });

  it('asks for 20 more traces', () => {
    expect(readSearchUrl(patchedParams(url('limit=40'), morePatch(40)), true).limit).toBe(60);
  });
});
