/**
 * A failure in the user's language: a DataError with words (data/errorWords.ts) is said through t()
 * by its reason, with its values (a reader's error inside it by its own words, parseErrorText.ts);
 * a reader's TraceParseError with words by them; any other Error by its message, anything else as
 * text. In en-US the sentence is the error's English `message` to the letter. Values are data (names, ids, server
 * text) and are not HTML-escaped (AS_TEXT). O(length of the sentence).
 */
import { t } from '@grafana/i18n';
import type { TraceNote } from '../app/coverage';
import { DataError, ErrorValues, ErrorWords, Where } from '../data';
import { TraceParseError } from '../engine';
import { AS_TEXT } from './i18n';
import { parseErrorText } from './parseErrorText';

/** The server's words after a sentence's head ("…(401): Unauthorized"), or nothing. */
const said = (text?: string) => (text ? t('errors.said', ': {{text}}', { text, ...AS_TEXT }) : '');

/** Whom a request went to: `Tempo (datasource "tempo")`, `Prometheus at http://…`, or its English text. */
function targetWords({ target, parts }: Where): string {
  if (parts?.datasource !== undefined) {
    return t('errors.target-datasource', '{{name}} (datasource "{{datasource}}")', { ...parts, ...AS_TEXT });
  }
  if (parts?.url) {
    return t('errors.target-url', '{{name}} at {{url}}', { ...parts, ...AS_TEXT });
  }
  return parts?.name ?? target;
}

/** A sentence's values as text (not HTML-escaped), its target in the user's language. */
const asText = <V extends object>(v: V) => ({
  ...v,
  ...('target' in v ? { target: targetWords(v as Where) } : {}),
  ...AS_TEXT,
});

/** A sentence's values as text, with the server's words after its head. */
const saying = <V extends Where & { said?: string }>(v: V) => asText({ ...v, said: said(v.said) });

type Say = { [R in keyof ErrorValues]: (v: ErrorValues[R]) => string };

const SAY: Say = {
  'request-cancelled': (v) =>
    t('errors.request-cancelled', 'The request to {{target}} ({{path}}) was cancelled.', asText(v)),
  'no-answer': (v) => t('errors.no-answer', '{{target}} ({{path}}) did not answer within {{within}}.', asText(v)),
  unreachable: (v) =>
    t(
      'errors.unreachable',
      '{{target}} is unreachable: {{cause}}. Check that it is running and that its URL is right.',
      asText(v)
    ),
  'not-json': (v) =>
    t('errors.not-json', '{{target}} ({{path}}) answered with something that is not JSON: {{cause}}', asText(v)),
  unauthorized: (v) =>
    t(
      'errors.unauthorized',
      "{{target}} refused the request as unauthenticated (401){{said}}. Check the datasource's credentials.",
      saying(v)
    ),
  forbidden: (v) =>
    t(
      'errors.forbidden',
      "{{target}} refused access (403){{said}}. Your user or the datasource's credentials lack permission.",
      saying(v)
    ),
  'datasource-not-found': (v) =>
    t(
      'errors.datasource-not-found',
      'The datasource for {{target}} was not found{{said}}. Pick an existing Tempo/Prometheus datasource in the TraceLens settings.',
      saying(v)
    ),
  'trace-not-found': (v) =>
    t(
      'errors.trace-not-found',
      'Trace not found in {{target}}{{said}}. It may be outside the searched time range or past retention.',
      saying(v)
    ),
  'traceql-metrics-disabled': (v) =>
    t(
      'errors.traceql-metrics-disabled',
      "TraceQL metrics are not enabled in {{target}}{{said}}. Enable the metrics-generator's local-blocks processor (Tempo 2.x) to use them.",
      saying(v)
    ),
  'query-rejected': (v) => t('errors.query-rejected', '{{target}} rejected the query{{said}}', saying(v)),
  'query-not-executed': (v) =>
    t('errors.query-not-executed', '{{target}} could not execute the query{{said}}', saying(v)),
  'not-ready': (v) => t('errors.not-ready', '{{target}} is unreachable or not ready ({{status}}){{said}}.', saying(v)),
  'gateway-timeout': (v) => t('errors.gateway-timeout', '{{target}} ({{path}}) timed out (504){{said}}.', saying(v)),
  'http-failed': (v) => t('errors.http-failed', '{{target}} ({{path}}) failed with HTTP {{status}}{{said}}', saying(v)),
  'trace-too-large': (v) =>
    t(
      'errors.trace-too-large',
      "Trace {{traceId}} is larger than {{target}} serves: HTTP {{status}}{{said}}. Tempo refuses traces over its max_bytes_per_trace limit (5 MB by default); it is a server setting (Tempo's overrides), so ask Tempo's operator to raise it.",
      asText({ ...v, said: v.said ? t('errors.said-aside', ' ({{text}})', { text: v.said, ...AS_TEXT }) : '' })
    ),
  'partial-trace': (v) => t('errors.partial-trace', '{{target}} returned only part of this trace{{said}}.', saying(v)),
  'prometheus-failed': (v) =>
    t(
      'errors.prometheus-failed',
      '{{target}} ({{path}}) failed: {{said}}',
      asText({ ...v, said: v.said ?? t('errors.no-reason', 'no reason given') })
    ),
  'not-a-trace-id': (v) =>
    t('errors.not-a-trace-id', "'{{traceId}}' is not a trace id: expected up to 32 hexadecimal digits.", asText(v)),
  'trace-absent': (v) => t('errors.trace-absent', 'Trace {{traceId}} not found in {{target}}.', asText(v)),
  'trace-not-json': (v) =>
    t(
      'errors.trace-not-json',
      '{{target}} answered trace {{traceId}} with something that is not JSON: {{cause}}',
      asText(v)
    ),
  'trace-without-result': (v) =>
    t('errors.trace-without-result', '{{target}} answered trace {{traceId}} without a "result".', asText(v)),
  'trace-not-jaeger-json': (v) =>
    t(
      'errors.trace-not-jaeger-json',
      "{{target}} answered trace {{traceId}} with something that is not Jaeger's trace JSON.",
      asText(v)
    ),
  'trace-load-cancelled': (v) =>
    t('errors.trace-load-cancelled', 'Loading trace {{traceId}} from {{target}} was cancelled.', asText(v)),
  'trace-unreadable': ({ causeWords, ...v }) =>
    t(
      'errors.trace-unreadable',
      '{{target}} sent trace {{traceId}} in a form TraceLens cannot read: {{cause}}',
      asText({ ...v, cause: causeWords ? parseErrorText(causeWords) : v.cause })
    ),
  'trace-failed': (v) => t('errors.trace-failed', 'Trace {{traceId}} from {{target}} failed: {{cause}}', asText(v)),
  'stitch-cancelled': (v) => t('errors.stitch-cancelled', 'Stitching trace {{traceId}} was cancelled.', asText(v)),
  'jaeger-one-service': (v) =>
    t(
      'errors.jaeger-one-service',
      '{{target}} searches one service at a time: pick a service (Jaeger answers "parameter \'service\' is required" without one).',
      asText(v)
    ),
  'jaeger-bad-duration': (v) =>
    t('errors.jaeger-bad-duration', '{{ms}} ms is not a duration Jaeger can search for.', asText(v)),
  'jaeger-tag-name': (v) =>
    t('errors.jaeger-tag-name', "Grafana's Jaeger query editor cannot hold the tag name {{name}}.", asText(v)),
  'jaeger-no-traceql': (v) =>
    t(
      'errors.jaeger-no-traceql',
      '{{target}} is a Jaeger datasource: it takes no TraceQL. Search with the builder (service, span name, status, duration, attributes).',
      asText(v)
    ),
  'not-traceql': (v) =>
    t('errors.not-traceql', 'The search filter cannot be written as TraceQL: {{cause}}.', asText(v)),
  'no-dependency-api': (v) =>
    t(
      'errors.no-dependency-api',
      "{{target}} has no dependency API: Tempo's service graph is metrics (traces_service_graph_*) in Prometheus.",
      asText(v)
    ),
  'not-a-vector': (v) =>
    t('errors.not-a-vector', "Expected an instant vector from '{{expr}}', got {{resultType}}.", asText(v)),
  'native-histogram': (v) =>
    t('errors.native-histogram', '{{metric}} is a native histogram: it has no fixed buckets to read.', asText(v)),
  'no-service-graph': () =>
    t(
      'errors.no-service-graph',
      'This Prometheus holds no service-graph metrics (traces_service_graph_request_total).'
    ),
  'no-peer-label': (v) =>
    t('errors.no-peer-label', 'The span metrics ({{metric}}) carry no peer-service label.', asText(v)),
  'bucket-without-le': (v) =>
    t('errors.bucket-without-le', 'Histogram bucket without a numeric le label ({{le}}).', asText(v)),
  'no-span-metrics': () =>
    t(
      'errors.no-span-metrics',
      'No span metrics found: expected Tempo metrics-generator (traces_spanmetrics_*) or OpenTelemetry collector spanmetrics (traces_span_metrics_*, traces.span.metrics.* or calls_total/duration_*) series in this time range.'
    ),
  'mixed-schemes': (v) =>
    t(
      'errors.mixed-schemes',
      'Several span-metrics schemes are present ({{metrics}}); choose one in the TraceLens settings.',
      asText(v)
    ),
  'span-metric-labels': (v) =>
    t(
      'errors.span-metric-labels',
      '{{metric}} exists but its series lack a service label (service, service_name or service.name) with a span-name label (span_name or span.name); cannot use them.',
      asText(v)
    ),
  'no-connector-metrics': () =>
    t(
      'errors.no-connector-metrics',
      'No TraceLens connector metrics (<namespace>_span_self_time_seconds and <namespace>_span_critical_path_time_seconds histograms) in this time range.'
    ),
  'unknown-scheme-setting': (v) =>
    t(
      'errors.unknown-scheme-setting',
      'The app setting spanMetricsScheme is "{{setting}}", which TraceLens does not know: use auto or one of {{presets}}.',
      asText(v)
    ),
  'no-datasource': (v) =>
    t(
      'errors.no-datasource',
      'There is no datasource with uid "{{uid}}". Pick a Tempo or Jaeger datasource above, or set the default one in the TraceLens settings.',
      asText(v)
    ),
  'datasource-wrong-type': (v) =>
    t(
      'errors.datasource-wrong-type',
      'Datasource "{{uid}}" is of type "{{type}}": TraceLens reads traces from Tempo and Jaeger datasources. Pick one of those.',
      asText(v)
    ),
};

/** The sentence `words` say, in the user's language. */
function wordsText(words: ErrorWords): string {
  const say = SAY[words.reason] as (v: ErrorWords['values']) => string;
  return say(words.values);
}

/** A coverage note in the user's language: its failure's words, else its message. */
export const noteText = (note: TraceNote) => (note.error ? errorText(note.error) : note.message);

/**
 * What went wrong, in the user's language where the data layer or the reader gave words; else the
 * error's own text.
 */
export function errorText(e: unknown): string {
  if (e instanceof DataError && e.words) {
    return wordsText(e.words);
  }
  if (e instanceof TraceParseError && e.words) {
    return parseErrorText(e.words);
  }
  return e instanceof Error ? e.message : String(e);
}
