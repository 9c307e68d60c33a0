/**
 * What a data-layer error says, as a reason and the values its sentence names, so that the UI can
 * say it in the user's language (components/errorText.ts) while the error's `message` says it in
 * English (logs, Node callers). One entry per sentence: {@link ERROR_SENTENCES} holds each reason's
 * kind and English sentence; {@link dataError} makes the DataError. `said` is the server's own
 * words (cut and escaped by the caller), absent when it gave none; `target` names whom the request
 * went to in English, with its parts (name, datasource uid or URL) where the transport gave them,
 * so that the UI can name it too. O(length of the values).
 */
import type { ParseErrorWords } from '../engine';
import type { DataErrorKind } from './errors';

/**
 * Who a request went to, in parts: a product name and the Grafana datasource uid it was reached
 * through, or the base URL it was fetched from; {@link targetText} says it in English.
 */
export interface TargetParts {
  name: string;
  datasource?: string;
  url?: string;
}

/** `Tempo (datasource "tempo")`, `Prometheus at http://…`, or the bare name. */
export const targetText = (p: TargetParts) =>
  p.datasource !== undefined ? `${p.name} (datasource "${p.datasource}")` : p.url ? `${p.name} at ${p.url}` : p.name;

/** A sentence's target: its English text, and its parts where the request's transport gave them. */
export type Where = { target: string; parts?: TargetParts };

/** The values each sentence names, by reason. */
export interface ErrorValues {
  'request-cancelled': Where & { path: string };
  'no-answer': Where & { path: string; within: string };
  unreachable: Where & { cause: string };
  'not-json': Where & { path: string; cause: string };
  unauthorized: Where & { said?: string };
  forbidden: Where & { said?: string };
  'datasource-not-found': Where & { said?: string };
  'trace-not-found': Where & { said?: string };
  'traceql-metrics-disabled': Where & { said?: string };
  'query-rejected': Where & { said?: string };
  'query-not-executed': Where & { said?: string };
  'not-ready': Where & { status: number; said?: string };
  'gateway-timeout': Where & { path: string; said?: string };
  'http-failed': Where & { path: string; status: number; said?: string };
  'trace-too-large': Where & { traceId: string; status: number; said?: string };
  'partial-trace': Where & { said?: string };
  'prometheus-failed': Where & { path: string; said?: string };
  'not-a-trace-id': { traceId: string };
  'trace-absent': Where & { traceId: string };
  'trace-not-json': Where & { traceId: string; cause: string };
  'trace-without-result': Where & { traceId: string };
  'trace-not-jaeger-json': Where & { traceId: string };
  'trace-load-cancelled': Where & { traceId: string };
  /** `cause`: the reader's English message; `causeWords`: its code and values, where it gave them */
  'trace-unreadable': Where & { traceId: string; cause: string; causeWords?: ParseErrorWords };
  'trace-failed': Where & { traceId: string; cause: string };
  'stitch-cancelled': { traceId: string };
  'jaeger-one-service': Where;
  'jaeger-bad-duration': { ms: number };
  'jaeger-tag-name': { name: string };
  'jaeger-no-traceql': Where;
  'not-traceql': { cause: string };
  'no-dependency-api': Where;
  'not-a-vector': { expr: string; resultType: string };
  'native-histogram': { metric: string };
  'no-service-graph': Record<string, never>;
  'no-peer-label': { metric: string };
  'bucket-without-le': { le: string };
  'no-span-metrics': Record<string, never>;
  'mixed-schemes': { metrics: string };
  'span-metric-labels': { metric: string };
  'no-connector-metrics': Record<string, never>;
  'unknown-scheme-setting': { setting: string; presets: string };
  'no-datasource': { uid: string };
  'datasource-wrong-type': { uid: string; type: string };
}

export type ErrorReason = keyof ErrorValues;

/** A reason with its values (a discriminated union: `values` has the reason's shape). */
export type ErrorWords = { [R in ErrorReason]: { reason: R; values: ErrorValues[R] } }[ErrorReason];

type Sentences = { [R in ErrorReason]: { kind: DataErrorKind; english: (v: ErrorValues[R]) => string } };

const colon = (said?: string) => (said ? `: ${said}` : '');

/** Each reason's kind and English sentence (the UI's en-US text is the same, components/errorText.ts). */
export const ERROR_SENTENCES: Sentences = {
  'request-cancelled': { kind: 'cancelled', english: (v) => `The request to ${v.target} (${v.path}) was cancelled.` },
  'no-answer': { kind: 'timeout', english: (v) => `${v.target} (${v.path}) did not answer within ${v.within}.` },
  unreachable: {
    kind: 'unreachable',
    english: (v) => `${v.target} is unreachable: ${v.cause}. Check that it is running and that its URL is right.`,
  },
  'not-json': {
    kind: 'bad-response',
    english: (v) => `${v.target} (${v.path}) answered with something that is not JSON: ${v.cause}`,
  },
  unauthorized: {
    kind: 'unauthorized',
    english: (v) =>
      `${v.target} refused the request as unauthenticated (401)${colon(v.said)}. Check the datasource's credentials.`,
  },
  forbidden: {
    kind: 'forbidden',
    english: (v) =>
      `${v.target} refused access (403)${colon(v.said)}. Your user or the datasource's credentials lack permission.`,
  },
  'datasource-not-found': {
    kind: 'datasource-not-found',
    english: (v) =>
      `The datasource for ${v.target} was not found${colon(v.said)}. Pick an existing Tempo/Prometheus datasource in the TraceLens settings.`,
  },
  'trace-not-found': {
    kind: 'trace-not-found',
    english: (v) =>
      `Trace not found in ${v.target}${colon(v.said)}. It may be outside the searched time range or past retention.`,
  },
  'traceql-metrics-disabled': {
    kind: 'traceql-metrics-disabled',
    english: (v) =>
      `TraceQL metrics are not enabled in ${v.target}${colon(v.said)}. Enable the metrics-generator's local-blocks processor (Tempo 2.x) to use them.`,
  },
  'query-rejected': { kind: 'query-syntax', english: (v) => `${v.target} rejected the query${colon(v.said)}` },
  'query-not-executed': {
    kind: 'query-failed',
    english: (v) => `${v.target} could not execute the query${colon(v.said)}`,
  },
  'not-ready': {
    kind: 'unreachable',
    english: (v) => `${v.target} is unreachable or not ready (${v.status})${colon(v.said)}.`,
  },
  'gateway-timeout': { kind: 'timeout', english: (v) => `${v.target} (${v.path}) timed out (504)${colon(v.said)}.` },
  'http-failed': {
    kind: 'query-failed',
    english: (v) => `${v.target} (${v.path}) failed with HTTP ${v.status}${colon(v.said)}`,
  },
  'trace-too-large': {
    kind: 'trace-too-large',
    english: (v) =>
      `Trace ${v.traceId} is larger than ${v.target} serves: HTTP ${v.status}${v.said ? ` (${v.said})` : ''}. ` +
      `Tempo refuses traces over its max_bytes_per_trace limit (5 MB by default); it is a server setting ` +
      `(Tempo's overrides), so ask Tempo's operator to raise it.`,
  },
  'partial-trace': {
    kind: 'partial-trace',
    english: (v) => `${v.target} returned only part of this trace${colon(v.said)}.`,
  },
  'prometheus-failed': {
    kind: 'query-failed',
    english: (v) => `${v.target} (${v.path}) failed: ${v.said ?? 'no reason given'}`,
  },
  'not-a-trace-id': {
    kind: 'query-syntax',
    english: (v) => `'${v.traceId}' is not a trace id: expected up to 32 hexadecimal digits.`,
  },
  'trace-absent': { kind: 'trace-not-found', english: (v) => `Trace ${v.traceId} not found in ${v.target}.` },
  'trace-not-json': {
    kind: 'bad-response',
    english: (v) => `${v.target} answered trace ${v.traceId} with something that is not JSON: ${v.cause}`,
  },
  'trace-without-result': {
    kind: 'bad-response',
    english: (v) => `${v.target} answered trace ${v.traceId} without a "result".`,
  },
  'trace-not-jaeger-json': {
    kind: 'bad-response',
    english: (v) => `${v.target} answered trace ${v.traceId} with something that is not Jaeger's trace JSON.`,
  },
  'trace-load-cancelled': {
    kind: 'cancelled',
    english: (v) => `Loading trace ${v.traceId} from ${v.target} was cancelled.`,
  },
  'trace-unreadable': {
    kind: 'bad-response',
    english: (v) => `${v.target} sent trace ${v.traceId} in a form TraceLens cannot read: ${v.cause}`,
  },
  'trace-failed': { kind: 'bad-response', english: (v) => `Trace ${v.traceId} from ${v.target} failed: ${v.cause}` },
  'stitch-cancelled': { kind: 'cancelled', english: (v) => `Stitching trace ${v.traceId} was cancelled.` },
  'jaeger-one-service': {
    kind: 'query-syntax',
    english: (v) =>
      `${v.target} searches one service at a time: pick a service (Jaeger answers "parameter 'service' is required" without one).`,
  },
  'jaeger-bad-duration': {
    kind: 'query-syntax',
    english: (v) => `${v.ms} ms is not a duration Jaeger can search for.`,
  },
  'jaeger-tag-name': {
    kind: 'query-syntax',
    english: (v) => `Grafana's Jaeger query editor cannot hold the tag name ${v.name}.`,
  },
  'jaeger-no-traceql': {
    kind: 'query-syntax',
    english: (v) =>
      `${v.target} is a Jaeger datasource: it takes no TraceQL. Search with the builder (service, span name, status, duration, attributes).`,
  },
  'not-traceql': {
    kind: 'query-syntax',
    english: (v) => `The search filter cannot be written as TraceQL: ${v.cause}.`,
  },
  'no-dependency-api': {
    kind: 'query-failed',
    english: (v) =>
      `${v.target} has no dependency API: Tempo's service graph is metrics (traces_service_graph_*) in Prometheus.`,
  },
  'not-a-vector': {
    kind: 'bad-response',
    english: (v) => `Expected an instant vector from '${v.expr}', got ${v.resultType}.`,
  },
  'native-histogram': {
    kind: 'query-failed',
    english: (v) => `${v.metric} is a native histogram: it has no fixed buckets to read.`,
  },
  'no-service-graph': {
    kind: 'query-failed',
    english: () => 'This Prometheus holds no service-graph metrics (traces_service_graph_request_total).',
  },
  'no-peer-label': {
    kind: 'query-failed',
    english: (v) => `The span metrics (${v.metric}) carry no peer-service label.`,
  },
  'bucket-without-le': {
    kind: 'bad-response',
    english: (v) => `Histogram bucket without a numeric le label (${v.le}).`,
  },
  'no-span-metrics': {
    kind: 'query-failed',
    english: () =>
      'No span metrics found: expected Tempo metrics-generator (traces_spanmetrics_*) or OpenTelemetry collector spanmetrics (traces_span_metrics_*, traces.span.metrics.* or calls_total/duration_*) series in this time range.',
  },
  'mixed-schemes': {
    kind: 'query-failed',
    english: (v) => `Several span-metrics schemes are present (${v.metrics}); choose one in the TraceLens settings.`,
  },
  'span-metric-labels': {
    kind: 'query-failed',
    english: (v) =>
      `${v.metric} exists but its series lack a service label (service, service_name or service.name) with a span-name label (span_name or span.name); cannot use them.`,
  },
  'no-connector-metrics': {
    kind: 'query-failed',
    english: () =>
      'No TraceLens connector metrics (<namespace>_span_self_time_seconds and <namespace>_span_critical_path_time_seconds histograms) in this time range.',
  },
  'unknown-scheme-setting': {
    kind: 'query-failed',
    english: (v) =>
      `The app setting spanMetricsScheme is "${v.setting}", which TraceLens does not know: use auto or one of ${v.presets}.`,
  },
  'no-datasource': {
    kind: 'datasource-not-found',
    english: (v) =>
      `There is no datasource with uid "${v.uid}". Pick a Tempo or Jaeger datasource above, or set the default one in the TraceLens settings.`,
  },
  'datasource-wrong-type': {
    kind: 'datasource-not-found',
    english: (v) =>
      `Datasource "${v.uid}" is of type "${v.type}": TraceLens reads traces from Tempo and Jaeger datasources. Pick one of those.`,
  },
};

/** The English sentence of `words`. */
export function englishOf(words: ErrorWords): string {
  const english = ERROR_SENTENCES[words.reason].english as (v: ErrorWords['values']) => string;
  return english(words.values);
}
