import {
  allowsUtf8Names,
  bucketsQuery,
  errorRatioQuery,
  peerEdgeQueries,
  quantileQuery,
  rateQuery,
  serviceGraphEdgeQueries,
} from './queries';
import { PRESET_SCHEMES } from './scheme';

const { tempo, otel } = PRESET_SCHEMES;
const utf8 = PRESET_SCHEMES['otel-utf8'];

describe('span-metrics PromQL', () => {
  it('rate per service, escaping filter values', () => {
    expect(rateQuery(tempo, { services: ['a"b'] }, 'service', 300).expr).toBe(
      'sum by (service) (rate(traces_spanmetrics_calls_total{service="a\\"b"}[300s]))'
    );
  });

  it('error ratio per operation keeps error-free groups at 0', () => {
    expect(errorRatioQuery(otel, { services: ['x', 'y.z'] }, 'operation', 60).expr).toBe(
      '(sum by (service_name, span_name) (rate(traces_span_metrics_calls_total{service_name=~"x|y\\\\.z", status_code="STATUS_CODE_ERROR"}[60s]))' +
        ' or sum by (service_name, span_name) (rate(traces_span_metrics_calls_total{service_name=~"x|y\\\\.z"}[60s])) * 0)' +
        ' / sum by (service_name, span_name) (rate(traces_span_metrics_calls_total{service_name=~"x|y\\\\.z"}[60s]))'
    );
  });

  it('quantiles are in seconds whatever the unit; native histograms have no le', () => {
    expect(quantileQuery(tempo, 0.95, { operations: ['GET /x'] }, 'operation', 300).expr).toBe(
      'histogram_quantile(0.95, sum by (service, span_name, le) (rate(traces_spanmetrics_latency_bucket{span_name="GET /x"}[300s])))'
    );
    expect(quantileQuery(otel, 0.5, {}, 'service', 300).expr).toBe(
      'histogram_quantile(0.5, sum by (service_name, le) (rate(traces_span_metrics_duration_milliseconds_bucket{}[300s]))) / 1000'
    );
    expect(
      quantileQuery({ ...otel, histogram: 'native' }, 0.5, { spanKind: 'SPAN_KIND_SERVER' }, 'service', 300).expr
    ).toBe(
      'histogram_quantile(0.5, sum by (service_name) (rate(traces_span_metrics_duration_milliseconds{span_kind="SPAN_KIND_SERVER"}[300s]))) / 1000'
    );
    expect(() => quantileQuery(tempo, 95, {}, 'service', 300)).toThrow(RangeError);
  });

  it('buckets of one operation', () => {
    expect(bucketsQuery(tempo, 'user-service', 'SELECT users', 60.5)).toEqual({
      notes: [],
      expr: 'sum by (le) (increase(traces_spanmetrics_latency_bucket{service="user-service", span_name="SELECT users"}[60500ms]))',
    });
  });

  it('service-graph edges: requests, failures and server p95 by client and server', () => {
    expect(
      serviceGraphEdgeQueries(
        {
          requestMetric: 'traces_service_graph_request_total',
          failedMetric: 'traces_service_graph_request_failed_total',
          serverLatencyMetric: 'traces_service_graph_request_server_seconds',
        },
        300
      )
    ).toEqual({
      labels: ['client', 'server'],
      rate: 'sum by (client, server) (rate(traces_service_graph_request_total{}[300s]))',
      failed: 'sum by (client, server) (rate(traces_service_graph_request_failed_total{}[300s]))',
      p95: 'histogram_quantile(0.95, sum by (client, server, le) (rate(traces_service_graph_request_server_seconds_bucket{}[300s])))',
      notes: [],
    });
  });

  it('peer edges: client spans with a peer label, errors and client p95 from the same metrics', () => {
    expect(
      peerEdgeQueries({ ...otel, labels: { ...otel.labels, peerService: 'peer_service' } }, 'peer_service', 60)
    ).toEqual({
      labels: ['service_name', 'peer_service'],
      rate: 'sum by (service_name, peer_service) (rate(traces_span_metrics_calls_total{span_kind="SPAN_KIND_CLIENT", peer_service!=""}[60s]))',
      failed:
        'sum by (service_name, peer_service) (rate(traces_span_metrics_calls_total{span_kind="SPAN_KIND_CLIENT", peer_service!="", status_code="STATUS_CODE_ERROR"}[60s]))',
      p95: 'histogram_quantile(0.95, sum by (service_name, peer_service, le) (rate(traces_span_metrics_duration_milliseconds_bucket{span_kind="SPAN_KIND_CLIENT", peer_service!=""}[60s]))) / 1000',
      notes: [],
    });
  });
});

describe('span-metrics PromQL on Prometheus 3 dotted names', () => {
  it('quotes every dotted metric and label name, in selectors and groupings', () => {
    expect(rateQuery(utf8, { services: ['a"b'] }, 'operation', 300).expr).toBe(
      'sum by ("service.name", "span.name") (rate({"traces.span.metrics.calls_total", "service.name"="a\\"b"}[300s]))'
    );
    expect(
      quantileQuery(PRESET_SCHEMES['otel-utf8-nosuffix'], 0.99, { spanKind: 'SPAN_KIND_SERVER' }, 'service', 60).expr
    ).toBe(
      'histogram_quantile(0.99, sum by ("service.name", le) (rate({"traces.span.metrics.duration_bucket", "span.kind"="SPAN_KIND_SERVER"}[60s]))) / 1000'
    );
    expect(errorRatioQuery(utf8, {}, 'service', 60).expr).toBe(
      '(sum by ("service.name") (rate({"traces.span.metrics.calls_total", "status.code"="STATUS_CODE_ERROR"}[60s]))' +
        ' or sum by ("service.name") (rate({"traces.span.metrics.calls_total"}[60s])) * 0)' +
        ' / sum by ("service.name") (rate({"traces.span.metrics.calls_total"}[60s]))'
    );
    expect(bucketsQuery(utf8, 'user-service', 'SELECT users', 60).expr).toBe(
      'sum by (le) (increase({"traces.span.metrics.duration_milliseconds_bucket", "service.name"="user-service", "span.name"="SELECT users"}[60s]))'
    );
    expect(peerEdgeQueries(utf8, 'peer.service', 60).rate).toBe(
      'sum by ("service.name", "peer.service") (rate({"traces.span.metrics.calls_total", "span.kind"="SPAN_KIND_CLIENT", "peer.service"!=""}[60s]))'
    );
  });
});

describe('span-metrics PromQL: what Prometheus 2 cannot parse, and ranges PromQL cannot hold', () => {
  it('a scheme allows quoted names only when Prometheus 3 is known to hold it', () => {
    expect(allowsUtf8Names(tempo)).toBe(false);
    expect(allowsUtf8Names(otel)).toBe(false);
    expect(allowsUtf8Names(utf8)).toBe(true);
    expect(allowsUtf8Names(PRESET_SCHEMES['otel-utf8-nosuffix'])).toBe(true);
    // the collector's names with dotted labels: only Prometheus 3 stores those
    expect(allowsUtf8Names({ ...otel, labels: { ...otel.labels, service: 'service.name' } })).toBe(true);
  });

  it('a dotted peer label on a scheme that may be Prometheus 2 is rejected, naming it', () => {
    expect(() => peerEdgeQueries(tempo, 'peer.service', 60)).toThrow(
      new RangeError(
        'Prometheus 2 cannot query the label name "peer.service" (not [a-zA-Z_][a-zA-Z0-9_]*); only Prometheus 3 can quote it'
      )
    );
    // on Prometheus 3 the same edge queries quote it
    expect(peerEdgeQueries(utf8, 'peer.service', 60).rate).toMatch(/^sum by \("service\.name", "peer\.service"\)/);
  });

  it('a range longer than PromQL holds is clamped, and every builder says so', () => {
    const note =
      "A range of 1e+21 s is longer than PromQL's longest (9223372036854 ms, ~292 years): 9223372036854ms is used.";
    for (const q of [
      rateQuery(tempo, {}, 'service', 1e21),
      errorRatioQuery(tempo, {}, 'service', 1e21),
      quantileQuery(tempo, 0.5, {}, 'service', 1e21),
      bucketsQuery(tempo, 's', 'o', 1e21),
    ]) {
      expect(q.notes).toEqual([note]);
      expect(q.expr).toContain('[9223372036854ms]');
      expect(q.expr).not.toMatch(/e\+|Infinity|NaN/);
    }
    const edges = peerEdgeQueries(
      { ...tempo, labels: { ...tempo.labels, peerService: 'peer_service' } },
      'peer_service',
      1e21
    );
    expect(edges.notes).toEqual([note]);
    expect([edges.rate, edges.failed, edges.p95].every((e) => e!.includes('[9223372036854ms]'))).toBe(true);
  });
});
