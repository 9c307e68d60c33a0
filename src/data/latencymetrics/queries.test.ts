import { counterQuery, latencyMeasureQuantileQuery, timeRateQuery } from './queries';
import { latencyMetricsNames } from './scheme';

const prom2 = latencyMetricsNames('tracelens', '_');
const prom3 = latencyMetricsNames('tracelens', '.');

describe('latency-metrics PromQL', () => {
  it('time rate per service: the histogram sum, rate over the range', () => {
    expect(timeRateQuery(prom2, 'selfTime', {}, 'service', 300)).toBe(
      'sum by (service_name) (rate(tracelens_span_self_time_seconds_sum{}[300s]))'
    );
    expect(timeRateQuery(prom3, 'criticalPath', {}, 'service', 300)).toBe(
      'sum by ("service.name") (rate({"tracelens.span.critical_path_time_seconds_sum"}[300s]))'
    );
  });

  it('per operation of one service, its name quoted and escaped', () => {
    expect(timeRateQuery(prom2, 'selfTime', { service: 'a"b\\c\nd' }, 'operation', 90.5)).toBe(
      'sum by (service_name, span_name) (rate(tracelens_span_self_time_seconds_sum{service_name="a\\"b\\\\c\\nd"}[90500ms]))'
    );
  });

  it('quantiles over the buckets, by group and le', () => {
    expect(latencyMeasureQuantileQuery(prom3, 'selfTime', 0.95, { service: 'x' }, 'operation', 60)).toBe(
      'histogram_quantile(0.95, sum by ("service.name", "span.name", le) (rate({"tracelens.span.self_time_seconds_bucket", "service.name"="x"}[60s])))'
    );
    expect(() => latencyMeasureQuantileQuery(prom2, 'selfTime', 1.5, {}, 'service', 60)).toThrow(
      'a quantile is between 0 and 1, got 1.5'
    );
  });

  it('native histograms: histogram_sum for the rate, no le', () => {
    const native = latencyMetricsNames('tracelens', '_', 'native');
    expect(timeRateQuery(native, 'selfTime', {}, 'service', 60)).toBe(
      'sum by (service_name) (histogram_sum(rate(tracelens_span_self_time_seconds{}[60s])))'
    );
    expect(latencyMeasureQuantileQuery(native, 'criticalPath', 0.5, {}, 'service', 60)).toBe(
      'histogram_quantile(0.5, sum by (service_name) (rate(tracelens_span_critical_path_time_seconds{}[60s])))'
    );
  });

  it('counters: the last count in the range, by reason except for analysed', () => {
    expect(counterQuery(prom2, 'analyzed', 3600)).toBe(
      'sum (last_over_time(tracelens_traces_analyzed_total{}[3600s]))'
    );
    expect(counterQuery(prom3, 'dropped', 3600)).toBe(
      'sum by (reason) (last_over_time({"tracelens.spans.dropped_total"}[3600s]))'
    );
  });
});
