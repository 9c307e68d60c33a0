/**
 * The analysis worker in Chromium on the built plugin (no stack: a stand-in Tempo serves the
 * traces, tests/browser/bigtrace.ts): a trace over the size from which bodies go to a worker
 * (5,000 spans) is read and analysed in one (the pool's performance measure says so, with the span
 * count), a body it cannot read gives the main-thread reader's own words, and leaving the page while a 200k-span trace is being analysed terminates
 * its worker (Playwright sees the worker close) while the next trace gets a fresh one. The nested
 * breakdown panel, a bundle of its own under panels/breakdown/, starts the same worker from the
 * plugin's root.
 * No assertion depends on wall-clock speed.
 */
import { Page, Worker } from 'playwright-core';
import { generateTrace } from '../synthetic/generate';
import { toOtlpJson } from '../synthetic/otlp';
import { startHarness } from '../harness/server';
import { analyzeOnThisThread, WORKER_MIN_CHARS } from '../../src/loading/analyze-fetched';
import { WORKER_MEASURE, WORKER_POSTED } from '../../src/loading/worker/worker-pool';
import { tempoSearchFrame } from '../support/searchFrames';
import { APP, launch, mountPanel, newPage } from './browser';
import { fakeBackendsBy } from './bigtrace';

// 5,000 spans: about 1.6M characters, over the size from which bodies go to a worker
const small = generateTrace('random', 5_000, 3);
const big = generateTrace('random', 200_000, 5);
const BAD_ID = 'badbadbadbadbadbadbadbadbadbad00';
const BAD_BODY = toOtlpJson(generateTrace('random', 5_000, 4), { wrapper: 'v2' }).replace(
  /"spanId":"[^"]*"/,
  '"spanId":"xyz"'
);

/** The spans of each worker-analysed trace so far, from the pool's performance measures. */
const workerJobs = (page: Page) =>
  page.evaluate(
    (name) => performance.getEntriesByName(name).map((m) => (m as PerformanceMeasure).detail.spans as number),
    WORKER_MEASURE
  );

/** Follows an in-app link, as a user does inside Grafana (no page load). */
const follow = (page: Page, path: string) =>
  page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    document.body.appendChild(link);
    link.click();
  }, path);

it('reads and analyses traces in a worker, and terminates it when the page is left', async () => {
  const bodies = new Map([
    [small.traceId, toOtlpJson(small, { wrapper: 'v2' })],
    [big.traceId, toOtlpJson(big, { wrapper: 'v2' })],
    [BAD_ID, BAD_BODY],
  ]);
  // both go to a worker
  expect(Math.min(bodies.get(small.traceId)!.length, BAD_BODY.length)).toBeGreaterThanOrEqual(WORKER_MIN_CHARS);
  const backend = await fakeBackendsBy((path) => bodies.get(path.replace('/api/v2/traces/', '')));
  const harness = await startHarness({ tempoUrl: backend.url, promUrl: backend.url });
  const browser = await launch();
  try {
    const { page, errors } = await newPage(browser);
    page.setDefaultTimeout(60_000);
    const workers: Worker[] = [];
    const closed: Worker[] = [];
    page.on('worker', (w) => {
      workers.push(w);
      w.on('close', () => closed.push(w));
    });

    await page.goto(`${harness.url}${APP}/trace/${small.traceId}`);
    await page.getByTestId('summary-spans').waitFor();
    expect(await page.getByTestId('summary-spans').innerText()).toBe('5000');
    expect(await workerJobs(page)).toEqual([5000]);
    expect(workers.map((w) => new URL(w.url()).pathname)).toEqual([
      '/public/plugins/tracelens-analysis-app/analysis-worker.js',
    ]);

    // the reader's own words, as the main-thread path gives them
    const readerMessage = await analyzeOnThisThread({ format: 'otlp', raw: BAD_BODY }).then(
      () => 'read without an error',
      (e: Error) => e.message
    );
    expect(readerMessage).toMatch(/invalid spanId "xyz"/);
    await follow(page, `${APP}/trace/${BAD_ID}`);
    await page.getByText(`in a form TraceLens cannot read: ${readerMessage}`).waitFor();
    expect(await workerJobs(page)).toEqual([5000]);

    // leave the page once the big trace's job is posted to the (kept) worker: leaving terminates
    // it, long before 200k spans are analysed
    const done = new Promise<void>((resolve) => workers[0].on('close', () => resolve()));
    await follow(page, `${APP}/trace/${big.traceId}`);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length === 3, WORKER_POSTED);
    await follow(page, `${APP}/search`);
    await done;
    expect(closed).toEqual([workers[0]]);
    expect(await workerJobs(page)).toEqual([5000]);

    // the next trace: a fresh worker replaces the terminated one
    await follow(page, `${APP}/trace/${small.traceId}`);
    await page.getByTestId('summary-spans').waitFor();
    expect(await workerJobs(page)).toEqual([5000, 5000]);
    expect(workers).toHaveLength(2);
    expect(errors).toEqual([]);

    // the panel's bundle loads the worker from the plugin's root too
    const panel = await newPage(browser);
    const panelWorkers: string[] = [];
    panel.page.on('worker', (w) => panelWorkers.push(new URL(w.url()).pathname));
    await mountPanel(panel.page, harness.url, {
      module: 'panels/breakdown/module.js',
      frames: [tempoSearchFrame([{ traceID: small.traceId, startTimeUnixNano: `${small.baseSeconds}000000000` }])],
      options: { unit: 'us', topN: 0 },
    });
    await panel.page.getByTestId('breakdown-header').waitFor({ timeout: 60_000 });
    expect(await workerJobs(panel.page)).toEqual([5000]);
    expect(panelWorkers).toEqual(['/public/plugins/tracelens-analysis-app/analysis-worker.js']);
    expect(panel.errors).toEqual([]);
  } finally {
    await browser.close();
    await harness.close();
    await backend.close();
  }
}, 180_000);
