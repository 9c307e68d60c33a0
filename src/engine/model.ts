/**
 * The compact in-memory trace model every adapter produces and every analysis reads.
 *
 * Struct-of-arrays: one typed-array column per span field, strings interned into
 * `strings` and referenced by index. Times are nanoseconds relative to `startUnixNano`
 * (the earliest known span start; unknown times are repaired, see builder.ts), so they are
 * exact integers in a float64 for traces shorter than 2^53 ns (104 days). About 80 bytes per
 * span plus attributes.
 */
import type { InputWarning } from './input-warnings';

/** OTLP span kinds, with their OTLP enum numbers. */
export enum SpanKind {
  Unspecified = 0,
  Internal = 1,
  Server = 2,
  Client = 3,
  Producer = 4,
  Consumer = 5,
}

/** Lowercase names of {@link SpanKind} values, as Grafana trace frames spell them. */
export const SPAN_KIND_NAMES: readonly string[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];

/** OTLP status codes. */
export enum StatusCode {
  Unset = 0,
  Ok = 1,
  Error = 2,
}

/** OTLP attribute value kinds. Values are kept as display strings plus this tag. */
export enum AttrType {
  String = 0,
  Int = 1,
  Double = 2,
  Bool = 3,
  Bytes = 4,
  Array = 5,
  KvList = 6,
  Empty = 7,
}

/**
 * Key/value lists for a set of owners (spans, resources, events or links), stored flat:
 * owner `o` has entries `offsets[o] .. offsets[o+1]-1`; keys and values index `ParsedTrace.strings`.
 * Values are display strings: ints as decimal, doubles as JS number text, bools as `true`/`false`,
 * bytes as the base64 text, arrays and kvlists as compact JSON of their plain values.
 */
export interface AttrTable {
  readonly offsets: Uint32Array;
  readonly keys: Uint32Array;
  readonly values: Uint32Array;
  readonly types: Uint8Array;
}

/** Span events: event `e` belongs to the span whose `events.offsets` range holds it. */
export interface EventTable {
  readonly offsets: Uint32Array;
  /** ns relative to the trace start (may be negative for skewed events). */
  readonly time: Float64Array;
  readonly name: Uint32Array;
  readonly attrs: AttrTable;
}

/** Span links (OTLP links, or references of Jaeger/Zipkin frames). */
export interface LinkTable {
  readonly offsets: Uint32Array;
  /** lowercase hex, '' when the producer gave none */
  readonly traceId: readonly string[];
  /** lowercase hex */
  readonly spanId: readonly string[];
  readonly attrs: AttrTable;
}

/** A parsed trace: span columns indexed by span number `0 .. spanCount-1` (input order). */
export interface ParsedTrace {
  /** lowercase hex trace id of the first span ('' when absent) */
  readonly traceId: string;
  readonly spanCount: number;
  /** absolute time of time 0 (the earliest known span start), decimal ns since the Unix epoch */
  readonly startUnixNano: string;
  /** span start, ns since `startUnixNano` */
  readonly start: Float64Array;
  /** span end, ns since `startUnixNano`; never before `start` (see `warnings`) */
  readonly end: Float64Array;
  /** span id as two 32-bit halves (big-endian byte order: hi = bytes 0..3) */
  readonly idHi: Uint32Array;
  readonly idLo: Uint32Array;
  /** parent span id halves; meaningful only where `hasParent[i]` is 1 */
  readonly parentHi: Uint32Array;
  readonly parentLo: Uint32Array;
  readonly hasParent: Uint8Array;
  /** span name (operation), index into `strings` */
  readonly name: Uint32Array;
  /** {@link SpanKind} */
  readonly kind: Uint8Array;
  /** {@link StatusCode} */
  readonly status: Uint8Array;
  /** status message, index into `strings` (0 = '') */
  readonly statusMessage: Uint32Array;
  /** resource index of each span */
  readonly resource: Uint32Array;
  /** scope (instrumentation library) index of each span */
  readonly scope: Uint32Array;
  /** `service.name` of each resource, index into `strings` */
  readonly resourceService: Uint32Array;
  readonly resourceAttrs: AttrTable;
  /** scope name and version, indexes into `strings` */
  readonly scopeName: Uint32Array;
  readonly scopeVersion: Uint32Array;
  readonly spanAttrs: AttrTable;
  readonly events: EventTable;
  readonly links: LinkTable;
  /** interned strings; `strings[0]` is always '' */
  readonly strings: readonly string[];
  /** the reader's notes on its input (e.g. an end before the start it repaired), as codes and values */
  readonly warnings: readonly InputWarning[];
}

/** Service name used when a resource has no `service.name` (the same as Grafana's Tempo frames). */
export const NO_SERVICE_NAME = 'OTLPResourceNoServiceName';

/** Service name of span `i`. */
export function serviceOf(trace: ParsedTrace, i: number): string {
  return trace.strings[trace.resourceService[trace.resource[i]]];
}

/** Name (operation) of span `i`. */
export function nameOf(trace: ParsedTrace, i: number): string {
  return trace.strings[trace.name[i]];
}
