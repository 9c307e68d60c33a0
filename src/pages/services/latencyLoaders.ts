/**
 * What the services page loads for its self-time and critical-path section: the TraceLens
 * connector's metrics in the page's Prometheus (undefined when absent), their breakdown per
 * service or per operation of one service, and the same shares over a sample of fetched traces —
 * the newest {@link SAMPLE_TRACES} traces of the range (of the service, when one is chosen), loaded
 * and analysed through the loading service — and the connector's self-time and critical-path time
 * rates over time, per service or per operation of one service. A source that cannot search without a service (Jaeger)
 * is searched once per service: the newest N traces overall are among the newest N of each of
 * their services, so the union cut to the newest N is the same sample.
 */
import {
  createLatencyMetrics,
  DataError,
  detectLatencyMetrics,
  LatencyMetrics,
  LatencyOverTime,
  PrometheusClient,
  UnixSecondsRange,
} from '../../data';
import { loadTraces } from '../../loading';
import type { TraceHit, TraceSource } from '../../sources/types';
import { joinLatencyRows, LatencyRow, SampleShares, sampleShares } from './latencyShares';

/** traces in the sample */
export const SAMPLE_TRACES = 50;

const rangeSec = (s: UnixSecondsRange) => Math.max(60, s.end - s.start);

export async function loadLatencyMetrics(
  prom: PrometheusClient,
  s: UnixSecondsRange,
  signal: AbortSignal
): Promise<LatencyMetrics | undefined> {
  const detection = await detectLatencyMetrics(prom, s, signal);
  return detection.kind === 'detected' ? createLatencyMetrics(prom, detection.scheme) : undefined;
}

/** The newest `limit` trace ids of the range, of `service` when given (see the file header). */
async function newestTraceIds(
  source: TraceSource,
  service: string | undefined,
  s: UnixSecondsRange,
  signal: AbortSignal
): Promise<string[]> {
  const options = { ...s, limit: SAMPLE_TRACES };
  const search = (svc: string | undefined) =>
    source.search({ filter: svc === undefined ? {} : { service: svc } }, options, { signal });
  const hits: TraceHit[] =
    service !== undefined || source.capabilities.traceql
      ? await search(service)
      : (await Promise.all((await source.services(s, { signal })).map(search))).flat();
  const newest = new Map<string, number>();
  for (const h of hits) {
    newest.set(h.traceId, h.startMs);
  }
  return [...newest]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SAMPLE_TRACES)
    .map(([id]) => id);
}

/** Shares over the sample; traces that failed to load are left out (`traces` counts those analysed). */
export async function loadSampleShares(
  source: TraceSource,
  service: string | undefined,
  s: UnixSecondsRange,
  signal: AbortSignal
): Promise<SampleShares> {
  const ids = await newestTraceIds(source, service, s, signal);
  const results = await loadTraces(source, ids, { signal, range: s });
  const analyses = [...results.values()].flatMap((r) => (r instanceof DataError ? [] : [r.analysis]));
  return sampleShares(analyses, service === undefined ? 'service' : 'operation', service);
}

/** The connector's breakdown per service, or per operation of `service`, joined with the sample's shares (the sample left out when it fails). */
export async function loadLatencyRows(
  metrics: LatencyMetrics,
  sample: Promise<SampleShares> | undefined,
  service: string | undefined,
  s: UnixSecondsRange,
  signal: AbortSignal
): Promise<{ rows: LatencyRow[]; sampleTraces?: number; sampleError?: Error }> {
  const w = { time: s.end, rangeSec: rangeSec(s) };
  const [connector, sampled] = await Promise.all([
    service === undefined
      ? metrics.breakdown({}, 'service', w, signal)
      : metrics.breakdown({ service }, 'operation', w, signal),
    sample?.then(
      (v) => ({ value: v }),
      (error: Error) => ({ error })
    ),
  ]);
  return {
    rows: joinLatencyRows(connector, sampled && 'value' in sampled ? sampled.value : undefined),
    ...(sampled && 'value' in sampled ? { sampleTraces: sampled.value.traces } : {}),
    ...(sampled && 'error' in sampled ? { sampleError: sampled.error } : {}),
  };
}

/** Self-time and critical-path time rates over the range, per service, or per operation of `service`. */
export function loadLatencyCharts(
  metrics: LatencyMetrics,
  service: string | undefined,
  s: UnixSecondsRange,
  signal: AbortSignal
): Promise<LatencyOverTime> {
  return service === undefined
    ? metrics.overTime({}, 'service', s, { signal })
    : metrics.overTime({ service }, 'operation', s, { signal });
}
