import { bucketsQuery, edgeQuantileQuery, edgeRateQuery, errorRatioQuery, quantileQuery, rateQuery } from './queries';
import { PRESET_SCHEMES } from './scheme';

const { tempo, otel } = PRESET_SCHEMES;

describe('span-metrics PromQL', () => {
  it('rate per service, escaping filter values', () => {
    expect(rateQuery(tempo, { services: ['a"b'] }, 'service', 300)).toBe(
      'sum by (service) (rate(traces_spanmetrics_calls_total{service="a\\"b"}[300s]))'
    );
  });

  it('error ratio per operation keeps error-free groups at 0', () => {
    expect(errorRatioQuery(otel, { services: ['x', 'y.z'] }, 'operation', 60)).toBe(
      '(sum by (service_name, span_name) (rate(traces_span_metrics_calls_total{service_name=~"x|y\\\\.z", status_code="STATUS_CODE_ERROR"}[60s]))' +
        ' or sum by (service_name, span_name) (rate(traces_span_metrics_calls_total{service_name=~"x|y\\\\.z"}[60s])) * 0)' +
        ' / sum by (service_name, span_name) (rate(traces_span_metrics_calls_total{service_name=~"x|y\\\\.z"}[60s]))'
    );
  });

  it('quantiles are in seconds whatever the unit; native histograms have no le', () => {
    expect(quantileQuery(tempo, 0.95, { operations: ['GET /x'] }, 'operation', 300)).toBe(
      'histogram_quantile(0.95, sum by (service, span_name, le) (rate(traces_spanmetrics_latency_bucket{span_name="GET /x"}[300s])))'
    );
    expect(quantileQuery(otel, 0.5, {}, 'service', 300)).toBe(
      'histogram_quantile(0.5, sum by (service_name, le) (rate(traces_span_metrics_duration_milliseconds_bucket{}[300s]))) / 1000'
    );
    expect(quantileQuery({ ...otel, histogram: 'native' }, 0.5, { spanKind: 'SPAN_KIND_SERVER' }, 'service', 300)).toBe(
      'histogram_quantile(0.5, sum by (service_name) (rate(traces_span_metrics_duration_milliseconds{span_kind="SPAN_KIND_SERVER"}[300s]))) / 1000'
    );
    expect(() => quantileQuery(tempo, 95, {}, 'service', 300)).toThrow(RangeError);
  });

  it('buckets of one operation, and service-graph edges', () => {
    expect(bucketsQuery(tempo, 'user-service', 'SELECT users', 60.5)).toBe(
      'sum by (le) (increase(traces_spanmetrics_latency_bucket{service="user-service", span_name="SELECT users"}[60500ms]))'
    );
    expect(edgeRateQuery('traces_service_graph_request_total', 300)).toBe(
      'sum by (client, server) (rate(traces_service_graph_request_total{}[300s]))'
    );
    expect(edgeQuantileQuery('traces_service_graph_request_server_seconds', 0.95, 300)).toBe(
      'histogram_quantile(0.95, sum by (client, server, le) (rate(traces_service_graph_request_server_seconds_bucket{}[300s])))'
    );
  });
});
