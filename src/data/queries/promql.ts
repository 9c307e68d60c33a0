/**
 * PromQL builders. Label values are always double-quoted and escaped ({@link promqlString}); values
 * used with `=~`/`!~` additionally have RE2 metacharacters escaped ({@link escapeRegex}), so a value
 * only ever matches itself literally.
 *
 * Metric and label names: a classic name (`[a-zA-Z_:][a-zA-Z0-9_:]*` for metrics, no `:` for labels)
 * is written bare; any other name (`traces.span.metrics.calls_total`, `service.name`, as Prometheus 3
 * stores OTLP names without escaping) is quoted the same way as a value, and a quoted metric name
 * moves inside the braces: `{"traces.span.metrics.calls_total", "service.name"="x"}` (Prometheus 3
 * syntax; such names cannot exist in a Prometheus that only parses the classic form). Every selector,
 * matcher and grouping of every scheme goes through these, so no name is ever spliced in raw.
 */
import { quoteString } from './quote';

/** A double-quoted PromQL string literal for any value. */
export function promqlString(value: string): string {
  return quoteString(value);
}

/** Escapes RE2 metacharacters so the regex matches `value` literally. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  label: string;
  op: MatchOp;
  value: string;
}

const CLASSIC_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const CLASSIC_METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function checkName(name: string, what: 'label' | 'metric'): void {
  if (name === '') {
    throw new Error(`An empty string is not a Prometheus ${what} name`);
  }
}

/** A label name as PromQL writes it: bare when classic, else a quoted string (`"service.name"`). */
export function labelName(label: string): string {
  checkName(label, 'label');
  return CLASSIC_LABEL.test(label) ? label : promqlString(label);
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
 * `metric{l1="v1", l2=~"v2"}` with every value quoted and escaped; a metric name that is not classic
 * becomes the braces' first, quoted element: `{"a.b", "l.1"="v1"}`.
 */
export function selector(metric: string, matchers: LabelMatcher[] = []): string {
  checkName(metric, 'metric');
  const parts = matchers.map((m) => `${labelName(m.label)}${m.op}${promqlString(m.value)}`);
  return CLASSIC_METRIC.test(metric)
    ? `${metric}{${parts.join(', ')}}`
    : `{${[promqlString(metric), ...parts].join(', ')}}`;
}

/** An aggregation's grouping clause, `by (service_name, "span.name", le)`. */
export function by(labels: readonly string[]): string {
  return `by (${labels.map(labelName).join(', ')})`;
}

/** Seconds as a PromQL range duration: `300s`, or `1500ms` when not whole (millisecond resolution). */
export function promqlDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  if (!Number.isFinite(seconds) || ms <= 0) {
    throw new RangeError(`a PromQL range needs a positive duration, got ${seconds} s`);
  }
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
