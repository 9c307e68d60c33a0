/**
 * Part of `npm run bench`: prints the big-trace numbers (see bigtrace.ts) against
 * their targets, on the built dist/ in Chromium (bench.sh makes sure of both); no stack (Tempo is
 * stood in for). The page is measured three times: the analysis worker fetching the body as a
 * stream and reading it as it arrives (as the trace page does); the worker given the body once the
 * page has downloaded it (`ReadableStream` hidden, as in a browser without streams); and on the
 * main thread (`Worker` hidden). The worker's time is set against the same work in Node on the same
 * text, on the engine bundled and lowered to ES2015 as dist/ ships it (as bench.sh does for the
 * engine benchmark): the worker's added cost (issue 14's target ≤ 10%). Streaming, that work is
 * read, analyse and the summary's parts the worker computes for a trace this big
 * (loading/huge-trace.ts), and the time runs from the first byte, so it also holds the download's
 * share of this machine's two cores (the stand-in servers and Chromium's network service move the
 * 31 MB while the worker reads); with the body in hand it is read and analyse alone. The page's job
 * is the worker's first (cold JIT), so Node's first run is the like-for-like figure; its best of 5
 * after warming up is printed beside it.
 */
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bigTrace, BigTraceResult, measureBigTrace, TARGETS } from './bigtrace';

const SPANS = 100_000;
const ms = (v: number) => `${v.toFixed(0)} ms`;
const verdict = (value: number, target: number) => `target ≤ ${target} ms: ${value <= target ? 'ok' : 'OVER TARGET'}`;
/** issue 14's in-app first paint at 100k spans (issue 5's 1.5 s is TARGETS.firstPaintMs) */
const ISSUE_14_FIRST_PAINT_MS = 750;

type JobMs = { first: number; best: number };

/**
 * ms of the worker's job on `body` in Node — read, analyse and the summary's parts (`withParts`),
 * and read and analyse alone (`readAnalyse`) — on the engine bundled once as dist/ ships it, each
 * in a fresh Node process: its first run starts from a cold JIT and an empty heap, as the page's
 * worker does, not in this process's heap of generated traces and browser traffic. First run, best
 * of 5 after 3 more.
 */
async function nodeWorkerJobMs(body: string): Promise<{ withParts: JobMs; readAnalyse: JobMs }> {
  const built = await esbuild.build({
    stdin: {
      contents: [
        `import { readFileSync } from 'node:fs';`,
        `import { analyzeTrace } from './src/engine';`,
        `import { readTrace } from './src/loading/read-trace';`,
        `import { hugeTraceParts } from './src/loading/huge-trace';`,
        `const body = readFileSync(process.argv[2], 'utf8');`,
        `const times = [];`,
        `for (let run = 0; run < 8; run++) {`,
        `  const t0 = performance.now();`,
        `  const analysis = analyzeTrace(readTrace({ format: 'otlp', raw: body }));`,
        `  if (process.argv[3] === 'parts') hugeTraceParts(analysis);`,
        `  times.push(performance.now() - t0);`,
        `}`,
        `console.log(JSON.stringify(times));`,
      ].join('\n'),
      resolveDir: path.resolve(__dirname, '../..'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'es2015',
    logLevel: 'error',
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'tracelens-bench-'));
  try {
    const job = path.join(dir, 'node-job.js');
    const bodyFile = path.join(dir, 'trace.json');
    writeFileSync(job, built.outputFiles[0].text);
    writeFileSync(bodyFile, body);
    const run = (mode: 'parts' | 'read'): JobMs => {
      const times: number[] = JSON.parse(execFileSync(process.execPath, [job, bodyFile, mode], { encoding: 'utf8' }));
      return { first: times[0], best: Math.min(...times.slice(3)) };
    };
    return { withParts: run('parts'), readAnalyse: run('read') };
  } finally {
    rmSync(dir, { recursive: true });
  }
}

function print(label: string, r: BigTraceResult) {
  console.log(`  ${label}:`);
  console.log(
    `    first paint, in-app        ${ms(r.navigationMs)}  (issue 5's ${verdict(r.navigationMs, TARGETS.firstPaintMs)}; ` +
      `issue 14's ${verdict(r.navigationMs, ISSUE_14_FIRST_PAINT_MS)})`
  );
  console.log(
    `    the trace's download alone ${ms(r.downloadMs)}  (the same page and proxy path, read and thrown away)`
  );
  console.log(`    longest task while loading ${ms(r.longestLoadTaskMs)}  (issue 14's target ≤ 50 ms)`);
  // the page's resource timeline lists the trace only when the page fetched it, not the worker
  const download = Number.isNaN(r.traceRequestedMs)
    ? 'trace downloaded by the worker, as a stream'
    : `trace requested at ${ms(r.traceRequestedMs)}, downloaded at ${ms(r.traceDownloadedMs)}`;
  console.log(`    first paint, cold          ${ms(r.firstPaintMs)}  (fresh page load; ${download})`);
  console.log(
    `    longest task scrolling     ${ms(r.longestScrollTaskMs)}  (${verdict(r.longestScrollTaskMs, TARGETS.longestScrollTaskMs)}; ${r.longTasksWhileScrolling} long tasks)`
  );
  console.log(`    longest frame gap scrolling ${ms(r.longestFrameGapMs)}`);
}

async function main() {
  const inWorker = await measureBigTrace(SPANS);
  const bodyInHand = await measureBigTrace(SPANS, { stream: false });
  const onMainThread = await measureBigTrace(SPANS, { worker: false });
  const body = bigTrace(SPANS).body;
  const { withParts: node, readAnalyse: nodeReadAnalyse } = await nodeWorkerJobMs(body);
  console.log(`Big trace in the browser: ${SPANS} spans, ${(body.length / 1e6).toFixed(1)} MB of OTLP/JSON`);
  print('read and analysed in the analysis worker, as it streams in', inWorker);
  print('read and analysed in the analysis worker once downloaded (ReadableStream hidden)', bodyInHand);
  print('read and analysed on the main thread (Worker hidden)', onMainThread);
  const added = inWorker.workerAnalyseMs / node.first - 1;
  console.log(
    `  worker, request posted → analysis rebuilt ${ms(inWorker.workerMs)} (the worker streams the body: from its ` +
      `first byte to the analysis ${ms(inWorker.workerAnalyseMs)}, reading as it arrives; the rest is the ` +
      `request's wait and moving the analysis, ${ms(inWorker.workerMs - inWorker.workerAnalyseMs)})`
  );
  console.log(
    `  read + analyse + summary parts in Node: first run ${ms(node.first)}, steady state ${ms(node.best)}; ` +
      `the worker's first byte → analysis adds ${(added * 100).toFixed(0)}% to the first run, download included (issue 14's target ≤ 10%: ${added <= 0.1 ? 'ok' : 'OVER TARGET'})`
  );
  const addedInHand = bodyInHand.workerAnalyseMs / nodeReadAnalyse.first - 1;
  console.log(
    `  body in hand: the worker read and analysed it in ${ms(bodyInHand.workerAnalyseMs)}, Node's first run ` +
      `${ms(nodeReadAnalyse.first)} (steady state ${ms(nodeReadAnalyse.best)}): the worker adds ${(addedInHand * 100).toFixed(0)}% ` +
      `(issue 14's target ≤ 10%: ${addedInHand <= 0.1 ? 'ok' : 'OVER TARGET'})`
  );
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
