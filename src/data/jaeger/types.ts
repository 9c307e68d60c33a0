/**
 * Jaeger query API (v1 JSON, as Jaeger v2 serves it) response shapes. Times are microseconds;
 * ids are lowercase hex. Trace bodies by id are kept as text (see client.ts), not typed here.
 */

export interface JaegerKeyValue {
  key: string;
  /** `string`, `bool`, `int64`, `float64`, `binary` */
  type?: string;
  value: unknown;
}

export interface JaegerReference {
  refType: 'CHILD_OF' | 'FOLLOWS_FROM';
  traceID: string;
  spanID: string;
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: JaegerReference[] | null;
  /** µs since the epoch */
  startTime: number;
  /** µs */
  duration: number;
  tags?: JaegerKeyValue[] | null;
  processID: string;
  warnings?: string[] | null;
}

export interface JaegerProcess {
  serviceName: string;
  tags?: JaegerKeyValue[] | null;
}

export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, JaegerProcess>;
  warnings?: string[] | null;
}

export interface JaegerApiError {
  code: number;
  msg: string;
  traceID?: string;
}

/** Every v1 answer: `data` plus paging fields and `errors` (null when none). */
export interface JaegerResponse<T> {
  data: T | null;
  total?: number;
  limit?: number;
  offset?: number;
  errors?: JaegerApiError[] | null;
}

export interface JaegerOperation {
  name: string;
  /** `server`, `client`, … or '' when Jaeger does not know it */
  spanKind: string;
}

export interface JaegerDependency {
  parent: string;
  child: string;
  callCount: number;
  source?: string;
}
