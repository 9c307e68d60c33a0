/**
 * TraceQL builders. Every user or span value reaches a query only through {@link traceqlEquals}
 * (a literal, or an exact RE2 regex where no literal suits both of TraceQL's readers: quote.ts);
 * attribute names that are not plain identifiers are quoted (`span."http request id"`), as TraceQL
 * allows; durations are written in ms to the nanosecond, clamped to Tempo's longest. Every string
 * these build parses in Grafana's TraceQL grammar (traceql-grammar.test.ts). O(length of the query).
 */
import { isBareTraceqlName, traceqlExactRegex, traceqlLiteral, traceqlQuotedName } from './quote';

/**
 * `field = "value"`, matching the field exactly equal to `value` for Tempo and parsing in Grafana's
 * TraceQL grammar; for a value no literal carries for both (a NUL, or a newline with a backtick or
 * CR) `field =~ "^…$"`, the regex matching exactly that value.
 */
export function traceqlEquals(field: string, value: string): string {
  const literal = traceqlLiteral(value);
  return literal === undefined ? `${field} =~ ${traceqlExactRegex(value)}` : `${field} = ${literal}`;
}

export type AttributeScope = 'resource' | 'span' | 'event' | 'link' | 'instrumentation' | '';

/**
 * `resource.service.name`, `span.x_request_id`, or `span."odd name"` when the name needs quoting.
 * Throws a RangeError for a name holding a NUL, which TraceQL cannot write (quote.ts).
 */
export function traceqlAttribute(scope: AttributeScope, name: string): string {
  return `${scope}.${isBareTraceqlName(name) ? name : traceqlQuotedName(name)}`;
}

/** Tempo's longest duration (Go's time.Duration: 2^63−1 ns, ~292 years), in whole ms. */
const MAX_DURATION_MS = 9_223_372_036_854;

/**
 * Milliseconds as a TraceQL duration literal (`250ms`, `1.5ms`, `0.000001ms` for 1 ns), rounded to
 * the nanosecond, in plain decimals (never `1e-7ms` or `1e+21ms`). Longer than Tempo can hold
 * (Infinity included) is written as its longest duration: no span exceeds it, so `duration > max`
 * and `duration < max` still mean what was asked. Above 2^53 ns (~104 days) the nanosecond digits
 * are those of the double given. NaN and negative numbers are not durations: RangeError.
 */
export function traceqlDuration(ms: number): string {
  if (Number.isNaN(ms) || ms < 0) {
    throw new RangeError(`a duration must be a number of ms ≥ 0, got ${ms}`);
  }
  return `${Number(Math.min(ms, MAX_DURATION_MS).toFixed(6))}ms`;
}

export interface SpanFilter {
  service?: string;
  spanName?: string;
  status?: 'error' | 'ok' | 'unset';
  /** spans longer than this many milliseconds */
  minDurationMs?: number;
  /** spans shorter than this many milliseconds */
  maxDurationMs?: number;
  /** exact matches on span attributes */
  spanAttributes?: Record<string, string>;
  /** exact matches on resource attributes */
  resourceAttributes?: Record<string, string>;
}

/** One spanset filter `{ a && b && … }` matching spans that meet every given condition (`{}` for none). */
export function traceqlFilter(filter: SpanFilter): string {
  const conditions: string[] = [];
  if (filter.service !== undefined) {
    conditions.push(traceqlEquals(traceqlAttribute('resource', 'service.name'), filter.service));
  }
  if (filter.spanName !== undefined) {
    conditions.push(traceqlEquals('name', filter.spanName));
  }
  if (filter.status !== undefined) {
    conditions.push(`status = ${filter.status}`);
  }
  if (filter.minDurationMs !== undefined) {
    conditions.push(`duration > ${traceqlDuration(filter.minDurationMs)}`);
  }
  for (const [name, value] of Object.entries(filter.resourceAttributes ?? {})) {
    conditions.push(traceqlEquals(traceqlAttribute('resource', name), value));
  }
  for (const [name, value] of Object.entries(filter.spanAttributes ?? {})) {
    conditions.push(traceqlEquals(traceqlAttribute('span', name), value));
  }
  // Last, where the search page has always written it, so URLs and saved queries keep their text.
  if (filter.maxDurationMs !== undefined) {
    conditions.push(`duration < ${traceqlDuration(filter.maxDurationMs)}`);
  }
  return conditions.length ? `{ ${conditions.join(' && ')} }` : '{}';
}
