/**
 * The generator's own span model (times in integer microseconds) and the ground truth it records.
 * Why a generator apart from tests/synthetic: it makes batches of whole requests through the demo
 * system (topology.ts), sent to a collector, and records what each must show (truth.ts) for the
 * live tests; tests/synthetic makes single traces of a chosen shape and size for the bench.
 */
import type { AttributeScalar } from '../support/otlp';
import type { Regression } from './topology';

export type Kind = 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';

export interface GenEvent {
  timeUs: number;
  name: string;
  attributes: Record<string, AttributeScalar>;
}

export interface GenSpan {
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  kind: Kind;
  /** microseconds since the Unix epoch */
  startUs: number;
  endUs: number;
  attributes: Record<string, AttributeScalar>;
  error?: string;
  events: GenEvent[];
}

export interface GenTrace {
  traceId: string;
  spans: GenSpan[];
}

/** What a test may compare an analysis against: one record per generated trace. */
export interface TraceTruth {
  traceId: string;
  rootService: string;
  rootName: string;
  route: string;
  requestId: string;
  startUs: number;
  durationUs: number;
  spanCount: number;
  services: string[];
  /** spanId → parent spanId ('' for the root) */
  parents: Record<string, string>;
  /** per service: sum over its spans of (duration − union of its children's intervals inside it), µs */
  selfTimeUsByService: Record<string, number>;
  error: boolean;
  outlier: boolean;
  /** regression mode's change, when the request has one */
  regression?: Regression;
  spans: Array<{ spanId: string; service: string; name: string; kind: Kind; durationUs: number; error: boolean }>;
}
