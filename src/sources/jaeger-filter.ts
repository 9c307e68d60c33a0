/**
 * A {@link TraceFilter} for Jaeger: the search parameters Jaeger's v1 `/api/traces` takes, and the
 * one-span check applied to the traces it returns. Jaeger matches each parameter on its own (on
 * Badger: each tag on some span of the service, the duration on any span of the trace), while a
 * TraceFilter wants one span meeting every condition; the check keeps only the traces that have one.
 *
 * Status as Jaeger stores OTLP spans: `error=true` and `otel.status_code=ERROR` for errors,
 * `otel.status_code=OK` for ok, no tag at all for unset (measured on Jaeger v2, module v1.76.0).
 */
import { DataError, dataError, goDuration, JaegerKeyValue, JaegerSearchParams, JaegerSpan, JaegerTrace } from '../data';
import { SearchRange, TraceFilter } from './types';

/** The tags a filter searches for: resource and span attributes (Jaeger searches both) and the status tag. */
export function jaegerTags(filter: TraceFilter): Record<string, string> {
  const tags: Record<string, string> = { ...filter.resourceAttributes, ...filter.spanAttributes };
  if (filter.status === 'error') {
    tags.error = 'true';
  } else if (filter.status === 'ok') {
    tags['otel.status_code'] = 'OK';
  }
  return tags;
}

export function jaegerSearchParams(filter: TraceFilter, options: SearchRange & { limit: number }): JaegerSearchParams {
  const micros = (seconds: number | undefined) => (seconds === undefined ? undefined : seconds * 1e6);
  return {
    service: filter.service ?? '',
    operation: filter.spanName,
    tags: jaegerTags(filter),
    minDuration: filter.minDurationMs === undefined ? undefined : goDuration(filter.minDurationMs),
    maxDuration: filter.maxDurationMs === undefined ? undefined : goDuration(filter.maxDurationMs),
    limit: options.limit,
    start: micros(options.start),
    end: micros(options.end),
  };
}

/** A tag's value as Jaeger compares it in searches (bools and numbers as their text). */
export const tagText = (kv: JaegerKeyValue) => (typeof kv.value === 'string' ? kv.value : String(kv.value));

const tagOf = (tags: JaegerKeyValue[] | null | undefined, key: string) =>
  tags?.find((kv) => kv.key === key) ?? undefined;

const hasAll = (tags: JaegerKeyValue[] | null | undefined, wanted: Record<string, string> | undefined) =>
  Object.entries(wanted ?? {}).every(([key, value]) => {
    const kv = tagOf(tags, key);
    return kv !== undefined && tagText(kv) === value;
  });

/** Jaeger's error mark: `error=true` (Jaeger clients, and Jaeger for OTLP errors) or `otel.status_code=ERROR`. */
export function isErrorSpan(span: JaegerSpan): boolean {
  const error = tagOf(span.tags, 'error');
  const code = tagOf(span.tags, 'otel.status_code');
  return (error !== undefined && tagText(error) === 'true') || (code !== undefined && tagText(code) === 'ERROR');
}

function statusMatches(span: JaegerSpan, status: TraceFilter['status']): boolean {
  switch (status) {
    case undefined:
      return true;
    case 'error':
      return isErrorSpan(span);
    case 'ok': {
      const code = tagOf(span.tags, 'otel.status_code');
      return code !== undefined && tagText(code) === 'OK';
    }
    case 'unset':
      return !isErrorSpan(span) && tagOf(span.tags, 'otel.status_code') === undefined;
  }
}

/** Whether one span of the trace meets every condition of the filter (durations strictly, as in TraceQL). */
export function traceMatches(trace: JaegerTrace, filter: TraceFilter): boolean {
  return trace.spans.some((span) => {
    const process = trace.processes[span.processID];
    return (
      (filter.service === undefined || process?.serviceName === filter.service) &&
      (filter.spanName === undefined || span.operationName === filter.spanName) &&
      statusMatches(span, filter.status) &&
      (filter.minDurationMs === undefined || span.duration > filter.minDurationMs * 1000) &&
      (filter.maxDurationMs === undefined || span.duration < filter.maxDurationMs * 1000) &&
      hasAll(span.tags, filter.spanAttributes) &&
      hasAll(process?.tags, filter.resourceAttributes)
    );
  });
}

/** Jaeger has no query language: a TraceQL query is refused with this. */
export function noTraceql(target: string): DataError {
  return dataError('jaeger-no-traceql', { target });
}
