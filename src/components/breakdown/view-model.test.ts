import { distinctNamesTrace } from '../../../tests/synthetic/distinct-names';
import { toOtlpJson } from '../../../tests/synthetic/otlp';
import {
  aggregateTraces,
  analyzeTrace,
  breakdown,
  parseOtlpTrace,
  traceFromDataFrame,
  TraceAnalysis,
} from '../../engine';
import { jaegerTraceFrame, tempoTraceFrame, zipkinTraceFrame } from '../../../tests/support/traceFrames';
import { breakdownView, flameColumns, OTHER_KEY, traceStacks, ViewOptions } from './view-model';

/*
 * The recorded trace (µs from its start; parent in brackets):
 *   A frontend     GET /checkout       server   [0, 11394]
 *   B frontend     GET /api/checkout   client   [1498, 10845]  (A)
 *   C api-gateway  GET /api/checkout   server   [2113, 10311]  (B)
 *   D api-gateway  POST /auth/verify   client   [2514, 8564]   (C)
 *   E api-gateway  GET /users/{id}     client   [2616, 9015]   (C)
 *   F api-gateway  orders publish      producer [9015, 9602]   (C)
 *   G user-service GET /users/{id}     server   [3063, 8426]   (E)
 *   H user-service SELECT users        client   [4500, 7741]   (G)
 *   I auth-service POST /auth/verify   server   [3100, 8203]   (D)
 *   J order-worker orders process      consumer [14055, 18467] (F, async: outlives F)
 * Duration 18467 µs. Self: A 1498+549=2047, B 615+534=1149, C 401+709=1110, D 586+361=947,
 * E 447+589=1036, F 587, G 1437+685=2122, H 3241, I 5103, J 4412.
 * Critical path (engine/critical-path.ts: J is async, so the synchronous chain keeps its time and
 * J counts only after A ends): A [0,1498] 1498, B [1498,2113] 615, C [2113,2616] 503,
 * E [2616,3063] 447, G [3063,4500] 1437, H 3241, G [7741,8426] 685, E [8426,9015] 589,
 * F [9015,9602] 587, C [9602,10311] 709, B [10311,10845] 534, A [10845,11394] 549, J 4412 —
 * total 11394 + 4412 = 15806 (the queue gap 11394..14055 is nobody's).
 */
const US = 1000;
const analysis = (): TraceAnalysis => analyzeTrace(traceFromDataFrame(tempoTraceFrame()));
const options = (o: Partial<ViewOptions>): ViewOptions => ({
  groupBy: { kind: 'service' },
  measure: 'self',
  topN: 0,
  sort: 'desc',
  ...o,
});
const valuesOf = (rows: Array<{ label: string; value: number }>) => rows.map((r) => [r.label, r.value / US]);

describe('breakdownView of one trace', () => {
  it('self time per service, with shares of the trace duration', () => {
    const view = breakdownView([analysis()], options({}));
    expect(valuesOf(view.rows)).toEqual([
      ['user-service', 5363],
      ['auth-service', 5103],
      ['order-worker', 4412],
      ['api-gateway', 1110 + 947 + 1036 + 587],
      ['frontend', 2047 + 1149],
    ]);
    expect(view.denominator).toBe(18467 * US);
    expect(view.rows[0].share).toBeCloseTo(5363 / 18467, 12);
    expect(view.rows.map((r) => r.count)).toEqual([2, 1, 1, 4, 2]);
    expect(view.denominatorNote).toBe('share of the trace duration (18.5 ms)');
    expect(view.percentilesOf).toBeUndefined();
    expect(view.rows.map((r) => r.colorIndex)).toEqual([0, 1, 2, 3, 4]);
  });

  it('colours service rows by their place in a given service order, other rows by rank', () => {
    // the waterfall's order: service names sorted
    const services = ['api-gateway', 'auth-service', 'frontend', 'order-worker', 'user-service'];
    const byService = breakdownView([analysis()], options({ serviceColors: services }));
    expect(byService.rows.map((r) => [r.label, r.colorIndex])).toEqual([
      ['user-service', 4],
      ['auth-service', 1],
      ['order-worker', 3],
      ['api-gateway', 0],
      ['frontend', 2],
    ]);
    const busy = breakdownView([analysis()], options({ measure: 'busyIdle', serviceColors: services }));
    expect(busy.rows.map((r) => services[r.colorIndex])).toEqual(busy.rows.map((r) => r.label));
    const byKind = breakdownView([analysis()], options({ groupBy: { kind: 'spanKind' }, serviceColors: services }));
    expect(byKind.rows.map((r) => r.colorIndex)).toEqual(byKind.rows.map((_, i) => i));
  });

  it("by service, takes the trace's breakdown as given when there is one (the analysis worker's), for self and critical-path time", () => {
    const a = analysis();
    // the worker's rows, told apart from the page's own by frontend's doubled self and path times
    const given = breakdown(a, { kind: 'service' }).map((r) =>
      r.label === 'frontend' ? { ...r, selfTotal: 2 * r.selfTotal, criticalPath: 2 * r.criticalPath } : r
    );
    const self = breakdownView([a], options({ serviceBreakdown: given }));
    expect(valuesOf(self.rows)).toContainEqual(['frontend', 2 * (2047 + 1149)]);
    const path = breakdownView([a], options({ measure: 'criticalPath', serviceBreakdown: given }));
    // frontend on the path: A 1498 + B 615 + B 534 + A 549
    expect(valuesOf(path.rows)).toContainEqual(['frontend', 2 * (1498 + 615 + 534 + 549)]);
    // other groupings compute their own
    const byKind = breakdownView([a], options({ groupBy: { kind: 'spanKind' }, serviceBreakdown: given }));
    expect(byKind.rows.map((r) => r.label)).toContain('server');
  });

  it('critical-path time per service adds up to the path length 15806 µs', () => {
    const view = breakdownView([analysis()], options({ measure: 'criticalPath' }));
    expect(valuesOf(view.rows)).toEqual([
      ['user-service', 1437 + 685 + 3241],
      ['order-worker', 4412],
      ['frontend', 1498 + 615 + 534 + 549],
      ['api-gateway', 503 + 447 + 589 + 587 + 709],
      ['auth-service', 0],
    ]);
    expect(view.rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(15806 / 18467, 12);
  });

  it('total span time per service, sorted by label', () => {
    const view = breakdownView([analysis()], options({ measure: 'total', sort: 'label' }));
    expect(valuesOf(view.rows)).toEqual([
      ['api-gateway', 8198 + 6050 + 6399 + 587],
      ['auth-service', 5103],
      ['frontend', 11394 + 9347],
      ['order-worker', 4412],
      ['user-service', 5363 + 3241],
    ]);
    // colours follow the value rank, not the display order
    expect(view.rows.map((r) => r.colorIndex)).toEqual([0, 3, 1, 4, 2]);
  });

  it('busy time and waiting per service, whatever the grouping, saying so', () => {
    const view = breakdownView([analysis()], options({ measure: 'busyIdle', groupBy: { kind: 'operation' } }));
    // frontend busy [0,2113]+[10311,11394] of active [0,11394]; api-gateway busy [2113,3100]+[8203,10311] of [2113,10311]
    expect(view.rows.map((r) => [r.label, r.value / US, (r.waiting ?? NaN) / US])).toEqual([
      ['user-service', 5363, 0],
      ['auth-service', 5103, 0],
      ['order-worker', 4412, 0],
      ['frontend', 3196, 11394 - 3196],
      ['api-gateway', 987 + 2108, 8198 - 3095],
    ]);
    expect(view.notes).toContain('Busy/idle is measured per service: the grouping option does not apply to it.');
  });

  it('top 3 operations by self time and "Other" with the 7 remaining, last even in ascending order', () => {
    const view = breakdownView([analysis()], options({ groupBy: { kind: 'operation' }, topN: 3, sort: 'asc' }));
    expect(valuesOf(view.rows)).toEqual([
      ['user-service: SELECT users', 3241],
      ['order-worker: orders process', 4412],
      ['auth-service: POST /auth/verify', 5103],
      ['Other (7 groups)', 2047 + 1149 + 1110 + 947 + 1036 + 587 + 2122],
    ]);
    expect(view.rows[3]).toMatchObject({ key: OTHER_KEY, count: 7, colorIndex: -1, merged: 7 });
  });

  it('beyond the engine\'s row limit, its merged groups join "Other" and the top rows stay exact', () => {
    // 5,000 spans, each its own operation: the engine keeps at most 3 × 1,000 rows and merges the rest
    const big = analyzeTrace(parseOtlpTrace(toOtlpJson(distinctNamesTrace(5000))));
    expect(aggregateTraces([big], { kind: 'operation' }).other!.groups).toBeGreaterThanOrEqual(5000 - 3000);
    const view = breakdownView([big], options({ groupBy: { kind: 'operation' }, topN: 10 }));
    const exact = breakdown(big, { kind: 'operation' })
      .sort((a, b) => b.selfTotal - a.selfTotal || (a.key < b.key ? -1 : 1))
      .slice(0, 10);
    expect(view.rows.slice(0, 10).map((r) => [r.label, r.value])).toEqual(exact.map((r) => [r.label, r.selfTotal]));
    // 10 rows + "Other" with the 4,990 other groups: every span and all self time accounted for
    expect(view.rows[10]).toMatchObject({ key: OTHER_KEY, label: 'Other (4990 groups)', merged: 4990, count: 4990 });
    const selfSum = big.selfTime.reduce((s, v) => s + v, 0);
    expect(view.rows.reduce((s, r) => s + r.value, 0)).toBeCloseTo(selfSum, 3);
  });

  it('self time per span kind', () => {
    const view = breakdownView([analysis()], options({ groupBy: { kind: 'spanKind' } }));
    expect(valuesOf(view.rows)).toEqual([
      ['server', 2047 + 1110 + 2122 + 5103],
      ['client', 1149 + 947 + 1036 + 3241],
      ['consumer', 4412],
      ['producer', 587],
    ]);
  });

  it('total span time per http.method, spans without it under "(none)"', () => {
    const view = breakdownView(
      [analysis()],
      options({ groupBy: { kind: 'attribute', key: 'http.method' }, measure: 'total' })
    );
    expect(valuesOf(view.rows)).toEqual([
      ['GET', 11394 + 9347 + 8198 + 6399 + 5363],
      ['POST', 6050 + 5103],
      ['(none)', 587 + 3241 + 4412],
    ]);
  });
});

describe('breakdownView of several traces', () => {
  it('shows means per trace, per-trace percentiles and the summed denominator', () => {
    const view = breakdownView([analysis(), analysis()], options({}));
    expect(view.rows[0]).toMatchObject({ label: 'user-service', value: 5363 * US, traces: 2, count: 4 });
    expect(view.rows[0].percentiles).toEqual({ p50: 5363 * US, p90: 5363 * US, p99: 5363 * US });
    expect(view.rows[0].share).toBeCloseTo(5363 / 18467, 12);
    expect(view.percentilesOf).toBe('per trace');
    expect(view.denominatorNote).toBe('share of the summed duration of 2 traces (36.9 ms); values are means per trace');
  });
});

describe('Jaeger- and Zipkin-shaped frames of the same trace', () => {
  it.each([
    ['Jaeger', jaegerTraceFrame],
    ['Zipkin', zipkinTraceFrame],
  ])('%s: the same self time per service as the Tempo frame', (_name, build) => {
    const view = breakdownView([analyzeTrace(traceFromDataFrame(build()))], options({}));
    expect(valuesOf(view.rows)).toEqual([
      ['user-service', 5363],
      ['auth-service', 5103],
      ['order-worker', 4412],
      ['api-gateway', 3680],
      ['frontend', 3196],
    ]);
    expect(view.denominator).toBe(18467 * US);
  });
});

describe('traceStacks', () => {
  it('one stack per trace with the shown groups and the rest as "Other"', () => {
    const a = analysis();
    const opts = options({ topN: 2 });
    const [stack] = traceStacks([a], opts, breakdownView([a], opts));
    expect(stack.label).toBe('frontend: GET /checkout');
    expect(stack.traceId).toBe('8d3115b67acbe152b049ac86d48a02e0');
    expect(stack.segments.map((s) => [s.label, s.value / US, s.colorIndex])).toEqual([
      ['user-service', 5363, 0],
      ['auth-service', 5103, 1],
      ['Other', 4412 + 3680 + 3196, -1],
    ]);
  });
});

describe('flameColumns', () => {
  it('nests operations under a root holding the summed self time', () => {
    const f = flameColumns([analysis()]).self;
    expect(f.label.slice(0, 3)).toEqual(['all traces', 'frontend: GET /checkout', 'frontend: GET /api/checkout']);
    expect(f.level.slice(0, 3)).toEqual([0, 1, 2]);
    expect(f.value[0]).toBe((2047 + 1149 + 3680 + 5363 + 5103 + 4412) * US);
    expect(f.self[1]).toBe(2047 * US);
  });
});
