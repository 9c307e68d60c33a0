/**
 * The generator's own span model (times in integer microseconds) and the ground truth it records.
 * Why a generator apart from tests/synthetic: it makes batches of whole requests through the demo
 * system (topology.ts), sent to a collector, and records what each must show (truth.ts) for the
 * live tests; tests/synthetic makes single traces of a chosen shape and size for the bench.
 */
import type { AttributeValue } from '../support/otlp';
import { Random, seededRandom } from '../support/random';
import type { Regression } from './topology';

export type Kind = 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';

export interface GenEvent {
  timeUs: number;
  name: string;
  attributes: Record<string, AttributeValue>;
}

/** A span link: to a span of another trace, or of the same one. */
export interface GenLink {
  traceId: string;
  spanId: string;
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
  attributes: Record<string, AttributeValue>;
  error?: string;
  events: GenEvent[];
  /** absent on the demo topology's spans */
  links?: GenLink[];
}

export interface GenTrace {
  traceId: string;
  spans: GenSpan[];
}

/** Adds a span to a trace's list: `(parent, service, name, kind, startUs, endUs, attributes)`. */
export type SpanMaker = (
  parent: GenSpan | undefined,
  service: string,
  name: string,
  kind: Kind,
  startUs: number,
  endUs: number,
  attributes?: Record<string, AttributeValue>
) => GenSpan;

/** A {@link SpanMaker} appending to `spans`, each span's id drawn from `rng` (no events, no links). */
export function spanMaker(rng: Random, spans: GenSpan[]): SpanMaker {
  return (parent, service, name, kind, startUs, endUs, attributes = {}) => {
    const s: GenSpan = {
      spanId: rng.hex(8),
      parentSpanId: parent?.spanId,
      service,
      name,
      kind,
      startUs,
      endUs,
      attributes,
      events: [],
    };
    spans.push(s);
    return s;
  };
}

/** What every topology's batch options hold. */
export interface BatchBasics {
  seed: number;
  count: number;
  /** µs since the epoch the batch ends before; default: the current time */
  nowUs?: number;
  /** gap between request starts, µs; default 20 ms */
  spacingUs?: number;
}

/**
 * The start of each of a batch's requests, µs since the epoch: `spacingUs` apart, early enough
 * that a request as long as `longestUs` started last still ends before `nowUs`.
 */
export function requestStarts(options: BatchBasics, longestUs: number): number[] {
  const spacing = options.spacingUs ?? 20_000;
  const nowUs = options.nowUs ?? Date.now() * 1000;
  const first = nowUs - longestUs - spacing * options.count;
  return Array.from({ length: options.count }, (_, i) => first + i * spacing);
}

/** A batch's traces (in request order) and one truth record per request. */
export interface DrawnBatch<T> {
  traces: GenTrace[];
  truth: T[];
}

/**
 * Draws a batch from one random source seeded with `options.seed`: `request(rng, startUs)` makes
 * each request (its traces and its truth) in turn, starting at `requestStarts(options, longestUs)`.
 */
export function drawBatch<T>(
  options: BatchBasics,
  longestUs: number,
  request: (rng: Random, startUs: number) => { traces: GenTrace[]; truth: T }
): DrawnBatch<T> {
  const rng = seededRandom(options.seed);
  const batch: DrawnBatch<T> = { traces: [], truth: [] };
  for (const startUs of requestStarts(options, longestUs)) {
    const { traces, truth } = request(rng, startUs);
    batch.traces.push(...traces);
    batch.truth.push(truth);
  }
  return batch;
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
