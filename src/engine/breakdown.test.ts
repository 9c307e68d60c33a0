import { tinyOtlp } from '../../tests/synthetic/tiny';
import { analyzeTrace } from './analyze';
import { breakdown } from './breakdown';
import { serviceBusyIdle, sumServiceBusyIdle } from './busy-idle';
import { crossServiceGaps } from './gaps';
import { parseOtlpTrace } from './otlp';

const US = 1000;

/*
 * checkout r [0,100] SERVER ─┬─ c1 "GET cart" CLIENT [10,60] ── s1 cart "checkout" SERVER [15,55] ── q cart "SELECT" CLIENT [20,50]
 *                            └─ w  "checkout" INTERNAL [70,90]
 * Self: r = 100 − (50 + 20) = 30, c1 = 50 − 40 = 10, s1 = 40 − 30 = 10, q = 30, w = 20.
 * Critical path: r[0,10] c1[10,15] s1[15,20] q[20,50] s1[50,55] c1[55,60] r[60,70] w[70,90] r[90,100]
 *   → r 30, c1 10, s1 10, q 30, w 20 (sum 100).
 */
const analysis = analyzeTrace(
  parseOtlpTrace(
    tinyOtlp([
      {
        id: 'r',
        service: 'checkout',
        name: 'checkout',
        kind: 'server',
        start: 0,
        end: 100,
        attrs: { x_request_id: 'abc' },
      },
      { id: 'c1', parent: 'r', service: 'checkout', name: 'GET cart', kind: 'client', start: 10, end: 60 },
      {
        id: 's1',
        parent: 'c1',
        service: 'cart',
        name: 'checkout',
        kind: 'server',
        start: 15,
        end: 55,
        attrs: { 'http.route': '/cart' },
      },
      {
        id: 'q',
        parent: 's1',
        service: 'cart',
        name: 'SELECT',
        kind: 'client',
        start: 20,
        end: 50,
        attrs: { 'db.system': 'postgresql' },
      },
      { id: 'w', parent: 'r', service: 'checkout', name: 'checkout', kind: 'internal', start: 70, end: 90 },
    ])
  )
);

/** [label, count, total, self, critical, min, avg, max] in µs. */
function summary(rows: ReturnType<typeof breakdown>) {
  return rows.map((r) => [
    r.label,
    r.count,
    r.total / US,
    r.selfTotal / US,
    r.criticalPath / US,
    r.min / US,
    r.avg / US,
    r.max / US,
  ]);
}

describe('breakdown', () => {
  it('groups by service with shares of the stated denominator', () => {
    const rows = breakdown(analysis, { kind: 'service' });
    // checkout: r, c1, w → total 100+50+20 = 170, self 30+10+20 = 60, critical 30+10+20 = 60, avg 170/3
    // cart: s1, q → total 40+30 = 70, self 10+30 = 40, critical 10+30 = 40
    expect(summary(rows)).toEqual([
      ['checkout', 3, 170, 60, 60, 20, 170 / 3, 100],
      ['cart', 2, 70, 40, 40, 30, 35, 40],
    ]);
    expect(rows.map((r) => [r.key, r.criticalPathShare, r.selfShare, r.shareDenominator])).toEqual([
      ['["checkout"]', 0.6, 0.6, 100 * US],
      ['["cart"]', 0.4, 0.4, 100 * US],
    ]);
  });

  it('never merges a service and an operation that share a name', () => {
    const rows = breakdown(analysis, { kind: 'operation' });
    // ties at critical 10 and self 10 are ordered by key: ["cart","checkout"] < ["checkout","GET cart"]
    expect(summary(rows)).toEqual([
      ['checkout: checkout', 2, 120, 50, 50, 20, 60, 100],
      ['cart: SELECT', 1, 30, 30, 30, 30, 30, 30],
      ['cart: checkout', 1, 40, 10, 10, 40, 40, 40],
      ['checkout: GET cart', 1, 50, 10, 10, 50, 50, 50],
    ]);
    expect(rows[2].parts).toEqual(['cart', 'checkout']);
  });

  it('groups by span kind and by attribute with "(none)"', () => {
    // server r + s1: critical 30 + 10 = 40, self 40; client c1 + q: 10 + 30 = 40, self 40 → key order
    expect(summary(breakdown(analysis, { kind: 'spanKind' })).map((r) => r.slice(0, 5))).toEqual([
      ['client', 2, 80, 40, 40],
      ['server', 2, 140, 40, 40],
      ['internal', 1, 20, 20, 20],
    ]);
    const byRoute = breakdown(analysis, { kind: 'attribute', key: 'http.route' });
    expect(byRoute.map((r) => [r.label, r.key, r.count, r.criticalPath / US])).toEqual([
      ['(none)', '[null]', 4, 90],
      ['/cart', '["/cart"]', 1, 10],
    ]);
    // resource scope: service.name lives on the resource; span scope does not see it
    expect(
      breakdown(analysis, { kind: 'attribute', key: 'service.name', scope: 'resource' }).map((r) => r.label)
    ).toEqual(['checkout', 'cart']);
    expect(breakdown(analysis, { kind: 'attribute', key: 'service.name', scope: 'span' }).map((r) => r.label)).toEqual([
      '(none)',
    ]);
    expect(breakdown(analysis, { kind: 'attribute', key: 'nope' }).map((r) => r.count)).toEqual([5]);
  });

  it('splits service time into busy and waiting', () => {
    // checkout open [0,100]; own work: r [0,10] [60,70] [90,100], c1 [10,15] [55,60], w [70,90]
    //   → [0,15] ∪ [55,100] = 60 busy, 40 waiting (on cart)
    // cart open [15,55]; own work s1 [15,20] [50,55] + q [20,50] = 40 busy, 0 waiting
    expect(
      serviceBusyIdle(analysis).map((r) => [
        r.service,
        r.spanCount,
        r.active / US,
        r.busy / US,
        r.waiting / US,
        r.busyShare,
      ])
    ).toEqual([
      ['checkout', 3, 100, 60, 40, 0.6],
      ['cart', 2, 40, 40, 0, 0.4],
    ]);
  });

  it('sums busy and waiting per service over traces, counting the traces each service is in', () => {
    const cartOnly = analyzeTrace(
      parseOtlpTrace(tinyOtlp([{ id: 'x', service: 'cart', name: 'SELECT', kind: 'client', start: 0, end: 10 }]))
    );
    expect(
      sumServiceBusyIdle([analysis, cartOnly, analysis]).map((s) => [
        s.service,
        s.spanCount,
        s.busy / US,
        s.waiting / US,
        s.traces,
      ])
    ).toEqual([
      ['checkout', 6, 120, 80, 2],
      ['cart', 5, 90, 0, 3],
    ]);
  });

  it('measures the gap between a client and its server in another service', () => {
    // c1 [10,60] → s1 [15,55]: 5 before, 5 after
    expect(crossServiceGaps(analysis)).toEqual([
      {
        client: 'checkout',
        server: 'cart',
        count: 1,
        before: 5 * US,
        after: 5 * US,
        total: 10 * US,
        min: 10 * US,
        avg: 10 * US,
        max: 10 * US,
      },
    ]);
  });
});
