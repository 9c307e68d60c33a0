/**
 * Test support for the call tree and its diff: hand-worked trace sets (times in µs) and random
 * small traces for properties, shared by the engine's and the compare page's tests.
 */
import fc from 'fast-check';
import { TinySpan, tinyOtlp } from '../../../tests/synthetic/tiny';
import { analyzeTrace, TraceAnalysis } from '../analyze';
import { parseOtlpTrace } from '../otlp';

export const analysed = (spans: TinySpan[]): TraceAnalysis => analyzeTrace(parseOtlpTrace(tinyOtlp(spans)));

/*
 * Two sets for a diff (self = critical-path time in each trace):
 *   baseline 1: api GET [0,100] ── db q [20,60]   GET 60, q 40
 *   baseline 2: api GET [0,50]  ── db q [10,30]   GET 30, q 20
 *     per trace: GET 45, q 1 call 30
 *   comparison: api GET [0,60] ─┬─ db q [10,15] [20,25] [30,35] [40,45]   (each query faster, 4 of them)
 *                               └─ cache get [50,55]                     (a call the baseline has not)
 *     GET 60 − 20 − 5 = 35, q 4 × 5 = 20, get 5
 *   Δ per trace: GET calls 0, time −10; q calls +3, time −10; get calls +1, time +5.
 */
export const DIFF_BASELINE: TinySpan[][] = [
  [
    { id: 'r', service: 'api', name: 'GET', start: 0, end: 100 },
    { id: 'q', parent: 'r', service: 'db', name: 'q', start: 20, end: 60 },
  ],
  [
    { id: 'r', service: 'api', name: 'GET', start: 0, end: 50 },
    { id: 'q', parent: 'r', service: 'db', name: 'q', start: 10, end: 30 },
  ],
];
export const DIFF_COMPARISON: TinySpan[][] = [
  [
    { id: 'r', service: 'api', name: 'GET', start: 0, end: 60 },
    ...[10, 20, 30, 40].map((t, k): TinySpan => ({
      id: `q${k}`,
      parent: 'r',
      service: 'db',
      name: 'q',
      start: t,
      end: t + 5,
    })),
    { id: 'g', parent: 'r', service: 'cache', name: 'get', start: 50, end: 55 },
  ],
];

/** A span of a random trace: its parent is `parent % i` of the spans before it. */
export interface RandomSpan {
  parent: number;
  service: number;
  name: number;
  kind: TinySpan['kind'];
  start: number;
  length: number;
}

/** Random small traces: parents point backwards, names from a few, any kinds and times. */
export const randomTrace = fc.array(
  fc.record<RandomSpan>({
    parent: fc.nat(),
    service: fc.integer({ min: 0, max: 2 }),
    name: fc.integer({ min: 0, max: 3 }),
    kind: fc.constantFrom<TinySpan['kind']>('server', 'client', 'producer', 'consumer', 'internal'),
    start: fc.integer({ min: 0, max: 300 }),
    length: fc.integer({ min: 0, max: 200 }),
  }),
  { minLength: 1, maxLength: 25 }
);

export function analysedRandom(spans: RandomSpan[]): TraceAnalysis {
  return analysed(
    spans.map((s, i) => ({
      id: `s${i}`,
      ...(i > 0 ? { parent: `s${s.parent % i}` } : {}),
      service: `svc${s.service}`,
      name: `op${s.name}`,
      kind: s.kind,
      start: s.start,
      end: s.start + s.length,
    }))
  );
}
