/**
 * Part of `npm run bench` (issue #13 item 5): the compare page of the built dist/ in Chromium
 * over 5,000 traces × 200 spans (`BENCH_MANY_TRACES=<n>` for another count), served by a stand-in
 * Tempo through the harness's datasource proxy: one TraceQL search listing every trace, then each
 * trace by id (OTLP/JSON, tests/bench/templated.ts's traffic of a few endpoints, generated before
 * the clock starts). The page splits off the slowest 5% and fetches every trace, 6 at a time,
 * filling in its comparison and call-tree diff as they arrive. Printed:
 * - time to complete: ms from following an in-app link to the compare URL until every trace is
 *   in, the progress bar gone and the diff shown (polled in the page every 20 ms), and when the
 *   first partial comparison showed;
 * - the longest main-thread task (PerformanceObserver `longtask`) and how many there were;
 * - peak JS heap (Chrome DevTools Protocol `Performance.getMetrics`, sampled every 250 ms) and
 *   the renderer processes' peak RSS (Linux VmHWM, over their whole life);
 * - the same texts in the same browser without TraceLens: fetched through the same proxy 6 at a
 *   time and JSON.parse'd (wall time), and the summed JSON.parse time alone; the ratios of the time
 *   to complete to both.
 * No pass/fail: a bench, outside the test suites.
 */
import { toOtlpJson } from '../synthetic/otlp';
import { templatedTraces } from '../bench/templated';
import { procStatusMB, rendererPids } from '../bench/proc-status';
import { APP } from './browser';
import { traceProxyPath, withBenchPage } from './bigtrace';
import { sampleHeap } from './heap-sampler';

const COUNT = Number(process.env.BENCH_MANY_TRACES) || 5000;
const SPANS = 200;
const QUERY = '{ resource.service.name = "bench" }';

/**
 * Runs in the page: follows a link to `href`, then polls until the comparison is complete.
 * Returns ms from the click to completion and to the first partial comparison.
 */
const RUN_SCRIPT = (href: string, count: number) => `(async () => {
  const link = document.createElement('a');
  link.href = ${JSON.stringify(href)};
  document.body.appendChild(link);
  const t0 = performance.now();
  link.click();
  let firstPartialMs = NaN;
  let firstPartialDone = '';
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    const bar = document.querySelector('[role="progressbar"]');
    const table = document.querySelector('table');
    if (bar && table && Number.isNaN(firstPartialMs)) {
      firstPartialMs = performance.now() - t0;
      firstPartialDone = bar.getAttribute('aria-valuetext') || '';
    }
    const coverage = document.querySelector('[data-testid="coverage"]');
    const diff = document.querySelector('section[aria-labelledby="call-tree-diff"]');
    if (!bar && diff && coverage && coverage.textContent.includes('${count} of ')) {
      const tasks = window.__longTasks.filter((t) => t.start >= t0);
      return {
        completeMs: performance.now() - t0,
        firstPartialMs,
        firstPartialDone,
        coverage: coverage.textContent,
        longTasks: tasks.length,
        longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
        t0,
      };
    }
  }
})()`;

/** Runs in the page: the same texts fetched 6 at a time and JSON.parse'd; wall ms and parse ms. */
const PARSE_SCRIPT = (urls: string[]) => `(async () => {
  const urls = ${JSON.stringify(urls)};
  let next = 0;
  let parseMs = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < urls.length) {
      const text = await (await fetch(urls[next++])).text();
      const p0 = performance.now();
      JSON.parse(text);
      parseMs += performance.now() - p0;
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return { wallMs: performance.now() - t0, parseMs };
})()`;

async function measureManyTraces() {
  const trace = templatedTraces(COUNT, SPANS, 5000);
  const bodies = new Map<string, Buffer>();
  const now = Date.now();
  const hits: object[] = [];
  let bytes = 0;
  for (let k = 0; k < COUNT; k++) {
    const t = trace(k);
    const body = Buffer.from(toOtlpJson(t, { wrapper: 'v2' }));
    bytes += body.length;
    bodies.set(t.traceId, body);
    let duration = 0;
    for (let i = 0; i < t.n; i++) {
      duration = Math.max(duration, t.end[i]);
    }
    hits.push({
      traceID: t.traceId,
      rootServiceName: t.services[t.service[0]],
      rootTraceName: t.names[t.name[0]],
      startTimeUnixNano: `${now - 60_000 + k}000000`,
      durationMs: Math.round(duration / 1e6),
      serviceStats: { bench: { spanCount: t.n } },
    });
  }
  const searchBody = JSON.stringify({ traces: hits });
  // the search lists every trace; each trace by id from the bodies made above
  const answer = (path: string) =>
    path === '/api/search' ? searchBody : bodies.get(/^\/api\/v2\/traces\/([0-9a-f]+)$/.exec(path)?.[1] ?? '');
  return withBenchPage(answer, { timeoutMs: 600_000 }, async (page, { harnessUrl }) => {
    await page.goto(`${harnessUrl}${APP}/compare?ds=tempo`);
    await page.getByRole('heading', { name: 'Compare trace sets' }).waitFor();
    const stopHeap = await sampleHeap(page);
    const href = `${APP}/compare?ds=tempo&q=${encodeURIComponent(QUERY)}&n=${COUNT}`;
    const run = (await page.evaluate(RUN_SCRIPT(href, COUNT))) as {
      completeMs: number;
      firstPartialMs: number;
      firstPartialDone: string;
      coverage: string;
      longTasks: number;
      longestTaskMs: number;
    };
    const peakHeap = await stopHeap();
    const rendererPeakRssMB = Math.max(...rendererPids().map((pid) => procStatusMB('VmHWM', pid)));
    const urls = [...bodies.keys()].map(traceProxyPath);
    const reference = (await page.evaluate(PARSE_SCRIPT(urls))) as { wallMs: number; parseMs: number };
    return { ...run, bytes, peakHeapMB: peakHeap / 1e6, rendererPeakRssMB, reference };
  });
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

measureManyTraces()
  .then((r) => {
    console.log(
      `Compare page in the browser: ${COUNT.toLocaleString('en')} traces × ${SPANS} spans, ${(r.bytes / 1e6).toFixed(0)} MB of OTLP/JSON, slowest 5% vs the rest`
    );
    console.log(`  coverage line: ${r.coverage}`);
    console.log(
      `  time to complete  ${ms(r.completeMs)} (first partial comparison at ${ms(r.firstPartialMs)}, ${r.firstPartialDone})`
    );
    console.log(`  longest main-thread task ${ms(r.longestTaskMs)} (${r.longTasks} tasks over 50 ms)`);
    console.log(
      `  peak JS heap ${r.peakHeapMB.toFixed(0)} MB (sampled every 250 ms); renderer peak RSS ${r.rendererPeakRssMB.toFixed(0)} MB`
    );
    console.log(
      `  the same texts fetched 6 at a time + JSON.parse in the same page ${ms(r.reference.wallMs)} (JSON.parse alone ${ms(r.reference.parseMs)}); ` +
        `ratio time to complete / fetch + JSON.parse ${(r.completeMs / r.reference.wallMs).toFixed(2)}, / JSON.parse alone ${(r.completeMs / r.reference.parseMs).toFixed(2)}`
    );
  })
  .catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
