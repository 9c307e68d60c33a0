/**
 * Detection of the TraceLens connector's metrics (collector/, `tracelens_latency`) in a Prometheus.
 *
 * The connector writes, under a namespace (`tracelens` by default), a self-time and a
 * critical-path-time histogram per span group and three counters. Prometheus stores them under one
 * of two namings, told apart by the separator after the namespace:
 *   - `_` (remote write, or Prometheus 3's OTLP receiver with underscore escaping):
 *     `tracelens_span_self_time_seconds_{bucket,count,sum}`, `tracelens_traces_analyzed_total`, …
 *     with labels `service_name`, `span_name`, `span_kind`;
 *   - `.` (Prometheus 3's OTLP receiver without escaping): `tracelens.span.self_time_seconds_…`,
 *     `tracelens.traces.analyzed_total`, … with labels `service.name`, `span.name`, `span.kind`.
 * The namespace is read off the metric names (`<ns><sep>span<sep>self_time_seconds_count`, or the
 * bare name of a native histogram), never assumed; the critical-path histogram must be there too.
 * Several namespaces: `tracelens` if among them, else the first in code-point order. O(names).
 */
import { PrometheusClient } from '../prometheus/client';
import { DataError, dataError } from '../errors';
import type { UnixSecondsRange } from '../unix-seconds-range';

export interface LatencyMetricsScheme {
  namespace: string;
  /** what follows the namespace and each word of a name: `_` or `.` */
  separator: '_' | '.';
  /** histogram base names (seconds): classic buckets are `<base>_bucket`, a native histogram is `<base>` */
  selfTime: string;
  criticalPath: string;
  histogram: 'classic' | 'native';
  /** counters: traces analysed, traces not completed (by `reason`), spans dropped (by `reason`) */
  analyzed: string;
  incomplete: string;
  dropped: string;
  labels: { service: string; spanName: string; spanKind: string; reason: string };
}

export type LatencyMetricsDetection =
  { kind: 'detected'; scheme: LatencyMetricsScheme } | { kind: 'none'; problem: DataError };

const SELF_TIME = /^(.+?)([._])span\2self_time_seconds(_count)?$/;

/** The connector's names under `namespace` and `separator`, as Prometheus stores them. */
export function latencyMetricsNames(
  namespace: string,
  separator: '_' | '.',
  histogram: 'classic' | 'native' = 'classic'
): LatencyMetricsScheme {
  const name = (...words: string[]) => [namespace, ...words].join(separator);
  const dotted = separator === '.';
  return {
    namespace,
    separator,
    selfTime: name('span', 'self_time_seconds'),
    criticalPath: name('span', 'critical_path_time_seconds'),
    histogram,
    analyzed: `${name('traces', 'analyzed')}_total`,
    incomplete: `${name('traces', 'incomplete')}_total`,
    dropped: `${name('spans', 'dropped')}_total`,
    labels: {
      service: dotted ? 'service.name' : 'service_name',
      spanName: dotted ? 'span.name' : 'span_name',
      spanKind: dotted ? 'span.kind' : 'span_kind',
      reason: 'reason',
    },
  };
}

/** The connector's metrics among `names`, or undefined when absent (pure; exported for tests). */
export function matchLatencyMetrics(names: Iterable<string>): LatencyMetricsScheme | undefined {
  const all = new Set(names);
  const found: LatencyMetricsScheme[] = [];
  for (const n of [...all].sort()) {
    const m = SELF_TIME.exec(n);
    if (!m) {
      continue;
    }
    const scheme = latencyMetricsNames(m[1], m[2] as '_' | '.', m[3] ? 'classic' : 'native');
    const present = (base: string) => (scheme.histogram === 'classic' ? all.has(`${base}_bucket`) : all.has(base));
    if (present(scheme.selfTime) && present(scheme.criticalPath)) {
      found.push(scheme);
    }
  }
  return found.find((s) => s.namespace === 'tracelens' && s.histogram === 'classic') ?? found[0];
}

export async function detectLatencyMetrics(
  prom: PrometheusClient,
  range: UnixSecondsRange,
  signal?: AbortSignal
): Promise<LatencyMetricsDetection> {
  const scheme = matchLatencyMetrics(await prom.labelValues('__name__', range, { signal }));
  return scheme ? { kind: 'detected', scheme } : { kind: 'none', problem: dataError('no-connector-metrics', {}) };
}
