/**
 * Writes a synthetic trace as Jaeger's v1 JSON (`GET /api/traces/{id}`), the way Jaeger v2
 * renders a trace it received as OTLP: one process per service (`p1`, `p2`, … in first-seen
 * order) whose `serviceName` is the service, the parent as a CHILD_OF reference, times in whole
 * µs, and the tags Jaeger adds: `otel.scope.name`, `span.kind`, and for a set status
 * `otel.status_code` (+ `error: true` on errors). Optional FOLLOWS_FROM references per span
 * render OTLP links. O(n).
 */
import type { AttributeScalar } from '../support/otlp';
import { SynthTrace } from './generate';
import { spanHex } from './otlp';

const KIND_TAGS = ['', 'internal', 'server', 'client', 'producer', 'consumer'];

export interface JaegerOptions {
  /** span output order (default 0..n-1) */
  order?: ArrayLike<number>;
  /** span index → indexes of spans it links to (rendered as FOLLOWS_FROM after the parent) */
  links?: Map<number, number[]>;
}

function tag(key: string, v: AttributeScalar): string {
  const type =
    typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : Number.isInteger(v) ? 'int64' : 'float64';
  return `{"key":${JSON.stringify(key)},"type":"${type}","value":${JSON.stringify(v)}}`;
}

/** Whole µs since the epoch of a relative ns time (the synthetic times are whole µs). */
function micros(t: SynthTrace, rel: number): number {
  return t.baseSeconds * 1e6 + rel / 1000;
}

/** Jaeger v1 JSON text `{"data":[trace],…}` of a synthetic trace. */
export function toJaegerJson(t: SynthTrace, options: JaegerOptions = {}): string {
  const order = options.order ?? Array.from({ length: t.n }, (_, i) => i);
  const processOf = new Map<number, string>();
  const spans: string[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    let pid = processOf.get(t.service[i]);
    if (pid === undefined) {
      pid = `p${processOf.size + 1}`;
      processOf.set(t.service[i], pid);
    }
    const refs: string[] = [];
    if (t.parent[i] >= 0) {
      refs.push(`{"refType":"CHILD_OF","traceID":"${t.traceId}","spanID":"${spanHex(t, t.parent[i])}"}`);
    }
    for (const l of options.links?.get(i) ?? []) {
      refs.push(`{"refType":"FOLLOWS_FROM","traceID":"${t.traceId}","spanID":"${spanHex(t, l)}"}`);
    }
    const tags = [tag('otel.scope.name', 'synthetic'), ...(t.attributes.get(i) ?? []).map(([key, v]) => tag(key, v))];
    tags.push(tag('span.kind', KIND_TAGS[t.kind[i]]));
    if (t.status[i] !== 0) {
      tags.push(tag('otel.status_code', t.status[i] === 2 ? 'ERROR' : 'OK'));
    }
    if (t.status[i] === 2) {
      tags.push(tag('error', true));
    }
    const start = micros(t, t.start[i]);
    spans.push(
      `{"traceID":"${t.traceId}","spanID":"${spanHex(t, i)}","operationName":${JSON.stringify(t.names[t.name[i]])},` +
        `"references":[${refs.join(',')}],"startTime":${start},"duration":${micros(t, t.end[i]) - start},` +
        `"tags":[${tags.join(',')}],"logs":[],"processID":"${pid}","warnings":null}`
    );
  }
  const processes = [...processOf].map(
    ([svc, pid]) => `"${pid}":{"serviceName":${JSON.stringify(t.services[svc])},"tags":[]}`
  );
  return (
    `{"data":[{"traceID":"${t.traceId}","spans":[${spans.join(',')}],"processes":{${processes.join(',')}},"warnings":null}],` +
    '"total":0,"limit":0,"offset":0,"errors":null}'
  );
}
