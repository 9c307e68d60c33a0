/**
 * The 1M-distinct-span-names case, run in its own process so that earlier benchmark garbage does
 * not count: a `random`-shaped trace of 1M spans, each with a name of its own (tests/synthetic/
 * distinct-names.ts), so grouping by operation makes 1M groups and the merged call tree 1M paths.
 * 1. Memory: with only that trace's analysis alive, the peak RSS of one `aggregateTraces` and one
 *    `compareTraceSets` of the trace against itself (Linux VmHWM, reset just before; the trace
 *    and its analysis included) and their times on first use.
 * 2. Time: medians of 3 runs (after a warm-up run) of the same two calls on that trace and on the
 *    same shape with its usual few dozen names (tests/synthetic/generate.ts), runs alternating:
 *    the cost of a million groups against the cost of a few dozen for the same spans.
 * Prints one JSON line.
 */

import {
  aggregateTraces,
  analyzeTrace,
  compareTraceSets,
  parseOtlpTrace,
  TraceAnalysis,
  TraceSetAggregate,
} from '../../src/engine';
import { distinctNamesTrace } from '../synthetic/distinct-names';
import { generateTrace, SynthTrace } from '../synthetic/generate';
import { toOtlpJson } from '../synthetic/otlp';
import { median } from './median';
import { MB, procStatusMB, resetPeakRss } from './proc-status';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const SPANS = 1_000_000;

/** Wall time (ms) of one call of `fn`, with a GC before it. */
function onceMs(fn: () => unknown): number {
  gc();
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The analysis of `synth` read from its OTLP/JSON text (the text is let go). */
function analyse(synth: () => SynthTrace): TraceAnalysis {
  return analyzeTrace(parseOtlpTrace(toOtlpJson(synth())));
}

const names = analyse(() => distinctNamesTrace(SPANS, 3));
gc();
gc();
const rssBefore = process.memoryUsage().rss / MB;
resetPeakRss();
let agg: TraceSetAggregate | undefined;
const firstAggregate = onceMs(() => (agg = aggregateTraces([names])));
const firstCompare = onceMs(() => compareTraceSets([names], [names]));
const peakRss = procStatusMB('VmHWM');

const usual = analyse(() => generateTrace('random', SPANS, 3));
const times = {
  namesAggregate: [] as number[],
  namesCompare: [] as number[],
  usualAggregate: [] as number[],
  usualCompare: [] as number[],
};
for (let r = 0; r < 4; r++) {
  const a = onceMs(() => aggregateTraces([names]));
  const b = onceMs(() => aggregateTraces([usual]));
  const c = onceMs(() => compareTraceSets([names], [names]));
  const d = onceMs(() => compareTraceSets([usual], [usual]));
  if (r > 0) {
    times.namesAggregate.push(a);
    times.usualAggregate.push(b);
    times.namesCompare.push(c);
    times.usualCompare.push(d);
  }
}
console.log(
  JSON.stringify({
    groups: agg!.columns.size,
    rows: agg!.rows.length,
    otherGroups: agg!.other?.groups ?? 0,
    callTreeNodes: agg!.callTree!.parent.length,
    rssBeforeMB: rssBefore,
    peakRssMB: peakRss,
    firstAggregate,
    firstCompare,
    namesAggregate: median(times.namesAggregate),
    namesCompare: median(times.namesCompare),
    usualAggregate: median(times.usualAggregate),
    usualCompare: median(times.usualCompare),
  })
);
