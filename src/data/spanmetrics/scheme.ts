/**
 * Span-metrics scheme detection.
 *
 * Candidates are recognised from the metric names the Prometheus actually holds
 * (`/api/v1/label/__name__/values`):
 *   - Tempo metrics-generator: `traces_spanmetrics_calls_total` + `traces_spanmetrics_latency[_bucket]` (seconds)
 *   - OTel collector spanmetrics connector: `traces_span_metrics_calls_total` +
 *     `traces_span_metrics_duration_{milliseconds|seconds}[_bucket]`, or the same without the
 *     `traces_span_metrics_` namespace (`calls_total`, `duration_milliseconds_bucket`, …)
 * A latency metric with `_bucket` is a classic histogram; the bare name alone is a native one.
 * The service label is then read off one real series of the calls metric (`service` or
 * `service_name`), never assumed. Exactly one complete candidate → `detected`; none → `none`;
 * several (e.g. Tempo and an OTel collector writing to the same Prometheus) → `mixed`, so the
 * caller asks the user instead of guessing. Service-graph metrics are detected alongside.
 */
import { PrometheusClient } from '../prometheus/client';
import { selector } from '../queries/promql';

export type SchemeId = 'tempo' | 'otel' | 'otel-legacy';

export interface SpanMetricsScheme {
  id: SchemeId;
  callsMetric: string;
  /** latency metric base name: classic buckets are `<base>_bucket`, a native histogram is `<base>` */
  latencyMetric: string;
  histogram: 'classic' | 'native';
  /** latency units per second: 1 for seconds, 1000 for milliseconds */
  latencyUnitsPerSecond: 1 | 1000;
  labels: { service: string; spanName: string; spanKind: string; statusCode: string };
  errorStatusValue: string;
  serviceGraph?: ServiceGraphScheme;
}

export interface ServiceGraphScheme {
  requestMetric: string;
  failedMetric: string;
  /** classic histogram base of the server-side latency (seconds), if present */
  serverLatencyMetric?: string;
}

export type SchemeDetection =
  | { kind: 'detected'; scheme: SpanMetricsScheme }
  | { kind: 'none'; message: string }
  | { kind: 'mixed'; candidates: SchemeId[]; message: string };

const LABELS = { spanName: 'span_name', spanKind: 'span_kind', statusCode: 'status_code' };

/**
 * Each scheme as its producer writes it by default (classic histograms, no service graph), for a
 * scheme chosen in the settings rather than detected.
 */
export const PRESET_SCHEMES: Record<SchemeId, SpanMetricsScheme> = {
  tempo: {
    id: 'tempo',
    callsMetric: 'traces_spanmetrics_calls_total',
    latencyMetric: 'traces_spanmetrics_latency',
    histogram: 'classic',
    latencyUnitsPerSecond: 1,
    labels: { service: 'service', ...LABELS },
    errorStatusValue: 'STATUS_CODE_ERROR',
  },
  otel: {
    id: 'otel',
    callsMetric: 'traces_span_metrics_calls_total',
    latencyMetric: 'traces_span_metrics_duration_milliseconds',
    histogram: 'classic',
    latencyUnitsPerSecond: 1000,
    labels: { service: 'service_name', ...LABELS },
    errorStatusValue: 'STATUS_CODE_ERROR',
  },
  'otel-legacy': {
    id: 'otel-legacy',
    callsMetric: 'calls_total',
    latencyMetric: 'duration_milliseconds',
    histogram: 'classic',
    latencyUnitsPerSecond: 1000,
    labels: { service: 'service_name', ...LABELS },
    errorStatusValue: 'STATUS_CODE_ERROR',
  },
};

interface Candidate {
  id: SchemeId;
  calls: string;
  latencyBases: Array<{ base: string; unit: 1 | 1000 }>;
}

const CANDIDATES: Candidate[] = [
  {
    id: 'tempo',
    calls: 'traces_spanmetrics_calls_total',
    latencyBases: [{ base: 'traces_spanmetrics_latency', unit: 1 }],
  },
  {
    id: 'otel',
    calls: 'traces_span_metrics_calls_total',
    latencyBases: [
      { base: 'traces_span_metrics_duration_milliseconds', unit: 1000 },
      { base: 'traces_span_metrics_duration_seconds', unit: 1 },
    ],
  },
  {
    id: 'otel-legacy',
    calls: 'calls_total',
    latencyBases: [
      { base: 'duration_milliseconds', unit: 1000 },
      { base: 'duration_seconds', unit: 1 },
    ],
  },
];

/** Which candidate schemes' metrics exist, by name alone (pure; exported for tests). */
export function matchCandidates(
  names: Set<string>
): Array<Omit<SpanMetricsScheme, 'labels' | 'errorStatusValue' | 'serviceGraph'>> {
  const found = [];
  for (const c of CANDIDATES) {
    if (!names.has(c.calls)) {
      continue;
    }
    for (const { base, unit } of c.latencyBases) {
      const histogram = names.has(`${base}_bucket`) ? 'classic' : names.has(base) ? 'native' : undefined;
      if (histogram) {
        found.push({
          id: c.id,
          callsMetric: c.calls,
          latencyMetric: base,
          histogram,
          latencyUnitsPerSecond: unit,
        } as const);
        break;
      }
    }
  }
  return found;
}

export function matchServiceGraph(names: Set<string>): ServiceGraphScheme | undefined {
  if (!names.has('traces_service_graph_request_total')) {
    return undefined;
  }
  return {
    requestMetric: 'traces_service_graph_request_total',
    failedMetric: 'traces_service_graph_request_failed_total',
    serverLatencyMetric: names.has('traces_service_graph_request_server_seconds_bucket')
      ? 'traces_service_graph_request_server_seconds'
      : undefined,
  };
}

export async function detectScheme(
  prom: PrometheusClient,
  range: { start: number; end: number }
): Promise<SchemeDetection> {
  const names = new Set(await prom.labelValues('__name__', range));
  const matches = matchCandidates(names);
  if (matches.length === 0) {
    return {
      kind: 'none',
      message:
        'No span metrics found: expected Tempo metrics-generator (traces_spanmetrics_*) or OpenTelemetry collector spanmetrics (traces_span_metrics_* or calls_total/duration_*) series in this time range.',
    };
  }
  if (matches.length > 1) {
    return {
      kind: 'mixed',
      candidates: matches.map((m) => m.id),
      message: `Several span-metrics schemes are present (${matches.map((m) => m.callsMetric).join(', ')}); choose one in the TraceLens settings.`,
    };
  }
  const match = matches[0];
  const sample = await prom.series(selector(match.callsMetric), range);
  const labelNames = new Set(sample.flatMap((s) => Object.keys(s)));
  const service = labelNames.has('service') ? 'service' : labelNames.has('service_name') ? 'service_name' : undefined;
  if (!service || !labelNames.has('span_name')) {
    return {
      kind: 'none',
      message: `${match.callsMetric} exists but its series lack a service label (service or service_name) and span_name; cannot use them.`,
    };
  }
  return {
    kind: 'detected',
    scheme: {
      ...match,
      labels: { service, ...LABELS },
      errorStatusValue: 'STATUS_CODE_ERROR',
      serviceGraph: matchServiceGraph(names),
    },
  };
}
