import { analysed } from '../../engine/testing/call-tree-fixtures';
import type { LatencyBreakdownRow } from '../../data';
import { joinLatencyRows, sampleShares } from './latencyShares';

/*
 * Two traces (µs):
 *   T1: api GET [0,100] ── db q [20,60]                      self GET 60, q 40; critical path the same
 *   T2: api GET [0,100] ─┬─ db q [10,50]                     self GET 100 − 40 − 10 = 50, q 40, get 20, auth 10
 *                        ├─ cache get [20,40]  (under q)     critical path from the end: GET [70,100] 30,
 *                        └─ api auth [60,70]                 auth 10, GET [50,60] 10, q 40, GET [0,10] 10:
 *                                                            GET 50, auth 10, q 40, get 0
 * Per service: self api 60 + 50 + 10 = 120, db 80, cache 20 (of 220); critical path api 120, db 80,
 * cache 0 (of 200). Operations of api: self GET 110, auth 10 (of 120); critical path the same.
 */
const TRACES = [
  analysed([
    { id: 'get', service: 'api', name: 'GET', start: 0, end: 100 },
    { id: 'q', parent: 'get', service: 'db', name: 'q', start: 20, end: 60 },
  ]),
  analysed([
    { id: 'get', service: 'api', name: 'GET', start: 0, end: 100 },
    { id: 'q', parent: 'get', service: 'db', name: 'q', start: 10, end: 50 },
    { id: 'c', parent: 'get', service: 'cache', name: 'get', start: 20, end: 40 },
    { id: 'auth', parent: 'get', service: 'api', name: 'auth', start: 60, end: 70 },
  ]),
];

describe('sampleShares', () => {
  it('per service: each service’s time ÷ every service’s', () => {
    const { traces, shares } = sampleShares(TRACES, 'service');
    expect(traces).toBe(2);
    expect(Object.fromEntries(shares)).toEqual({
      api: { selfTime: 120 / 220, criticalPath: 120 / 200 },
      db: { selfTime: 80 / 220, criticalPath: 80 / 200 },
      cache: { selfTime: 20 / 220, criticalPath: 0 },
    });
  });

  it('per operation of one service: shares of that service’s time only', () => {
    expect(Object.fromEntries(sampleShares(TRACES, 'operation', 'api').shares)).toEqual({
      'api\u0000GET': { selfTime: 110 / 120, criticalPath: 110 / 120 },
      'api\u0000auth': { selfTime: 10 / 120, criticalPath: 10 / 120 },
    });
  });

  it('no traces: no shares', () => {
    expect(sampleShares([], 'service')).toEqual({ traces: 0, shares: new Map() });
  });
});

describe('joinLatencyRows', () => {
  const stats = (share: number) => ({ rate: share / 100, share, p50: 0.001, p95: 0.002 });
  const row = (service: string, operation?: string): LatencyBreakdownRow => ({
    service,
    ...(operation !== undefined ? { operation } : {}),
    selfTime: stats(0.5),
    criticalPath: stats(0.5),
  });

  it('puts the sample’s shares beside the connector’s, none for a group the sample lacks', () => {
    const sample = sampleShares(TRACES, 'operation', 'api');
    const rows = joinLatencyRows([row('api', 'GET'), row('api', 'POST')], sample);
    expect(rows.map((r) => r.sample)).toEqual([{ selfTime: 110 / 120, criticalPath: 110 / 120 }, undefined]);
    expect(rows[1]).toEqual(row('api', 'POST'));
  });

  it('without a sample the rows are the connector’s', () => {
    expect(joinLatencyRows([row('db')], undefined)).toEqual([row('db')]);
  });
});
