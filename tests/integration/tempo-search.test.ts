/**
 * TraceQL search, tags and TraceQL metrics against the real Tempo, compared with the ground
 * truth of the batch global-setup sent (100 requests, seed 42).
 */
import { traceqlFilter } from '../../src/data/queries/traceql';
import { clients, loadBatch, waitFor } from './stack';

const { tempo } = clients();
const batch = loadBatch();
const range = { start: batch.startSec - 1, end: batch.endSec + 1, limit: 1000 };
const ids = (traces: Array<{ traceID: string }> | undefined) =>
  (traces ?? []).map((t) => t.traceID.padStart(32, '0')).sort();
const expected = (pick: (t: (typeof batch.truth)[number]) => boolean) =>
  batch.truth
    .filter(pick)
    .map((t) => t.traceId)
    .sort();

describe('Tempo search (TraceQL)', () => {
  it('by service returns exactly the traces that visited it', async () => {
    const res = await tempo.search(traceqlFilter({ service: 'order-worker' }), range);
    const want = expected((t) => t.services.includes('order-worker'));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(batch.truth.length);
    expect(ids(res.traces)).toEqual(want);
  });

  it('by span name returns the /account requests only', async () => {
    const res = await tempo.search(traceqlFilter({ spanName: 'GET /api/account' }), range);
    expect(ids(res.traces)).toEqual(expected((t) => t.route === 'account'));
  });

  it('by span.x_request_id returns the one request', async () => {
    const target = batch.truth[37];
    const res = await tempo.search(traceqlFilter({ spanAttributes: { x_request_id: target.requestId } }), range);
    expect(ids(res.traces)).toEqual([target.traceId]);
    expect(res.traces?.[0].rootServiceName).toBe('frontend');
    expect(res.traces?.[0].rootTraceName).toBe(target.rootName);
  });

  it('by status=error returns exactly the failed requests', async () => {
    const res = await tempo.search(traceqlFilter({ status: 'error' }), range);
    const want = expected((t) => t.error);
    expect(want.length).toBeGreaterThan(0);
    expect(ids(res.traces)).toEqual(want);
  });

  it('by duration> on the database span returns exactly the slow outliers', async () => {
    // Normal database spans take ≤ 6 ms, outliers 10× a 2–6 ms draw (≥ 20 ms).
    const res = await tempo.search(traceqlFilter({ spanName: 'SELECT users', minDurationMs: 15 }), range);
    const want = expected((t) => t.outlier);
    expect(want).toHaveLength(2);
    expect(ids(res.traces)).toEqual(want);
  });

  it('combines conditions in one spanset: auth-service errors', async () => {
    const res = await tempo.search(traceqlFilter({ service: 'auth-service', status: 'error' }), range);
    expect(ids(res.traces)).toEqual(expected((t) => t.spans.some((s) => s.service === 'auth-service' && s.error)));
  });

  it('honours limit and spss', async () => {
    const res = await tempo.search('{ resource.service.name = "api-gateway" }', { ...range, limit: 5, spss: 2 });
    expect(res.traces).toHaveLength(5);
    for (const t of res.traces ?? []) {
      const spans = (t.spanSets ?? [t.spanSet!]).flatMap((s) => s.spans);
      expect(spans.length).toBeLessThanOrEqual(2);
    }
  });
});

describe('Tempo tags', () => {
  it('lists resource and span tag names', async () => {
    const scopes = await tempo.tagNames({ start: range.start, end: range.end });
    const byScope = Object.fromEntries(scopes.map((s) => [s.scope, s.tags]));
    expect(byScope.resource).toEqual(expect.arrayContaining(['service.name', 'deployment.environment']));
    expect(byScope.span).toEqual(
      expect.arrayContaining([
        'http.method',
        'http.route',
        'http.status_code',
        'x_request_id',
        'db.system',
        'db.statement',
        'peer.service',
      ])
    );
  });

  it('lists the values of resource.service.name and span.http.route', async () => {
    const services = await tempo.tagValues('resource.service.name', { start: range.start, end: range.end });
    expect(services.map((v) => v.value).sort()).toEqual([
      'api-gateway',
      'auth-service',
      'frontend',
      'order-worker',
      'user-service',
    ]);
    const routes = await tempo.tagValues('span.http.route', { start: range.start, end: range.end });
    expect(routes.map((v) => v.value).sort()).toEqual([
      '/account',
      '/api/account',
      '/api/checkout',
      '/auth/verify',
      '/checkout',
      '/users/{id}',
    ]);
  });
});

describe('TraceQL metrics', () => {
  it('counts spans per service with count_over_time() over the batch window', async () => {
    const want: Record<string, number> = {};
    for (const t of batch.truth) {
      for (const s of t.spans) {
        want[s.service] = (want[s.service] ?? 0) + 1;
      }
    }
    const count = async () => {
      const res = await tempo.metricsQueryRange('{ } | count_over_time() by (resource.service.name)', {
        start: batch.startSec - 1,
        end: batch.endSec + 1,
        step: 1,
      });
      const counted: Record<string, number> = {};
      for (const s of res.series ?? []) {
        const service = s.labels.find((l) => l.key === 'resource.service.name')?.value.stringValue ?? '';
        counted[service] = (s.samples ?? []).reduce((n, x) => n + (x.value ?? 0), 0);
      }
      return counted;
    };
    // The metrics-generator's local blocks take the spans in once their traces are idle: poll.
    const same = (a: Record<string, number>) => Object.keys({ ...a, ...want }).every((k) => a[k] === want[k]);
    const counted = await waitFor(
      'TraceQL metrics to count the batch',
      async () => {
        const c = await count();
        return same(c) ? c : undefined;
      },
      60_000
    ).catch(count);
    expect(counted).toEqual(want);
  });
});
