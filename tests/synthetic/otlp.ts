/**
 * Writer for synthetic traces: OTLP/JSON text in the shapes Tempo returns (v2 `{trace:…}`,
 * v1 `{batches}`, plain `{resourceSpans}`; base64 or hex ids; times as strings or numbers). O(n).
 * Grafana's data frame of such a trace: tests/support/traceFrames.ts over the v2 text.
 */
import { AttributeScalar, otlpValue } from '../support/otlp';
import { KIND, SynthTrace } from './generate';

export interface OtlpOptions {
  wrapper?: 'v2' | 'v1' | 'plain';
  ids?: 'base64' | 'hex';
  /** write 64-bit times as JSON numbers instead of strings */
  timesAsNumbers?: boolean;
  /** span output order (default 0..n-1) */
  order?: ArrayLike<number>;
}

/** OTLP/JSON names of the span kinds, by kind number. */
export const KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
];
const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function hex8(v: number): string {
  return (v >>> 0).toString(16).padStart(8, '0');
}

/** Standard base64 of the bytes written by a hex string. */
export function hexToBase64(hex: string): string {
  let out = '';
  for (let p = 0; p < hex.length; p += 6) {
    const chunk = hex.slice(p, p + 6);
    const bits = parseInt(chunk.padEnd(6, '0'), 16);
    const chars = chunk.length === 6 ? 4 : chunk.length === 4 ? 3 : 2;
    for (let c = 0; c < chars; c++) {
      out += B64[(bits >>> (18 - 6 * c)) & 63];
    }
    out += '='.repeat(4 - chars);
  }
  return out;
}

/** Lowercase hex span id of span i. */
export function spanHex(t: SynthTrace, i: number): string {
  return hex8(t.idHi[i]) + hex8(t.idLo[i]);
}

/** Absolute Unix ns of a relative ns time, exact, as decimal text. */
export function unixNanoText(t: SynthTrace, rel: number): string {
  const sec = t.baseSeconds + Math.floor(rel / 1e9);
  return `${sec}${String(rel % 1e9).padStart(9, '0')}`;
}

const anyValue = (v: AttributeScalar) => JSON.stringify(otlpValue(v));

/** OTLP/JSON text of a synthetic trace, one resource per service. */
export function toOtlpJson(t: SynthTrace, options: OtlpOptions = {}): string {
  const ids = options.ids ?? 'base64';
  const id = (hex: string) => (ids === 'hex' ? hex : hexToBase64(hex));
  const time = (rel: number) => (options.timesAsNumbers ? unixNanoText(t, rel) : `"${unixNanoText(t, rel)}"`);
  const traceId = id(t.traceId);
  const byService = new Map<number, string[]>();
  const order = options.order ?? Array.from({ length: t.n }, (_, i) => i);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const parts = [
      `{"traceId":"${traceId}","spanId":"${id(spanHex(t, i))}"`,
      t.parent[i] >= 0 ? `,"parentSpanId":"${id(spanHex(t, t.parent[i]))}"` : '',
      `,"name":${JSON.stringify(t.names[t.name[i]])},"kind":"${KIND_NAMES[t.kind[i]]}"`,
      `,"startTimeUnixNano":${time(t.start[i])},"endTimeUnixNano":${time(t.end[i])}`,
    ];
    const attrs = t.attributes.get(i);
    if (attrs) {
      parts.push(`,"attributes":[${attrs.map(([key, v]) => `{"key":"${key}","value":${anyValue(v)}}`).join(',')}]`);
    }
    parts.push(t.status[i] ? `,"status":{"code":"${STATUS_NAMES[t.status[i]]}"}}` : ',"status":{}}');
    let list = byService.get(t.service[i]);
    if (!list) {
      list = [];
      byService.set(t.service[i], list);
    }
    list.push(parts.join(''));
  }
  const resources: string[] = [];
  for (const [svc, spans] of byService) {
    resources.push(
      `{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"${t.services[svc]}"}}]},` +
        `"scopeSpans":[{"scope":{"name":"synthetic"},"spans":[${spans.join(',')}]}]}`
    );
  }
  const body = resources.join(',');
  const wrapper = options.wrapper ?? 'v2';
  return wrapper === 'v2'
    ? `{"trace":{"resourceSpans":[${body}]},"metrics":{}}`
    : wrapper === 'v1'
      ? `{"batches":[${body}]}`
      : `{"resourceSpans":[${body}]}`;
}

export { KIND };
