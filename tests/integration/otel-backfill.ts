/**
 * Rewrites the Tempo-generated span metrics a real Prometheus holds into what an OpenTelemetry
 * collector's spanmetrics connector would have written for the same spans —
 * `traces_span_metrics_calls_total` and `traces_span_metrics_duration_milliseconds_*` with a
 * `service_name` label and millisecond buckets — as an OpenMetrics file for
 * `promtool tsdb create-blocks-from openmetrics`. Sample timestamps are kept (ms precision).
 */
import { PrometheusClient } from '../../src/data/prometheus/client';
import { RangeVectorSeries } from '../../src/data/prometheus/types';
import { promqlDuration } from '../../src/data/queries/promql';

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function otelLabels(metric: Record<string, string>, extra: Record<string, string> = {}): string {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(metric)) {
    // `__metrics_gen_instance` (Tempo's generator instance) and other `__` labels are internal.
    if (k.startsWith('__') || k === 'source' || k === 'le') {
      continue;
    }
    out[k === 'service' ? 'service_name' : k] = v;
  }
  Object.assign(out, extra);
  return Object.entries(out)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(',');
}

const toMs = (le: string) => (le === '+Inf' ? '+Inf' : String(Number(le) * 1000));

function lines(
  name: string,
  series: RangeVectorSeries[],
  labels: (m: Record<string, string>) => string,
  scale = 1
): string[] {
  return series.flatMap((s) =>
    s.values.map(([t, v]) => `${name}{${labels(s.metric)}} ${Number(v) * scale} ${t.toFixed(3)}`)
  );
}

/** OpenMetrics text for every span-metrics series matching `matchers` (e.g. `service=~"a|b"`) over the last `lookbackSec`. */
export async function otelStyleOpenMetrics(
  prom: PrometheusClient,
  matchers: string,
  time: number,
  lookbackSec: number
): Promise<string> {
  const raw = async (metric: string) => {
    const data = await prom.query(`${metric}{${matchers}}[${promqlDuration(lookbackSec)}]`, time);
    if (data.resultType !== 'matrix') {
      throw new Error(`expected a matrix for ${metric}`);
    }
    return data.result;
  };
  const [calls, buckets, sums, counts] = await Promise.all([
    raw('traces_spanmetrics_calls_total'),
    raw('traces_spanmetrics_latency_bucket'),
    raw('traces_spanmetrics_latency_sum'),
    raw('traces_spanmetrics_latency_count'),
  ]);
  return [
    '# TYPE traces_span_metrics_calls counter',
    ...lines('traces_span_metrics_calls_total', calls, (m) => otelLabels(m)),
    '# TYPE traces_span_metrics_duration_milliseconds histogram',
    ...lines('traces_span_metrics_duration_milliseconds_bucket', buckets, (m) => otelLabels(m, { le: toMs(m.le) })),
    ...lines('traces_span_metrics_duration_milliseconds_sum', sums, (m) => otelLabels(m), 1000),
    ...lines('traces_span_metrics_duration_milliseconds_count', counts, (m) => otelLabels(m)),
    '# EOF',
    '',
  ].join('\n');
}
