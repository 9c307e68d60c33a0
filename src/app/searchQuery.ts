/**
 * The search builder's state, its URL form, the TraceFilter it stands for and the TraceQL it writes
 * (shared by the search and services pages, the breakdown panel's links and the Jaeger extension),
 * and Jaeger-style tags text. Every value reaches TraceQL through the data layer's builder
 * (traceqlFilter), so it is always escaped.
 *
 * URL: `svc`, `op`, `status`, `min`/`max` (span duration, ms), repeated `attr` = `span.key=value`
 * or `resource.key=value`; `q` is the query last run, `mode` is `builder` (default) or `raw`.
 */
import { traceqlFilter } from '../data';
import type { TraceFilter } from '../sources/types';

export type AttrScope = 'span' | 'resource';

export interface AttrCondition {
  scope: AttrScope;
  key: string;
  value: string;
}

export type StatusFilter = 'error' | 'ok' | 'unset';

export interface BuilderState {
  service?: string;
  spanName?: string;
  status?: StatusFilter;
  minMs?: number;
  maxMs?: number;
  attrs: AttrCondition[];
}

const STATUSES: StatusFilter[] = ['error', 'ok', 'unset'];

const positive = (text: string | null) => {
  const n = text === null || text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/**
 * `span.x_request_id=abc` → {scope: span, key: x_request_id, value: abc}; the value may contain `=`.
 * A key holding a NUL is no condition (TraceQL cannot name it: data/queries/quote.ts).
 */
export function parseAttr(text: string): AttrCondition | undefined {
  const match = /^(span|resource)\.([^=\u0000]+)=(.*)$/s.exec(text);
  return match ? { scope: match[1] as AttrScope, key: match[2], value: match[3] } : undefined;
}

export function builderFromParams(params: URLSearchParams): BuilderState {
  const status = params.get('status') as StatusFilter | null;
  return {
    service: params.get('svc') || undefined,
    spanName: params.get('op') || undefined,
    status: status && STATUSES.includes(status) ? status : undefined,
    minMs: positive(params.get('min')),
    maxMs: positive(params.get('max')),
    attrs: params.getAll('attr').flatMap((a) => parseAttr(a) ?? []),
  };
}

export function builderToParams(state: BuilderState): Record<string, string | string[] | undefined> {
  return {
    svc: state.service,
    op: state.spanName,
    status: state.status,
    min: state.minMs === undefined ? undefined : String(state.minMs),
    max: state.maxMs === undefined ? undefined : String(state.maxMs),
    attr: state.attrs.filter((a) => a.key).map((a) => `${a.scope}.${a.key}=${a.value}`),
  };
}

/** The builder state as the filter every trace source takes: all conditions on one span. */
export function builderToFilter(state: BuilderState): TraceFilter {
  const attrs = (scope: AttrScope) =>
    Object.fromEntries(state.attrs.filter((a) => a.scope === scope && a.key).map((a) => [a.key, a.value]));
  return {
    service: state.service,
    spanName: state.spanName,
    status: state.status,
    minDurationMs: state.minMs,
    maxDurationMs: state.maxMs,
    spanAttributes: attrs('span'),
    resourceAttributes: attrs('resource'),
  };
}

/** Readable TraceQL for the builder state (what Tempo runs for it): one spanset filter, conditions joined by `&&`. */
export function builderToTraceql(state: BuilderState): string {
  return traceqlFilter(builderToFilter(state));
}

/**
 * Jaeger-style tags text, `key=value` separated by spaces (a value with spaces in double quotes,
 * `\"` and `\\` inside), as span attribute conditions; or `invalid`, the first part that is not `key=value`.
 */
export function parseTags(text: string): { attrs: AttrCondition[] } | { invalid: string } {
  const tag = /\s*([^\s="]+)=(?:"((?:[^"\\]|\\.)*)"|([^\s"]*))(?=\s|$)/y;
  const attrs: AttrCondition[] = [];
  let at = 0;
  while (text.slice(at).trim() !== '') {
    tag.lastIndex = at;
    const m = tag.exec(text);
    if (!m) {
      return { invalid: text.slice(at).trim().split(/\s+/)[0] };
    }
    attrs.push({ scope: 'span', key: m[1], value: m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3] });
    at = tag.lastIndex;
  }
  return { attrs };
}

/** The tags text for attribute conditions (either scope: Jaeger matches span and process tags alike). */
export function formatTags(attrs: AttrCondition[]): string {
  return attrs
    .filter((a) => a.key)
    .map((a) => `${a.key}=${/^[^\s"\\]+$/.test(a.value) ? a.value : `"${a.value.replace(/["\\]/g, '\\$&')}"`}`)
    .join(' ');
}
