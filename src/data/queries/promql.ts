/**
 * PromQL builders. Label values are always double-quoted and escaped ({@link promqlString});
 * values used with `=~`/`!~` additionally have RE2 metacharacters escaped ({@link escapeRegex}), so
 * a value only ever matches itself literally. Every selector, matcher, grouping and range of every
 * span-metrics scheme goes through these, so no name or number is ever spliced in raw. O(length).
 *
 * Names, as Prometheus 2.42 (promtool) and 3.16 (its parser) read them — both agree on every bare
 * form (promql-parse.test.ts):
 * - a legacy name (`[a-zA-Z_:][a-zA-Z0-9_:]*` for metrics, no `:` for labels) is written bare,
 *   except where the lexer reads it as a keyword or a number: a metric named `on`, `bool`,
 *   `ignoring`, `group_left`, `group_right`, `atan2`, `inf` or `nan` (any case) cannot stand before
 *   `{` (nor `offset` for Prometheus' UI grammar, @prometheus-io/lezer-promql), so it is matched as
 *   `{__name__="on", …}`, which all of them read; in `by (…)` the labels `without`,
 *   `inf` and `nan` cannot stand bare. Inside braces every legacy label name is a name.
 * - any other name (`traces.span.metrics.calls_total`, `service.name`, as Prometheus 3 stores OTLP
 *   names without escaping), and a label `by (…)` cannot take bare, is quoted the way a value is
 *   (Prometheus 3's UTF-8 syntax): `{"traces.span.metrics.calls_total", "service.name"="x"}`,
 *   `by ("service.name")`. Prometheus 2 cannot parse that: with `utf8 = false` (a Prometheus that
 *   may be version 2) such a name is rejected with a RangeError that names it.
 *
 * Ranges ({@link promqlDuration}): PromQL reads `[…]` into Go's time.Duration, whole ms here, from
 * 1 ms to 2^63−1 ns = 9223372036854 ms (~292 years); both versions refuse `9223372036855ms`. A
 * range outside is clamped into it and the result says so.
 */
import { quoteInput } from '../../engine/errors';
import { escapeRegex, quoteString } from './quote';

export { escapeRegex };

/** A double-quoted PromQL string literal for any value. */
export function promqlString(value: string): string {
  return quoteString(value);
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  label: string;
  op: MatchOp;
  value: string;
}

const LEGACY_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const LEGACY_METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
/**
 * Lower-cased words not read as a metric name before `{`: by Prometheus (measured, see the header),
 * and `offset`, which Prometheus reads but the grammar of its UI and editors does not.
 */
const NOT_A_METRIC = new Set(['on', 'bool', 'ignoring', 'group_left', 'group_right', 'atan2', 'inf', 'nan', 'offset']);
/** Lower-cased words the lexer does not read as a label name in `by (…)`. */
const NOT_A_GROUPING_LABEL = new Set(['without', 'inf', 'nan']);

/** Whether Prometheus 2 can hold this metric (`metric`) or label name. */
export function isLegacyName(name: string, what: 'label' | 'metric'): boolean {
  return (what === 'metric' ? LEGACY_METRIC : LEGACY_LABEL).test(name);
}

function checkName(name: string, what: 'label' | 'metric'): void {
  if (name === '') {
    throw new Error(`An empty string is not a Prometheus ${what} name`);
  }
}

/** `name` quoted (Prometheus 3), or a RangeError when quoting is not allowed. */
function quotedName(name: string, what: 'label' | 'metric', utf8: boolean, why: string): string {
  if (!utf8) {
    throw new RangeError(
      `Prometheus 2 cannot query the ${what} name ${quoteInput(name)} (${why}); only Prometheus 3 can quote it`
    );
  }
  return quoteString(name);
}

/** A label name inside braces: bare when legacy, else quoted (`"service.name"`). */
export function labelName(label: string, utf8 = true): string {
  checkName(label, 'label');
  return LEGACY_LABEL.test(label) ? label : quotedName(label, 'label', utf8, 'not [a-zA-Z_][a-zA-Z0-9_]*');
}

/** A label name in `by (…)`: bare when legacy and not `without`/`inf`/`nan`, else quoted. */
function groupingLabel(label: string, utf8: boolean): string {
  checkName(label, 'label');
  if (NOT_A_GROUPING_LABEL.has(label.toLowerCase())) {
    return quotedName(label, 'label', utf8, 'a PromQL keyword or number in by (…)');
  }
  return labelName(label, utf8);
}

export function matcher(label: string, op: MatchOp, value: string): LabelMatcher {
  checkName(label, 'label');
  return { label, op, value };
}

/** `label` equals any of `values` literally: `=` for one value, an escaped alternation for several. */
export function oneOf(label: string, values: string[]): LabelMatcher {
  return values.length === 1 ? matcher(label, '=', values[0]) : matcher(label, '=~', values.map(escapeRegex).join('|'));
}

/**
 * `metric{l1="v1", l2=~"v2"}` with every value quoted and escaped; a legacy metric name the lexer
 * reads as a keyword becomes `{__name__="on", …}`; any other name the braces' first, quoted
 * element: `{"a.b", "l.1"="v1"}` (RangeError with `utf8 = false`).
 */
export function selector(metric: string, matchers: LabelMatcher[] = [], utf8 = true): string {
  checkName(metric, 'metric');
  const parts = matchers.map((m) => `${labelName(m.label, utf8)}${m.op}${promqlString(m.value)}`);
  if (!LEGACY_METRIC.test(metric)) {
    return `{${[quotedName(metric, 'metric', utf8, 'not [a-zA-Z_:][a-zA-Z0-9_:]*'), ...parts].join(', ')}}`;
  }
  if (NOT_A_METRIC.has(metric.toLowerCase())) {
    return `{${[`__name__=${promqlString(metric)}`, ...parts].join(', ')}}`;
  }
  return `${metric}{${parts.join(', ')}}`;
}

/** An aggregation's grouping clause, `by (service_name, "span.name", le)`. */
export function by(labels: readonly string[], utf8 = true): string {
  return `by (${labels.map((l) => groupingLabel(l, utf8)).join(', ')})`;
}

/** The longest range PromQL parses, in ms: Go's time.Duration (2^63−1 ns) in whole ms, ~292 years. */
export const MAX_RANGE_MS = 9_223_372_036_854;

export interface PromqlRange {
  /** `300s`, or `1500ms` when not whole seconds */
  text: string;
  /** set when the range asked for was outside what PromQL parses and was clamped: says from what to what */
  note?: string;
}

/**
 * Seconds as a PromQL range duration: `300s`, or `1500ms` when not whole (rounded to the ms).
 * Shorter than 1 ms is clamped to `1ms`, longer than {@link MAX_RANGE_MS} (Infinity included) to
 * `9223372036854ms`, each with a note; NaN, 0 and negative numbers are no range: RangeError.
 */
export function promqlDuration(seconds: number): PromqlRange {
  if (!(seconds > 0)) {
    throw new RangeError(`A PromQL range needs a positive duration, got ${seconds} s`);
  }
  const ms = Math.round(seconds * 1000);
  if (ms < 1) {
    return { text: '1ms', note: `A range of ${seconds} s is shorter than PromQL's 1 ms resolution: 1ms is used.` };
  }
  if (ms > MAX_RANGE_MS) {
    return {
      text: `${MAX_RANGE_MS}ms`,
      note: `A range of ${seconds} s is longer than PromQL's longest (${MAX_RANGE_MS} ms, ~292 years): ${MAX_RANGE_MS}ms is used.`,
    };
  }
  return { text: ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms` };
}
