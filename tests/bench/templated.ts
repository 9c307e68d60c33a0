/**
 * Traces of a service's usual traffic for the many-traces bench case: each is one of a few
 * request templates (`random`-shaped traces of tests/synthetic/generate.ts, one per endpoint),
 * so the same calls recur from trace to trace and the merged call tree stays small, as it does
 * for real requests of a few endpoints; a `random` trace of its own per trace would make almost
 * every call path unique. Per trace: its own trace id, and every time of the template scaled by
 * one factor, uniform in [0.5, 2) and 4× that in one trace of 20 (slow outliers); times are
 * rounded to whole µs by one monotone function, so nesting and order are kept. O(spans).
 */
import { seededRandom } from '../support/random';
import { generateTrace, SynthTrace } from '../synthetic/generate';

/** request templates (endpoints) */
const TEMPLATES = 6;

/** `count` traces of `spans` spans each (see the file header); same arguments, same traces. */
export function templatedTraces(count: number, spans: number, seed: number): (k: number) => SynthTrace {
  const templates = Array.from({ length: TEMPLATES }, (_, t) => generateTrace('random', spans, seed + t));
  const rng = seededRandom(seed);
  const factors = Array.from({ length: count }, (_, k) => (0.5 + 1.5 * rng.next()) * (k % 20 === 7 ? 4 : 1));
  const scale = (times: Float64Array, f: number) => times.map((ns) => Math.round((ns * f) / 1e3) * 1e3);
  return (k) => {
    const template = templates[k % TEMPLATES];
    return {
      ...template,
      traceId: (k + 1).toString(16).padStart(32, '0'),
      start: scale(template.start, factors[k]),
      end: scale(template.end, factors[k]),
    };
  };
}
