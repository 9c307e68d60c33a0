/**
 * Test helper: Grafana trace data frames of a trace fetched from the real Tempo (by default the
 * recorded fixture tests/integration/fixtures/tempo-trace-v2.json; browser tests pass a live
 * Tempo v2 response, property tests a synthetic trace written as Tempo's v2 answer), built the way
 * each datasource builds them for a panel:
 * - Tempo (its TraceToFrame): lowercase hex ids, root `parentSpanID` '', lowercase `kind`,
 *   `statusCode` 0/1/2, float ms `startTime`/`duration`, `serviceTags`/`tags`/`logs`/`references` as arrays;
 * - Jaeger: µs times divided by 1000, root `parentSpanID` undefined, span kind and error as tags, no `kind`;
 * - Zipkin: like Jaeger, `serviceTags` holding the endpoint (`ipv4`), kind as an upper-case `kind` tag.
 * {@link jaegerApiTraceFrame} builds the Jaeger frame from what Grafana's Jaeger datasource itself
 * reads, a Jaeger v1 trace (`GET /api/traces/<id>`; browser tests pass one from the live Jaeger).
 */
// types only: the helper also runs in Node (browser tests), where @grafana/data's runtime needs a window
import type { DataFrame, FieldType } from '@grafana/data';
import type { JaegerKeyValue, JaegerTrace } from '../../src/data';
import { recorded } from './recorded';

interface OtlpValue {
  stringValue?: string;
  intValue?: string;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpKeyValue {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  spanId: string;
  parentSpanId?: string;
  traceId: string;
  name: string;
  kind: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: OtlpKeyValue[];
  status?: { code?: string; message?: string };
}
interface ResourceSpans {
  resource: { attributes: OtlpKeyValue[] };
  scopeSpans: Array<{ scope: { name: string; version: string }; spans: OtlpSpan[] }>;
}

const hex = (b64: string | undefined) => (b64 ? Buffer.from(b64, 'base64').toString('hex') : '');
const valueOf = (v: OtlpValue) =>
  v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.doubleValue ?? v.boolValue));
const kv = (attrs: OtlpKeyValue[] = []) => attrs.map((a) => ({ key: a.key, value: valueOf(a.value) }));
const ms = (ns: string) => Number(BigInt(ns)) / 1e6;

interface FlatSpan {
  span: OtlpSpan;
  service: string;
  resource: Array<{ key: string; value: unknown }>;
  scope: { name: string; version: string };
}

/** A Tempo `GET /api/v2/traces/<id>` response body. */
export interface TempoTraceBody {
  trace: { resourceSpans: ResourceSpans[] };
}

const recordedBody = () => recorded<TempoTraceBody>('tempo-trace-v2').body;

function flatSpans(body: TempoTraceBody): FlatSpan[] {
  return body.trace.resourceSpans.flatMap((rs) =>
    rs.scopeSpans.flatMap((ss) =>
      ss.spans.map((span) => {
        const resource = kv(rs.resource.attributes);
        return {
          span,
          resource,
          scope: ss.scope,
          service: String(resource.find((a) => a.key === 'service.name')?.value),
        };
      })
    )
  );
}

function frameOf(columns: Record<string, unknown[]>, meta: DataFrame['meta']): DataFrame {
  const fields = Object.entries(columns).map(([name, values]) => ({
    name,
    type: (typeof values.find((v) => v !== undefined) === 'number'
      ? 'number'
      : typeof values[0] === 'string'
        ? 'string'
        : 'other') as FieldType,
    config: {},
    values,
  }));
  return { name: 'Trace', refId: 'A', meta, length: fields[0].values.length, fields };
}

const kindName = (k: string | undefined) => (k ?? '').replace(/^SPAN_KIND_/, '').toLowerCase();
const statusCode = (s: OtlpSpan['status']) =>
  s?.code === 'STATUS_CODE_ERROR' ? 2 : s?.code === 'STATUS_CODE_OK' ? 1 : 0;

/** The recorded trace as Grafana's Tempo datasource returns it to a panel. */
export function tempoTraceFrame(body: TempoTraceBody = recordedBody()): DataFrame {
  const spans = flatSpans(body);
  const col = <T>(f: (s: FlatSpan) => T) => spans.map(f);
  return frameOf(
    {
      traceID: col((s) => hex(s.span.traceId)),
      spanID: col((s) => hex(s.span.spanId)),
      parentSpanID: col((s) => hex(s.span.parentSpanId)),
      operationName: col((s) => s.span.name),
      serviceName: col((s) => s.service),
      kind: col((s) => kindName(s.span.kind)),
      statusCode: col((s) => statusCode(s.span.status)),
      statusMessage: col((s) => s.span.status?.message ?? ''),
      instrumentationLibraryName: col((s) => s.scope.name),
      instrumentationLibraryVersion: col((s) => s.scope.version),
      traceState: col(() => ''),
      serviceTags: col((s) => s.resource),
      startTime: col((s) => ms(s.span.startTimeUnixNano)),
      duration: col((s) => Number(BigInt(s.span.endTimeUnixNano) - BigInt(s.span.startTimeUnixNano)) / 1e6),
      logs: col(() => []),
      references: col(() => []),
      tags: col((s) => kv(s.span.attributes)),
    },
    { preferredVisualisationType: 'trace', custom: { traceFormat: 'otlp' } }
  );
}

/** Shared columns of the Jaeger and Zipkin shapes: µs-precision ms times, undefined root parent. */
function microsecondColumns(spans: FlatSpan[]) {
  const us = (ns: string) => Number(BigInt(ns) / BigInt(1000));
  return {
    traceID: spans.map((s) => hex(s.span.traceId)),
    spanID: spans.map((s) => hex(s.span.spanId)),
    parentSpanID: spans.map((s) => hex(s.span.parentSpanId) || undefined),
    operationName: spans.map((s) => s.span.name),
    serviceName: spans.map((s) => s.service),
    startTime: spans.map((s) => us(s.span.startTimeUnixNano) / 1000),
    duration: spans.map((s) => (us(s.span.endTimeUnixNano) - us(s.span.startTimeUnixNano)) / 1000),
    logs: spans.map(() => []),
  };
}

/** The recorded trace as Grafana's Jaeger datasource returns it (kind and error as span tags). */
export function jaegerTraceFrame(body: TempoTraceBody = recordedBody()): DataFrame {
  const spans = flatSpans(body);
  return frameOf(
    {
      ...microsecondColumns(spans),
      serviceTags: spans.map((s) => s.resource.filter((a) => a.key !== 'service.name')),
      tags: spans.map((s) => [
        ...kv(s.span.attributes),
        { key: 'span.kind', value: kindName(s.span.kind) },
        ...(statusCode(s.span.status) === 2 ? [{ key: 'error', value: true }] : []),
      ]),
      warnings: spans.map(() => undefined),
    },
    { preferredVisualisationType: 'trace' }
  );
}

/** The recorded trace as Grafana's Zipkin datasource returns it (endpoint as service tags). */
export function zipkinTraceFrame(body: TempoTraceBody = recordedBody()): DataFrame {
  const spans = flatSpans(body);
  return frameOf(
    {
      ...microsecondColumns(spans),
      serviceTags: spans.map(() => [{ key: 'ipv4', value: '127.0.0.1' }]),
      tags: spans.map((s) => [...kv(s.span.attributes), { key: 'kind', value: kindName(s.span.kind).toUpperCase() }]),
    },
    { preferredVisualisationType: 'trace' }
  );
}

/** A Jaeger v1 trace with the span fields Grafana also reads (logs, stack traces). */
export type JaegerApiTrace = Omit<JaegerTrace, 'spans'> & {
  spans: Array<
    JaegerTrace['spans'][number] & {
      logs?: Array<{ timestamp: number; fields: JaegerKeyValue[] }> | null;
      stackTraces?: string[] | null;
    }
  >;
};

/**
 * A Jaeger v1 trace (`GET /api/traces/<id>`, µs times) as Grafana's Jaeger datasource hands it to a
 * panel: grafana/grafana pkg/tsdb/jaeger/utils/client_utils.go `TransformTraceResponse` (before it,
 * public/app/plugins/datasource/jaeger/responseTransform.ts `createTraceFrame`, same columns). One
 * row per span in Jaeger's order; `parentSpanID` the first CHILD_OF reference (null for a root),
 * `references` the others; service name and tags from the span's process; `startTime` / `duration`
 * µs ÷ 1000 (float ms), log timestamps likewise; tags as Jaeger sent them (with its own `span.kind`,
 * `otel.status_code`, `error`); frame named after the refId, `traceFormat: 'jaeger'`.
 */
export function jaegerApiTraceFrame(trace: JaegerApiTrace, refId = 'A'): DataFrame {
  const spans = trace.spans;
  const parentOf = (s: JaegerApiTrace['spans'][number]) =>
    s.references?.find((r) => r.refType === 'CHILD_OF')?.spanID ?? null;
  const field = (name: string, type: 'string' | 'number' | 'other', values: unknown[]) => ({
    name,
    type: type as FieldType,
    config: {},
    values,
  });
  const fields = [
    field(
      'traceID',
      'string',
      spans.map((s) => s.traceID)
    ),
    field(
      'spanID',
      'string',
      spans.map((s) => s.spanID)
    ),
    field('parentSpanID', 'string', spans.map(parentOf)),
    field(
      'operationName',
      'string',
      spans.map((s) => s.operationName)
    ),
    field(
      'serviceName',
      'string',
      spans.map((s) => trace.processes[s.processID]?.serviceName ?? '')
    ),
    field(
      'serviceTags',
      'other',
      spans.map((s) => trace.processes[s.processID]?.tags ?? null)
    ),
    field(
      'startTime',
      'number',
      spans.map((s) => s.startTime / 1000)
    ),
    field(
      'duration',
      'number',
      spans.map((s) => s.duration / 1000)
    ),
    field(
      'logs',
      'other',
      spans.map((s) => (s.logs ?? []).map((l) => ({ ...l, timestamp: l.timestamp / 1000 })))
    ),
    field(
      'references',
      'other',
      spans.map((s) => (s.references ?? []).filter((r) => r.spanID !== parentOf(s)))
    ),
    field(
      'tags',
      'other',
      spans.map((s) => s.tags ?? null)
    ),
    field(
      'warnings',
      'other',
      spans.map((s) => s.warnings ?? null)
    ),
    field(
      'stackTraces',
      'other',
      spans.map((s) => s.stackTraces ?? null)
    ),
  ];
  return {
    name: refId,
    refId,
    meta: { preferredVisualisationType: 'trace', custom: { traceFormat: 'jaeger' } },
    length: spans.length,
    fields,
  };
}
