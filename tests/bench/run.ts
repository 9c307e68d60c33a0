/**
 * `npm run bench`: speed and memory of the analysis engine on synthetic traces, with the
 * targets of issues #3 and #11. Prints timings (median of several runs), ratios and one
 * PASS/FAIL line per target. Times are wall-clock ms from `performance.now()`; a GC runs before
 * each timing. Runs bundled (tests/bench/bench.sh builds it next to the bundled heap-child.js
 * names-child.js and many-child.js). `BENCH_ONLY=names,collide` (a comma list of pipeline, scaling,
 * aggregate, heap, names, collide, many) runs only those cases.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, writeFileSync, writeSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { aggregateTraces, analyzeTrace, parseOtlpTrace } from '../../src/engine';
import { collidingTrace } from '../synthetic/colliding-ids';
import { generateTrace, Shape, SynthTrace } from '../synthetic/generate';
import { toOtlpJson } from '../synthetic/otlp';
import { median } from './median';
import { pipeline, piecesPipeline } from './pipeline';
import { templatedTraces } from './templated';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const results: Array<[string, boolean]> = [];

/** Wall time (ms) of one call of `fn`. */
function wallMs(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Wall time (ms) of one call of `fn`, with a GC before it. */
function onceMs(fn: () => unknown): number {
  gc();
  return wallMs(fn);
}

function report(target: string, ok: boolean, detail: string): void {
  results.push([target, ok]);
  console.log(`  ${detail}`);
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

function pipelineVsJsonParse(): void {
  console.log(
    '\n1. 100k-span random trace from OTLP/JSON text: parse + tree + self time + critical path + service & operation breakdowns'
  );
  const json = toOtlpJson(generateTrace('random', 100_000, 1));
  // Warm both paths up until the JIT has settled (the first few pipeline runs are up to 2×
  // slower), then alternate the measured runs so that a change in the machine's load hits both
  // alike. Steady state: no forced GC between runs. Also shown: with a full GC forced before
  // every run, i.e. each run starts on a clean heap, as the first parse after a full GC does.
  const runs = 9;
  const measure = (forceGc: boolean) => {
    const parseTimes: number[] = [];
    const oursTimes: number[] = [];
    const time = forceGc ? onceMs : wallMs;
    for (let r = 0; r < runs; r++) {
      parseTimes.push(time(() => JSON.parse(json)));
      oursTimes.push(time(() => pipeline(json)));
    }
    return [median(parseTimes), median(oursTimes)];
  };
  for (let r = 0; r < 5; r++) {
    JSON.parse(json);
    pipeline(json);
  }
  gc();
  const [parse, ours] = measure(false);
  const [parseGc, oursGc] = measure(true);
  const ratio = ours / parse;
  console.log(`  input ${(json.length / 1e6).toFixed(1)} MB; medians of ${runs}, runs alternating`);
  console.log(`  steady state:         JSON.parse ${ms(parse)}; pipeline ${ms(ours)}; ratio ${ratio.toFixed(2)}`);
  console.log(
    `  GC forced before each: JSON.parse ${ms(parseGc)}; pipeline ${ms(oursGc)}; ratio ${(oursGc / parseGc).toFixed(2)}`
  );
  report(
    'pipeline / JSON.parse ≤ 1.5',
    ratio <= 1.5,
    `ratio pipeline / JSON.parse (steady state) = ${ratio.toFixed(2)} (target ≤ 1.5)`
  );
  // the text in pieces as the worker gets it: 64 KB chunks of the bytes, decoded by a streaming
  // TextDecoder (decoded before the clock starts, as JSON.parse's text is), read piece by piece
  const bytes = new TextEncoder().encode(json);
  const decoder = new TextDecoder();
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; at += 65_536) {
    pieces.push(decoder.decode(bytes.subarray(at, at + 65_536), { stream: true }));
  }
  for (let r = 0; r < 3; r++) {
    piecesPipeline(pieces, json.length);
  }
  const parseTimes: number[] = [];
  const piecesTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    parseTimes.push(wallMs(() => JSON.parse(json)));
    piecesTimes.push(wallMs(() => piecesPipeline(pieces, json.length)));
  }
  const piecesRatio = median(piecesTimes) / median(parseTimes);
  console.log(
    `  in 64 KB pieces:      JSON.parse ${ms(median(parseTimes))}; pipeline ${ms(median(piecesTimes))}; ratio ${piecesRatio.toFixed(2)}`
  );
  report(
    'pipeline from 64 KB pieces / JSON.parse ≤ 1.0',
    piecesRatio <= 1.0,
    `ratio pipeline from pieces / JSON.parse (steady state) = ${piecesRatio.toFixed(2)} (issue 14's target ≤ 1.0)`
  );
}

function scaling(heapFile: string): void {
  console.log(
    '\n2. Scaling: time(1M spans) / time(100k spans), whole pipeline from text (medians of 5 runs each, alternating)'
  );
  for (const shape of ['wide', 'deep', 'fanout', 'random'] as Shape[]) {
    const small = toOtlpJson(generateTrace(shape, 100_000, 2));
    const big = toOtlpJson(generateTrace(shape, 1_000_000, 2));
    if (shape === 'random') {
      writeFileSync(heapFile, big, 'latin1');
    }
    // the two sizes alternate, so that a change in the machine's load or the heap hits both alike
    const smallTimes: number[] = [];
    const bigTimes: number[] = [];
    let spans = 0;
    for (let r = 0; r < 5; r++) {
      smallTimes.push(onceMs(() => pipeline(small)));
      bigTimes.push(onceMs(() => (spans = pipeline(big).trace.spanCount)));
    }
    const t100k = median(smallTimes);
    const t1m = median(bigTimes);
    const ratio = t1m / t100k;
    report(
      `scaling ${shape} ≤ 12`,
      ratio <= 12 && spans === 1_000_000,
      `${shape.padEnd(6)} 100k ${ms(t100k).padStart(10)}  1M ${ms(t1m).padStart(10)}  ratio ${ratio.toFixed(2)} (target ≤ 12)`
    );
  }
}

function aggregate(): void {
  console.log('\n3. Aggregate over 1,000 traces × 200 spans (operation breakdown + percentiles + merged call tree)');
  const texts = Array.from({ length: 1000 }, (_, k) => toOtlpJson(generateTrace('random', 200, 1000 + k)));
  const analyses = texts.map((text) => analyzeTrace(parseOtlpTrace(text)));
  aggregateTraces(analyses);
  // the runs of the two sides alternate, so that a change in the machine's load hits both alike
  const parseTimes: number[] = [];
  const aggTimes: number[] = [];
  for (let r = 0; r < 5; r++) {
    parseTimes.push(onceMs(() => texts.forEach((text) => JSON.parse(text))));
    aggTimes.push(onceMs(() => aggregateTraces(analyses)));
  }
  const parse = median(parseTimes);
  const agg = median(aggTimes);
  const ratio = agg / parse;
  console.log(
    `  JSON.parse of the 1,000 texts ${ms(parse)}; aggregateTraces ${ms(agg)} (medians of 5, runs alternating)`
  );
  report(
    'aggregate / JSON.parse ≤ 0.5',
    ratio <= 0.5,
    `ratio aggregate / JSON.parse = ${ratio.toFixed(2)} (target ≤ 0.5)`
  );
}

function heap(heapFile: string): void {
  console.log('\n4. Peak memory for the 1M-span random trace (separate process, old space limited to 1 GB)');
  if (!existsSync(heapFile)) {
    writeFileSync(heapFile, toOtlpJson(generateTrace('random', 1_000_000, 2)), 'latin1');
  }
  let line = '';
  try {
    line = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=1024', join(__dirname, 'heap-child.js'), heapFile],
      { encoding: 'utf8' }
    ).trim();
  } catch (e) {
    report(
      'peak memory ≤ 1 GB',
      false,
      `the 1M-span analysis failed within a 1 GB heap: ${(e as Error).message.split('\n')[0]}`
    );
    return;
  }
  const m = JSON.parse(line.split('\n').pop()!);
  console.log(
    `  input text ${m.inputMB.toFixed(0)} MB; JS heap + array buffers: before ${m.beforeMB.toFixed(0)} MB, ` +
      `sampled peak ${m.peakMB.toFixed(0)} MB, retained after GC ${m.retainedMB.toFixed(0)} MB`
  );
  report(
    'peak memory ≤ 1 GB',
    m.peakRssMB <= 1000,
    `peak RSS during the analysis ${m.peakRssMB.toFixed(0)} MB (input text included; ${m.rssBeforeMB.toFixed(0)} MB ` +
      `before it; target ≤ 1000 MB)`
  );
}

function distinctNames(): void {
  console.log(
    '\n5. One trace of 1M spans with 1M distinct span names (separate process): aggregateTraces and compareTraceSets'
  );
  let line = '';
  try {
    line = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', join(__dirname, 'names-child.js')],
      {
        encoding: 'utf8',
      }
    ).trim();
  } catch (e) {
    report('1M distinct names', false, `the 1M-distinct-names case failed: ${(e as Error).message.split('\n')[0]}`);
    return;
  }
  const m = JSON.parse(line.split('\n').pop()!);
  console.log(
    `  ${m.groups} groups → ${m.rows} rows + "other" of ${m.otherGroups}; call tree ${m.callTreeNodes} nodes` +
      `; first use: aggregate ${ms(m.firstAggregate)}, compare ${ms(m.firstCompare)}`
  );
  console.log(
    `  medians of 3: aggregate ${ms(m.namesAggregate)} (same shape, usual names: ${ms(m.usualAggregate)}); ` +
      `compare ${ms(m.namesCompare)} (usual names: ${ms(m.usualCompare)})`
  );
  // the usual-names times are shown for scale: a million groups cost more work than a few dozen
  // (a million new group ids, call-tree paths and column entries), but no object per group
  report(
    '1M distinct names: aggregate ≤ 3 s',
    m.namesAggregate <= 3000,
    `aggregate ${ms(m.namesAggregate)} (target ≤ 3000 ms; ${(m.namesAggregate / m.usualAggregate).toFixed(1)}× the usual names)`
  );
  report(
    '1M distinct names: compare ≤ 3 s',
    m.namesCompare <= 3000,
    `compare ${ms(m.namesCompare)} (target ≤ 3000 ms; ${(m.namesCompare / m.usualCompare).toFixed(1)}× the usual names)`
  );
  report(
    '1M distinct names: peak memory ≤ 1.5 GB',
    m.peakRssMB <= 1500,
    `peak RSS during aggregate + compare ${m.peakRssMB.toFixed(0)} MB (the 1M-span trace and its analysis ` +
      `included: ${m.rssBeforeMB.toFixed(0)} MB before; target ≤ 1500 MB)`
  );
}

function collidingIds(): void {
  console.log(
    '\n6. 100k-span random trace whose span ids all collide under the former id hash, vs the same trace with random ids'
  );
  const colliding = toOtlpJson(collidingTrace('random', 100_000, 4));
  const random = toOtlpJson(generateTrace('random', 100_000, 4));
  const collidingTimes: number[] = [];
  const randomTimes: number[] = [];
  for (let r = 0; r < 6; r++) {
    const c = onceMs(() => pipeline(colliding));
    const n = onceMs(() => pipeline(random));
    if (r > 0) {
      collidingTimes.push(c);
      randomTimes.push(n);
    }
  }
  const c = median(collidingTimes);
  const n = median(randomTimes);
  report(
    'colliding ids / random ids ≤ 2',
    c / n <= 2,
    `pipeline (parse + analysis + breakdowns): colliding ids ${ms(c)}, random ids ${ms(n)}; ratio ${(c / n).toFixed(2)} ` +
      '(medians of 5 after a warm-up, alternating; target ≤ 2)'
  );
}

/** Runs a bundled child script of this folder with `args`; its last output line, parsed. */
function child(script: string, args: string[], maxOldSpaceMB: number): Record<string, number & number[]> {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${maxOldSpaceMB}`, join(__dirname, script), ...args],
    { encoding: 'utf8', maxBuffer: 1 << 26 }
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Writes the OTLP/JSON texts of `trace(0 .. count-1)` for many-child.ts: back to back, lengths aside. */
function writeTexts(file: string, count: number, trace: (k: number) => SynthTrace): void {
  const fd = openSync(file, 'w');
  const lengths: number[] = [];
  for (let k = 0; k < count; k++) {
    const text = toOtlpJson(trace(k));
    lengths.push(Buffer.byteLength(text));
    writeSync(fd, text);
  }
  closeSync(fd);
  writeFileSync(`${file}.lengths`, JSON.stringify(lengths));
}

/**
 * One corpus of the many-traces case: times (medians of `rounds`, from one process) and memory
 * (one process per side). Returns analysis / JSON.parse, or NaN when a child failed.
 */
function manyCorpus(
  file: string,
  title: string,
  count: number,
  trace: (k: number) => SynthTrace,
  rounds: number
): number {
  console.log(`  ${title}`);
  writeTexts(file, count, trace);
  let time: Record<string, number & number[]>;
  let mem: Record<string, number>;
  let json: Record<string, number>;
  try {
    time = child('many-child.js', [file, 'time', String(rounds)], 4096);
    mem = child('many-child.js', [file, 'tracelens'], 4096);
    json = child('many-child.js', [file, 'json'], 4096);
  } catch (e) {
    console.log(`    failed: ${(e as Error).message.split('\n')[0]}`);
    return NaN;
  } finally {
    unlinkSync(`${file}.lengths`);
  }
  const stages = time.stages as unknown as Array<Record<string, number>>;
  const stage = (name: string) => median(stages.map((s) => s[name]));
  const parse = median([...time.json]);
  const analysis = median(stages.map((s) => s.aggregate + s.split + s.diff + s.flame + s.diffFlame));
  const full = median(stages.map((s) => Object.values(s).reduce((a, b) => a + b, 0)));
  const analysesMB = mem.analysesMB - mem.heapBeforeMB;
  console.log(
    `    ${mem.traces} traces, ${mem.spans} spans, ${mem.textMB.toFixed(0)} MB of text; ${mem.paths} call paths ` +
      `→ call tree ${mem.callTreeNodes} nodes, diff ${mem.diffNodes} nodes (slow set ${mem.slow} traces); medians of ${rounds} rounds, sides alternating`
  );
  console.log(
    `    JSON.parse of every text ${ms(parse)}. TraceLens: read + analyse ${ms(stage('read'))}; aggregate ${ms(stage('aggregate'))}; ` +
      `split ${ms(stage('split'))}; call-tree diff ${ms(stage('diff'))}; flame columns ${ms(stage('flame'))}; diff-flame columns ${ms(stage('diffFlame'))}`
  );
  console.log(
    `    TraceLens total ${ms(full)}: full pipeline / JSON.parse ${(full / parse).toFixed(2)}; after reading ` +
      `(aggregate + split + diff + both flame columns) ${ms(analysis)}: / JSON.parse ${(analysis / parse).toFixed(2)}`
  );
  console.log(
    `    peak RSS: JSON.parse ${json.peakRssMB.toFixed(0)} MB (${json.rssBeforeMB.toFixed(0)} MB before), ` +
      `TraceLens ${mem.peakRssMB.toFixed(0)} MB (${mem.rssBeforeMB.toFixed(0)} MB before); sampled peak heap + array buffers: ` +
      `JSON.parse ${json.peakHeapMB.toFixed(0)} MB, TraceLens ${mem.peakHeapMB.toFixed(0)} MB`
  );
  console.log(
    `    retained after reading (texts dropped, GC): ${analysesMB.toFixed(0)} MB of analyses for ${mem.textMB.toFixed(0)} MB ` +
      `of text (${((analysesMB * 1e6) / mem.traces / 1024).toFixed(1)} KiB per trace)`
  );
  return analysis / parse;
}

function many(file: string): void {
  const count = 5000;
  const spans = 200;
  console.log(
    `\n7. ${count.toLocaleString('en')} traces × ${spans} spans, each its own OTLP/JSON text read as fetched (separate processes): ` +
      'read + analyse, aggregate, call-tree diff of the slowest 5% vs the rest, flame columns'
  );
  const usual = manyCorpus(
    file,
    'a few endpoints (6 request templates, times scaled per trace; tests/bench/templated.ts):',
    count,
    templatedTraces(count, spans, 5000),
    5
  );
  const unique = manyCorpus(
    file,
    'stress: every trace random-shaped on its own (almost every call path unique):',
    count,
    (k) => generateTrace('random', spans, 5000 + k),
    3
  );
  // the target names "aggregate + critical-path call tree + diff" against JSON.parse of
  // the same texts: the analysis after reading, on the usual traffic; the full pipeline's ratio
  // (reading included) and the stress corpus are shown above, without a target
  report(
    'many traces: analysis / JSON.parse ≤ 0.5',
    usual <= 0.5,
    `ratio (aggregate + diff + flame columns) / JSON.parse = ${usual.toFixed(2)} on a few endpoints (target ≤ 0.5); ` +
      `${unique.toFixed(2)} with almost every call path unique (no target)`
  );
}

const only = (process.env.BENCH_ONLY ?? '').split(',').filter((name) => name !== '');
const wanted = (name: string) => only.length === 0 || only.includes(name);
const heapFile = join(tmpdir(), `tracelens-bench-${process.pid}.json`);
const started = performance.now();
try {
  if (wanted('pipeline')) {
    pipelineVsJsonParse();
  }
  if (wanted('scaling')) {
    scaling(heapFile);
  }
  if (wanted('aggregate')) {
    aggregate();
  }
  if (wanted('heap')) {
    heap(heapFile);
  }
  if (wanted('names')) {
    distinctNames();
  }
  if (wanted('collide')) {
    collidingIds();
  }
  if (wanted('many')) {
    many(heapFile);
  }
} finally {
  try {
    unlinkSync(heapFile);
  } catch {
    // not written
  }
}
console.log(`\nSummary (${((performance.now() - started) / 1000).toFixed(0)} s)`);
for (const [target, ok] of results) {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${target}`);
}
