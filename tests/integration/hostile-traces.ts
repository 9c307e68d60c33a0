/**
 * Random OTLP/JSON traces with every irregularity the analysis definitions name
 * (src/engine/DEFINITIONS.md), for the differential test of the Collector connector against the
 * TypeScript engine (connector-engine.test.ts):
 * - repairs: absent or `"0"` start and end times, ends before starts;
 * - the tree: duplicate span ids, zero span ids, zero parent ids, parent ids no span has
 *   (orphans), parents picked among all spans (cycles, a span its own parent), several roots;
 * - async work: CONSUMER spans, links to the parent (FOLLOWS_FROM) with the trace id or without;
 *   links to the parent's id in another trace and links to other spans, which are not;
 * - clock skew: random kinds put SERVER spans under CLIENT spans that they outlive or precede;
 * - ties: `tight` traces pack every time into 80 ns, so equal starts, ends and reaches are common.
 * Same (seed, traceId, n, tight) → same document. O(n) per trace.
 */
import { otlpValue, resourceSpansByService } from '../support/otlp';
import { Random } from '../support/random';
import { KIND_NAMES } from '../synthetic/otlp';

const SERVICES = ['edge', 'orders', 'billing'];
const ZERO_SPAN_ID = '0000000000000000';
/** Unix second every time counts from; times are ns after it, below a second. */
const BASE_SECONDS = '1700000000';

/** A time as OTLP/JSON writes it, or absent (undefined), or the explicit zero of an unset time. */
function time(rng: Random, rel: number): string | undefined {
  const r = rng.int(0, 29);
  return r < 2 ? undefined : r === 2 ? '0' : BASE_SECONDS + String(rel).padStart(9, '0');
}

/** The parent id of span i among `ids` (see the file header for the mix), or undefined. */
function parentId(rng: Random, ids: string[], i: number): string | undefined {
  const r = rng.int(0, 19);
  if (r < 14 && i > 0) {
    return ids[rng.int(0, i - 1)];
  }
  if (r < 16) {
    return ids[rng.int(0, ids.length - 1)];
  }
  return r === 16 ? rng.hex(8) : r === 17 ? ZERO_SPAN_ID : undefined;
}

/** Links of a span: some to its parent (same trace, or no trace id), some elsewhere. */
function links(rng: Random, traceId: string, parent: string | undefined, ids: string[]) {
  const out: Array<{ traceId?: string; spanId: string }> = [];
  if (parent && rng.int(0, 7) === 0) {
    out.push(rng.int(0, 1) ? { traceId, spanId: parent } : { spanId: parent });
  }
  if (parent && rng.int(0, 9) === 0) {
    out.push({ traceId: 'bb'.repeat(16), spanId: parent });
  }
  if (rng.int(0, 19) === 0) {
    out.push({ traceId, spanId: rng.pick(ids) });
  }
  return out;
}

/** One trace of n spans as an OTLP/JSON `{resourceSpans}` document. */
export function hostileTrace(rng: Random, traceId: string, n: number, tight: boolean): object {
  const ids = Array.from({ length: n }, () => (rng.int(0, 49) === 0 ? ZERO_SPAN_ID : rng.hex(8)));
  for (let i = 1; i < n; i++) {
    if (rng.int(0, 29) === 0) {
      ids[i] = ids[rng.int(0, i - 1)];
    }
  }
  const spans = ids.map((spanId, i) => {
    const parent = parentId(rng, ids, i);
    const start = rng.int(0, tight ? 50 : 1_000_000);
    const end = start + rng.int(0, tight ? 30 : 500_000) - (rng.int(0, 9) === 0 ? 100 : 0);
    const kind = rng.int(0, 5);
    const startText = time(rng, start);
    const endText = time(rng, Math.max(end, 0));
    return {
      service: rng.pick(SERVICES),
      span: {
        traceId,
        spanId,
        ...(parent === undefined ? {} : { parentSpanId: parent }),
        name: `op ${rng.int(0, 4)}`,
        kind: rng.int(0, 1) ? KIND_NAMES[kind] : kind,
        ...(startText === undefined ? {} : { startTimeUnixNano: startText }),
        ...(endText === undefined ? {} : { endTimeUnixNano: endText }),
        attributes: [{ key: 'i', value: otlpValue(i) }],
        links: links(rng, traceId, parent, ids),
      },
    };
  });
  return resourceSpansByService(spans, { name: 'hostile' });
}
