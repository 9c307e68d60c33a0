/**
 * Prometheus HTTP API client: instant and range queries, series, label values and exemplars.
 * Unwraps the `{status, data}` envelope; times are Unix seconds, `step` in seconds.
 */
import { dataError } from '../errors';
import { QueryParams, RequestOptions, Transport, whereOf } from '../transport';
import type { UnixSecondsRange } from '../unix-seconds-range';
import { ExemplarSeries, InstantQueryData, PromEnvelope, RangeQueryData, Labels } from './types';

export function createPrometheusClient(transport: Transport) {
  async function call<T>(path: string, params: QueryParams, request?: RequestOptions): Promise<T> {
    const envelope = await transport.get<PromEnvelope<T>>(path, params, request);
    if (envelope.status !== 'success') {
      throw dataError(
        'prometheus-failed',
        { ...whereOf(transport), path, said: envelope.error },
        { upstreamMessage: envelope.error }
      );
    }
    return envelope.data;
  }

  return {
    query: (expr: string, time?: number, request?: RequestOptions) =>
      call<InstantQueryData>('api/v1/query', { query: expr, time }, request),

    queryRange: (expr: string, range: UnixSecondsRange & { step: number }, request?: RequestOptions) =>
      call<RangeQueryData>(
        'api/v1/query_range',
        { query: expr, start: range.start, end: range.end, step: range.step },
        request
      ),

    /** Series matching one selector, e.g. `traces_spanmetrics_calls_total{service="x"}`. */
    series: (match: string, range: Partial<UnixSecondsRange> = {}, request?: RequestOptions) =>
      call<Labels[]>('api/v1/series', { 'match[]': match, start: range.start, end: range.end }, request),

    /** Values of `label`, optionally only among series matching `match`. */
    labelValues: (
      label: string,
      options: { match?: string; start?: number; end?: number } = {},
      request?: RequestOptions
    ) =>
      call<string[]>(
        `api/v1/label/${encodeURIComponent(label)}/values`,
        { 'match[]': options.match, start: options.start, end: options.end },
        request
      ),

    exemplars: (expr: string, range: UnixSecondsRange, request?: RequestOptions) =>
      call<ExemplarSeries[]>('api/v1/query_exemplars', { query: expr, start: range.start, end: range.end }, request),
  };
}

export type PrometheusClient = ReturnType<typeof createPrometheusClient>;

/** The number in an instant sample (`"NaN"`, `"+Inf"` included). */
export function sampleNumber(value: [number, string]): number {
  return Number(value[1] === '+Inf' ? Infinity : value[1] === '-Inf' ? -Infinity : value[1]);
}

/** The samples of an instant query that must answer a vector (a `bad-response` DataError otherwise). */
export async function instantVector(
  prom: PrometheusClient,
  expr: string,
  time: number,
  request?: RequestOptions
): Promise<Array<{ labels: Labels; value: number }>> {
  const data = await prom.query(expr, time, request);
  if (data.resultType !== 'vector') {
    throw dataError('not-a-vector', { expr, resultType: data.resultType });
  }
  return data.result.map((s) => ({ labels: s.metric, value: sampleNumber(s.value) }));
}
