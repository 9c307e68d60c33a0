/**
 * The query Grafana's Jaeger datasource runs in Explore. Its query model (grafana/grafana
 * public/app/plugins/datasource/jaeger/types.ts, `JaegerQuery`): a trace is `{query: traceId}`
 * (no queryType); a search is `{queryType: 'search', service, operation, tags, minDuration,
 * maxDuration, limit}` with Go-duration strings and `tags` in logfmt, which its datasource.ts turns
 * into Jaeger's JSON map with util.ts `convertTagsLogfmt` (npm `logfmt` 1.x `parse`, then every
 * value `String()`ed).
 *
 * That parser (logfmt 1.3.2 and 1.4.0, lib/logfmt_parser.js; Grafana asks for ^1.3.2) splits pairs
 * at unquoted spaces, toggles quoting at every `"`, takes the character after `\` literally, starts
 * the value at the first unquoted `=` and strips one final newline. So a value is written with `\`,
 * `"` and `=` escaped, and quoted when it holds whitespace or is empty (an empty unquoted value reads
 * as `null`); a key holding a space, `=`, `"` or `\` cannot be written at all.
 */
import { dataError, goDuration } from '../data';
import { jaegerTags, noTraceql } from './jaeger-filter';
import { TraceQuery } from './types';

function logfmtPair(key: string, value: string): string {
  if (key === '' || /[ ="\\]/.test(key)) {
    throw dataError('jaeger-tag-name', { name: JSON.stringify(key) });
  }
  const escaped = value.replace(/[\\"=]/g, '\\$&');
  return `${key}=${escaped === '' || /\s/.test(escaped) ? `"${escaped}"` : escaped}`;
}

/** Tags as Grafana's Jaeger query editor writes them: `k=v k2="v 2"`. */
export function logfmt(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([key, value]) => logfmtPair(key, value))
    .join(' ');
}

export function jaegerExploreQuery(what: { traceId: string } | TraceQuery, target: string): Record<string, unknown> {
  if ('traceId' in what) {
    return { query: what.traceId };
  }
  if ('traceql' in what) {
    throw noTraceql(target);
  }
  const f = what.filter;
  const tags = logfmt(jaegerTags(f));
  const query: Record<string, unknown> = {
    queryType: 'search',
    service: f.service,
    operation: f.spanName,
    tags: tags || undefined,
    minDuration: f.minDurationMs === undefined ? undefined : goDuration(f.minDurationMs),
    maxDuration: f.maxDurationMs === undefined ? undefined : goDuration(f.maxDurationMs),
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
}
