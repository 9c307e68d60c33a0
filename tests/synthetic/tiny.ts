/**
 * Hand-written test traces: spans described in a line each (short names for ids, times in µs
 * after an epoch base), turned into OTLP/JSON text like Tempo returns, so unit tests exercise
 * the same reader as production. O(spans).
 */
import { AttributeScalar, otlpAttributes, resourceSpansByService } from '../support/otlp';

export interface TinySpan {
  /** short name (≤ 8 ASCII chars) standing for the span id */
  id: string;
  parent?: string;
  service?: string;
  name?: string;
  kind?: 'internal' | 'server' | 'client' | 'producer' | 'consumer';
  /** µs since the base */
  start: number;
  end: number;
  attrs?: Record<string, AttributeScalar>;
  status?: 'STATUS_CODE_OK' | 'STATUS_CODE_ERROR';
  /** span links: trace id ('' for none) and span id, both hex */
  links?: Array<{ traceId: string; spanId: string }>;
}

/** Epoch second that µs offsets count from. */
export const TINY_BASE_SECONDS = 1700000000;

/** The 16-digit hex span id standing for a short name: its char codes, right-aligned. */
export function tinyId(name: string): string {
  return Array.from(name, (c) => c.charCodeAt(0).toString(16).padStart(2, '0'))
    .join('')
    .padStart(16, '0');
}

function unixNano(us: number): string {
  const ns = Math.round(us * 1000);
  return `${TINY_BASE_SECONDS + Math.floor(ns / 1e9)}${String(ns % 1e9).padStart(9, '0')}`;
}

/** Plain OTLP/JSON text (`{resourceSpans}`, hex ids), one resource per service in first-seen order. */
export function tinyOtlp(spans: TinySpan[]): string {
  const encoded = spans.map((s) => ({
    service: s.service ?? 'svc',
    span: {
      traceId: '0123456789abcdef0123456789abcdef',
      spanId: tinyId(s.id),
      ...(s.parent ? { parentSpanId: tinyId(s.parent) } : {}),
      name: s.name ?? s.id,
      kind: `SPAN_KIND_${(s.kind ?? 'internal').toUpperCase()}`,
      startTimeUnixNano: unixNano(s.start),
      endTimeUnixNano: unixNano(s.end),
      ...(s.attrs ? { attributes: otlpAttributes(s.attrs) } : {}),
      ...(s.status ? { status: { code: s.status } } : {}),
      ...(s.links ? { links: s.links } : {}),
    },
  }));
  return JSON.stringify(resourceSpansByService(encoded, { name: 'tiny' }));
}
