/**
 * PromQL builders. Label values are always double-quoted and escaped ({@link promqlString}); values
 * used with `=~`/`!~` additionally have RE2 metacharacters escaped ({@link escapeRegex}), so a value
 * only ever matches itself literally.
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

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function matcher(label: string, op: MatchOp, value: string): LabelMatcher {
  if (!LABEL_NAME.test(label)) {
    throw new Error(`'${label}' is not a valid Prometheus label name`);
  }
  return { label, op, value };
}

/** `label` equals any of `values` literally: `=` for one value, an escaped alternation for several. */
export function oneOf(label: string, values: string[]): LabelMatcher {
  return values.length === 1 ? matcher(label, '=', values[0]) : matcher(label, '=~', values.map(escapeRegex).join('|'));
}

/** `metric{l1="v1", l2=~"v2"}` with every value quoted and escaped. */
export function selector(metric: string, matchers: LabelMatcher[] = []): string {
  if (!LABEL_NAME.test(metric.replace(/:/g, '_'))) {
    throw new Error(`'${metric}' is not a valid Prometheus metric name`);
  }
  return `${metric}{${matchers.map((m) => `${m.label}${m.op}${promqlString(m.value)}`).join(', ')}}`;
}

/** Seconds as a PromQL range duration: `300s`, or `1500ms` when not whole (millisecond resolution). */
export function promqlDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  if (!Number.isFinite(seconds) || ms <= 0) {
    throw new RangeError(`a PromQL range needs a positive duration, got ${seconds} s`);
  }
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
