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
 * after warming up is printed beside it. The same job is also timed in Chromium outside the plugin
 * (engine-job.ts), to tell the worker thread's cost from the browser engine's.
 */
import { launch } from './browser';
import { bigTrace, BigTraceResult, measureBigTrace, TARGETS } from './bigtrace';
import { chromiumJobMs, nodeJobMs } from './engine-job';

const SPANS = 100_000;
const ms = (v: number) => `${v.toFixed(0)} ms`;
const verdict = (value: number, target: number) => `target ≤ ${target} ms: ${value <= target ? 'ok' : 'OVER TARGET'}`;
/** issue 14's in-app first paint at 100k spans (issue 5's 1.5 s is TARGETS.firstPaintMs) */
const ISSUE_14_FIRST_PAINT_MS = 750;

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
  const { parts: node, read: nodeReadAnalyse } = await nodeJobMs(body);
  const browser = await launch();
  const chromium = await chromiumJobMs(browser, body).finally(() => browser.close());
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
  const percent = (a: number, b: number) => `${((a / b - 1) * 100).toFixed(0)}%`;
  console.log(
    `  the same read and analyse in Chromium outside the plugin, cold, on a fresh page: main thread ` +
      `${ms(chromium.mainThread)}, a plain worker ${ms(chromium.worker)} (a worker thread adds ` +
      `${percent(chromium.worker, chromium.mainThread)}; this browser's engine on the main thread adds ` +
      `${percent(chromium.mainThread, nodeReadAnalyse.first)} to Node's first run)`
  );
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
