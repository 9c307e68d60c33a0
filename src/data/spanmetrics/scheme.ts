/**
 * Span-metrics scheme detection.
 *
 * Candidates are recognised from the metric names the Prometheus actually holds
 * (`/api/v1/label/__name__/values`):
 *   - Tempo metrics-generator: `traces_spanmetrics_calls_total` + `traces_spanmetrics_latency[_bucket]` (seconds)
 *   - OTel collector spanmetrics connector: `traces_span_metrics_calls_total` +
 *     `traces_span_metrics_duration_{milliseconds|seconds}[_bucket]` (remote write, or Prometheus 3's
 *     OTLP receiver with `UnderscoreEscapingWithSuffixes`), or the same without the
 *     `traces_span_metrics_` namespace (`calls_total`, `duration_milliseconds_bucket`, …)
 *   - the connector through Prometheus 3's OTLP receiver without escaping: `NoUTF8EscapingWithSuffixes`
 *     gives `traces.span.metrics.calls_total` + `traces.span.metrics.duration_{milliseconds|seconds}…`;
 *     `NoTranslation` gives `traces.span.metrics.calls` + `traces.span.metrics.duration[_bucket]`,
 *     whose name carries no unit: milliseconds are assumed (the connector's default `histogram.unit`).
 * A latency metric with `_bucket` is a classic histogram; the bare name alone is a native one.
 * The labels are then read off the real series of the calls metric, never assumed: the service
 * label (`service`, `service_name` or `service.name`) with its span-name label (`span_name`, or
 * `span.name` beside `service.name`), and a peer label (`peer_service` / `peer.service`) when some
 * series carry one. Exactly one complete candidate → `detected`; none → `none`; several (e.g. Tempo
 * and an OTel collector writing to the same Prometheus) → `mixed`, so the caller asks the user
 * instead of guessing. Service-graph metrics are detected alongside. O(names + series labels).
 */
import { DataError, dataError } from '../errors';
import { PrometheusClient } from '../prometheus/client';
import { selector } from '../queries/promql';
import type { UnixSecondsRange } from '../unix-seconds-range';

export type SchemeId = 'tempo' | 'otel' | 'otel-legacy' | 'otel-utf8' | 'otel-utf8-nosuffix';

export interface SchemeLabels {
  service: string;
  spanName: string;
  spanKind: string;
  statusCode: string;
  /** the callee of a client span (`peer_service`), when the series carry it */
  peerService?: string;
}

export interface SpanMetricsScheme {
  id: SchemeId;
  callsMetric: string;
  /** latency metric base name: classic buckets are `<base>_bucket`, a native histogram is `<base>` */
  latencyMetric: string;
  histogram: 'classic' | 'native';
  /** latency units per second: 1 for seconds, 1000 for milliseconds */
  latencyUnitsPerSecond: 1 | 1000;
  labels: SchemeLabels;
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
  | { kind: 'none'; problem: DataError }
  | { kind: 'mixed'; candidates: SchemeId[]; problem: DataError };

const UNDERSCORED = {
  spanName: 'span_name',
  spanKind: 'span_kind',
  statusCode: 'status_code',
  peerService: 'peer_service',
};
const DOTTED = { spanName: 'span.name', spanKind: 'span.kind', statusCode: 'status.code', peerService: 'peer.service' };

/** The label sets producers write, in the order they are looked for on the series. */
const LABEL_SETS: SchemeLabels[] = [
  { service: 'service', ...UNDERSCORED },
  { service: 'service_name', ...UNDERSCORED },
  { service: 'service.name', ...DOTTED },
];

interface Candidate {
  id: SchemeId;
  calls: string;
  /** in order of preference; the first is the producer's default */
  latencyBases: Array<{ base: string; unit: 1 | 1000 }>;
  /** the labels the producer writes by default */
  labels: SchemeLabels;
}

/** `<base>_milliseconds` (the collector's default unit), then `<base>_seconds`. */
const collectorUnits = (base: string): Candidate['latencyBases'] => [
  { base: `${base}_milliseconds`, unit: 1000 },
  { base: `${base}_seconds`, unit: 1 },
];

const CANDIDATES: Candidate[] = [
  {
    id: 'tempo',
    calls: 'traces_spanmetrics_calls_total',
    latencyBases: [{ base: 'traces_spanmetrics_latency', unit: 1 }],
    labels: LABEL_SETS[0],
  },
  {
    id: 'otel',
    calls: 'traces_span_metrics_calls_total',
    latencyBases: collectorUnits('traces_span_metrics_duration'),
    labels: LABEL_SETS[1],
  },
  { id: 'otel-legacy', calls: 'calls_total', latencyBases: collectorUnits('duration'), labels: LABEL_SETS[1] },
  {
    id: 'otel-utf8',
    calls: 'traces.span.metrics.calls_total',
    latencyBases: collectorUnits('traces.span.metrics.duration'),
    labels: LABEL_SETS[2],
  },
  {
    id: 'otel-utf8-nosuffix',
    calls: 'traces.span.metrics.calls',
    latencyBases: [{ base: 'traces.span.metrics.duration', unit: 1000 }],
    labels: LABEL_SETS[2],
  },
];

/**
 * Each scheme as its producer writes it by default (classic histograms, no service graph), for a
 * scheme chosen in the settings rather than detected. Without detection the peer label is unknown,
 * so a preset has none (dependency edges then come from elsewhere).
 */
export const PRESET_SCHEMES = Object.fromEntries(
  CANDIDATES.map(({ id, calls, latencyBases: [latency], labels: { peerService, ...labels } }) => [
    id,
    {
      id,
      callsMetric: calls,
      latencyMetric: latency.base,
      histogram: 'classic',
      latencyUnitsPerSecond: latency.unit,
      labels,
      errorStatusValue: 'STATUS_CODE_ERROR',
    },
  ])
) as Record<SchemeId, SpanMetricsScheme>;

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

export async function detectScheme(prom: PrometheusClient, range: UnixSecondsRange): Promise<SchemeDetection> {
  const names = new Set(await prom.labelValues('__name__', range));
  const matches = matchCandidates(names);
  if (matches.length === 0) {
    return {
      kind: 'none',
      problem: dataError('no-span-metrics', {}),
    };
  }
  if (matches.length > 1) {
    return {
      kind: 'mixed',
      candidates: matches.map((m) => m.id),
      problem: dataError('mixed-schemes', { metrics: matches.map((m) => m.callsMetric).join(', ') }),
    };
  }
  const match = matches[0];
  const sample = await prom.series(selector(match.callsMetric), range);
  const labelNames = new Set(sample.flatMap((s) => Object.keys(s)));
  const found = LABEL_SETS.find((set) => labelNames.has(set.service) && labelNames.has(set.spanName));
  if (!found) {
    return {
      kind: 'none',
      problem: dataError('span-metric-labels', { metric: match.callsMetric }),
    };
  }
  const { peerService, ...labels } = found;
  return {
    kind: 'detected',
    scheme: {
      ...match,
      labels: labelNames.has(peerService!) ? { ...labels, peerService } : labels,
      errorStatusValue: 'STATUS_CODE_ERROR',
      serviceGraph: matchServiceGraph(names),
    },
  };
}
