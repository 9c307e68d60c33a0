import { createDataFrame, DataQueryRequest, FieldType } from '@grafana/data';
import { recordedRangeFrames } from '../../../tests/support/prometheusFrames';
import { allTrafficView, connectorMeasureOf } from './allTraffic';

/** the provisioned dashboard's all-traffic query */
const SELF_BY_SERVICE = 'sum by (service_name) (rate(tracelens_span_self_time_seconds_sum[$__rate_interval]))';
const request = (expr: string) => ({ targets: [{ refId: 'A', expr }] }) as unknown as DataQueryRequest;
const byService = { groupBy: { kind: 'service' } as const, topN: 0, sort: 'desc' as const };

describe('connectorMeasureOf', () => {
  const [frame] = recordedRangeFrames('latency-prom2-over-time-by-service', 0, 'A');

  it('reads the measure off the query of the frame’s refId, else off the executed query', () => {
    expect(connectorMeasureOf(frame, request(SELF_BY_SERVICE))).toBe('self');
    expect(connectorMeasureOf(frame, request('sum(rate({"tracelens.span.critical_path_time_seconds_sum"}[5m]))'))).toBe(
      'criticalPath'
    );
    // no request: the recorded expression, `…tracelens_span_self_time_seconds_sum{}[60s]…`
    expect(connectorMeasureOf(frame, undefined)).toBe('self');
  });

  it('is undefined for span metrics', () => {
    expect(
      connectorMeasureOf(
        frame,
        request('histogram_quantile(0.95, sum by (le) (rate(traces_spanmetrics_latency_bucket[5m])))')
      )
    ).toBeUndefined();
  });
});

describe('allTrafficView', () => {
  it('per service from the recorded self-time rates (Prometheus 2): mean rate over the range, shares of the sum', () => {
    const view = allTrafficView(recordedRangeFrames('latency-prom2-over-time-by-service', 0, 'A'), 'self', byService);
    // means of the 11 recorded samples (s/s): user-service 0.005946059…, auth-service 0.005153942…,
    // api-gateway 0.003679045…, frontend 0.003182730…, order-worker 0.002565826…; sum 0.020527602…
    expect(view.rows.map((r) => [r.label, r.share.toFixed(3)])).toEqual([
      ['user-service', '0.290'],
      ['auth-service', '0.251'],
      ['api-gateway', '0.179'],
      ['frontend', '0.155'],
      ['order-worker', '0.125'],
    ]);
    expect(view.rows[0].value).toBeCloseTo(5946059.393, 2);
    expect(view.denominator).toBeCloseTo(20527602.321, 2);
    expect(view.measureLabel).toBe('Self time per second');
    expect(view.denominatorNote).toBe("share of all groups' self time per second (20.5 ms/s)");
    expect(view.rows.every((r) => Number.isNaN(r.count))).toBe(true);
  });

  it('critical path per service (Prometheus 2): frontend’s share is 21.1%', () => {
    const view = allTrafficView(
      recordedRangeFrames('latency-prom2-over-time-by-service', 1, 'A'),
      'criticalPath',
      byService
    );
    // frontend 0.003182730 of 0.015116451 s/s
    expect(view.rows.find((r) => r.label === 'frontend')!.share).toBeCloseTo(0.2105, 4);
  });

  it('Prometheus 3 labels, a table of operations summed per service, nulls skipped, top N', () => {
    const table = createDataFrame({
      fields: [
        { name: 'service.name', type: FieldType.string, values: ['a', 'a', 'b'] },
        { name: 'span.name', type: FieldType.string, values: ['GET', 'POST', 'q'] },
        { name: 'Value #A', type: FieldType.number, values: [0.001, 0.003, 0.002] },
      ],
    });
    const series = createDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [0, 1, 2] },
        // mean of 0.001 and 0.003 (null skipped): 0.002
        { name: 'Value', type: FieldType.number, values: [0.001, null, 0.003], labels: { 'service.name': 'c' } },
      ],
    });
    // a: 4 ms/s, b: 2 ms/s, c: 2 ms/s of 8 ms/s
    const view = allTrafficView([table, series], 'self', { ...byService, sort: 'label' });
    expect(view.rows.map((r) => [r.label, r.value, r.share])).toEqual([
      ['a', 4e6, 0.5],
      ['b', 2e6, 0.25],
      ['c', 2e6, 0.25],
    ]);
    const top = allTrafficView([table, series], 'self', { ...byService, topN: 1 });
    expect(top.rows.map((r) => [r.label, r.share])).toEqual([
      ['a', 0.5],
      ['Other (2 groups)', 0.5],
    ]);
    const ops = allTrafficView([table], 'self', { ...byService, groupBy: { kind: 'operation' } });
    expect(ops.rows.map((r) => [r.label, r.share])).toEqual([
      ['a: POST', 0.5],
      ['b: q', 1 / 3],
      ['a: GET', 1 / 6],
    ]);
  });
});
