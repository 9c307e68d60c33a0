/**
 * TraceQL builders. Every user or span value goes through {@link traceqlString}; attribute names
 * that are not plain identifiers are quoted (`span."http request id"`), as TraceQL allows.
 */
import { isBareTraceqlName, traceqlLiteral, traceqlQuotedName } from './quote';

/** A TraceQL string literal for any value, read the same by Tempo and Grafana's TraceQL grammar (see quote.ts). */
export function traceqlString(value: string): string {
  return traceqlLiteral(value);
}

export type AttributeScope = 'resource' | 'span' | 'event' | 'link' | 'instrumentation' | '';

/** `resource.service.name`, `span.x_request_id`, or `span."odd name"` when the name needs quoting. */
export function traceqlAttribute(scope: AttributeScope, name: string): string {
  return `${scope}.${isBareTraceqlName(name) ? name : traceqlQuotedName(name)}`;
}

/** Tempo's longest duration (Go's time.Duration: int64 ns, ~292 years), in whole ms. */
const MAX_DURATION_MS = 9_223_372_036_854;

/**
 * Milliseconds as a TraceQL duration literal (`250ms`, `1.5ms`), to the nanosecond. Longer than
 * Tempo can hold is written as its longest duration (which no span exceeds), never as `1e+21ms`.
 */
export function traceqlDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`not a duration: ${ms}`);
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
    conditions.push(`${traceqlAttribute('resource', 'service.name')} = ${traceqlString(filter.service)}`);
  }
  if (filter.spanName !== undefined) {
    conditions.push(`name = ${traceqlString(filter.spanName)}`);
  }
  if (filter.status !== undefined) {
    conditions.push(`status = ${filter.status}`);
  }
  if (filter.minDurationMs !== undefined) {
    conditions.push(`duration > ${traceqlDuration(filter.minDurationMs)}`);
  }
  for (const [name, value] of Object.entries(filter.resourceAttributes ?? {})) {
    conditions.push(`${traceqlAttribute('resource', name)} = ${traceqlString(value)}`);
  }
  for (const [name, value] of Object.entries(filter.spanAttributes ?? {})) {
    conditions.push(`${traceqlAttribute('span', name)} = ${traceqlString(value)}`);
  }
  // Last, where the search page has always written it, so URLs and saved queries keep their text.
  if (filter.maxDurationMs !== undefined) {
    conditions.push(`duration < ${traceqlDuration(filter.maxDurationMs)}`);
  }
  return conditions.length ? `{ ${conditions.join(' && ')} }` : '{}';
}
