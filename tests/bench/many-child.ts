/**
 * The many-traces case (issue #13 item 5), run in its own process so that earlier benchmark
 * garbage does not count. Reads trace texts from a file written by run.ts (OTLP/JSON texts
 * back to back, their byte lengths in `<file>.lengths`), one at a time, each decoded from bytes
 * into a fresh string as a fetch's `response.text()` hands it over; the corpus is never in memory
 * as a whole. Modes (argv[3]):
 * - `json`: the reference, JSON.parse of every text; peak RSS (Linux VmHWM, reset just before)
 *   and sampled peak of JS heap + array buffers.
 * - `tracelens`: what the compare page does with them. Read: each text through the loading
 *   service's reader and `analyzeTrace` (as src/loading/load-trace.ts), only the analysis kept —
 *   the text is garbage once read. Then `aggregateTraces` (breakdown + merged call tree with
 *   critical-path time), `diffCallTrees` of the rest vs the slowest 5%, and the flame and diff-flame
 *   columns of every measure. Prints each stage's time, peak RSS and sampled peak heap, and the
 *   heap retained by the analyses alone after a GC (the raw texts dropped) next to the texts' size.
 * - `time`: `rounds` rounds of both sides, alternating which goes first; per stage, the time of
 *   each round (no GC inside a side, one before it).
 * Times: wall-clock ms from `performance.now()` around the measured calls only (the file read and
 * the decoding are outside them, on both sides alike). Prints one JSON line.
 */
import { openSync, readFileSync, readSync } from 'node:fs';

import {
  aggregateTraces,
  analyzeTrace,
  callTreeDiffToFlameFrames,
  callTreeToFlameFrames,
  diffCallTrees,
  TraceAnalysis,
} from '../../src/engine';
import { readTrace } from '../../src/loading/read-trace';
import { MB, procStatusMB, resetPeakRss } from './proc-status';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
/** share of the traces, slowest first, that form the slow set (the compare page's default) */
const SLOW_FRACTION = 0.05;

const heapMB = () => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / MB;
};

const [file, mode, roundsArg] = process.argv.slice(2);
const lengths: number[] = JSON.parse(readFileSync(`${file}.lengths`, 'utf8'));
const textMB = lengths.reduce((a, b) => a + b, 0) / MB;
const fd = openSync(file, 'r');
const bytes = Buffer.allocUnsafe(Math.max(...lengths));

/** Sampled peak of JS heap + array buffers (MB) since the last `resetPeaks`. */
let heapPeak = 0;
/** Resets the sampled heap peak and the process's peak RSS (VmHWM) to the current values. */
function resetPeaks(): void {
  heapPeak = heapMB();
  resetPeakRss();
}
function sampleHeap(): void {
  heapPeak = Math.max(heapPeak, heapMB());
}

/**
 * Hands every trace text in turn to `use`, each a fresh string decoded from the file's bytes;
 * nothing keeps the text once `use` returns. Returns the ms spent inside `use`.
 */
function eachText(use: (text: string) => void): number {
  let at = 0;
  let ms = 0;
  lengths.forEach((length, k) => {
    readSync(fd, bytes, 0, length, at);
    at += length;
    const text = bytes.toString('utf8', 0, length);
    const t0 = performance.now();
    use(text);
    ms += performance.now() - t0;
    if (k % 100 === 0) {
      sampleHeap();
    }
  });
  return ms;
}

/** The reference: JSON.parse of every text, each result dropped. */
function jsonParseAll(): number {
  return eachText((text) => JSON.parse(text));
}

/** Wall time (ms) of `fn` and its result. */
function timed<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const result = fn();
  return [performance.now() - t0, result];
}

/** Every trace read and analysed as the loading service does; only the analyses are kept. */
function readAll(): [number, TraceAnalysis[]] {
  const analyses: TraceAnalysis[] = [];
  const ms = eachText((text) => analyses.push(analyzeTrace(readTrace({ format: 'otlp', raw: text }))));
  return [ms, analyses];
}

/** The slowest SLOW_FRACTION of `analyses` (at least one) and the rest. */
function splitSlowest(analyses: TraceAnalysis[]): { slow: TraceAnalysis[]; rest: TraceAnalysis[] } {
  const sorted = [...analyses].sort((a, b) => b.duration - a.duration);
  const n = Math.max(1, Math.round(sorted.length * SLOW_FRACTION));
  return { slow: sorted.slice(0, n), rest: sorted.slice(n) };
}

/** Times (ms) of the analysis stages over `analyses`, and the sizes of what they made. */
function analyseAll(analyses: TraceAnalysis[]) {
  const [aggregate, agg] = timed(() => aggregateTraces(analyses));
  sampleHeap();
  const [split, sides] = timed(() => splitSlowest(analyses));
  const [diff, callTreeDiff] = timed(() => diffCallTrees(sides.rest, sides.slow));
  sampleHeap();
  const [flame] = timed(() => callTreeToFlameFrames(agg.callTree!));
  const [diffFlame] = timed(() => callTreeDiffToFlameFrames(callTreeDiff));
  sampleHeap();
  return {
    ms: { aggregate, split, diff, flame, diffFlame },
    groups: agg.columns.size,
    // full-tree nodes but node 0: a kept node is one, an "other" node the ones it merges
    paths: agg.callTree!.merged.reduce((sum, merged) => sum + Math.max(1, merged), 0) - 1,
    callTreeNodes: agg.callTree!.parent.length,
    diffNodes: callTreeDiff.parent.length,
    slow: sides.slow.length,
  };
}

function tracelens() {
  const [read, analyses] = readAll();
  const spans = analyses.reduce((sum, a) => sum + a.trace.spanCount, 0);
  gc();
  const analysesMB = heapMB();
  const stages = analyseAll(analyses);
  return { read, analyses, spans, analysesMB, stages };
}

let out: Record<string, unknown>;
if (mode === 'time') {
  const rounds = Number(roundsArg);
  const json: number[] = [];
  const stages: Array<Record<string, number>> = [];
  const tracelensRound = () => {
    gc();
    const { read, stages: s } = tracelens();
    stages.push({ read, ...s.ms });
  };
  const jsonRound = () => {
    gc();
    json.push(jsonParseAll());
  };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [jsonRound, tracelensRound] : [tracelensRound, jsonRound];
    order.forEach((round) => round());
  }
  out = { json, stages };
} else if (mode === 'json') {
  gc();
  const rssBeforeMB = procStatusMB('VmRSS');
  const heapBeforeMB = heapMB();
  resetPeaks();
  const ms = jsonParseAll();
  out = { ms, rssBeforeMB, heapBeforeMB, peakRssMB: procStatusMB('VmHWM'), peakHeapMB: heapPeak };
} else {
  gc();
  const rssBeforeMB = procStatusMB('VmRSS');
  const heapBeforeMB = heapMB();
  resetPeaks();
  const run = tracelens();
  const peakRssMB = procStatusMB('VmHWM');
  const peakHeapMB = heapPeak;
  out = {
    traces: run.analyses.length,
    spans: run.spans,
    textMB,
    rssBeforeMB,
    heapBeforeMB,
    peakRssMB,
    peakHeapMB,
    analysesMB: run.analysesMB,
    groups: run.stages.groups,
    paths: run.stages.paths,
    callTreeNodes: run.stages.callTreeNodes,
    diffNodes: run.stages.diffNodes,
    slow: run.stages.slow,
  };
}
console.log(JSON.stringify(out));
