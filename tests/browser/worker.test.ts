/**
 * The analysis worker in Chromium on the built plugin (no stack: a stand-in Tempo serves the
 * traces, tests/browser/bigtrace.ts): a trace over the size from which bodies go to a worker
 * (5,000 spans) is read and analysed in one (the pool's performance measure says so, with the span
 * count), a body it cannot read gives the main-thread reader's own words, and leaving the page while a 200k-span trace is being analysed terminates
 * its worker (Playwright sees the worker close) while the next trace gets a fresh one. The nested
 * breakdown panel, a bundle of its own under panels/breakdown/, starts the same worker from the
 * plugin's root.
 * A 200k-span trace sent slowly through the harness's datasource proxy is fetched by the worker
 * itself (with the page's org header) and read as it arrives: the page shows the bytes received of
 * the total and the spans read so far, Cancel (from the keyboard) ends the download — the stand-in
 * sees its connection closed — and the worker, and Load again reads all 200,000 spans.
 * No assertion depends on wall-clock speed.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
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

/** The workers the page starts, and those that closed since. */
function watchWorkers(page: Page) {
  const workers: Worker[] = [];
  /** indexes into `workers` of those ended, in the order they ended (numbers keep a failure's diff printable) */
  const closed: number[] = [];
  page.on('worker', (w) => {
    const index = workers.push(w) - 1;
    w.on('close', () => closed.push(index));
  });
  /** resolves when worker `index` ends; ask before the action that ends it */
  const ended = (index: number) => new Promise<void>((resolve) => workers[index].on('close', () => resolve()));
  return { workers, closed, ended };
}

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
    const { workers, closed, ended } = watchWorkers(page);

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
    const done = ended(0);
    await follow(page, `${APP}/trace/${big.traceId}`);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length === 3, WORKER_POSTED);
    await follow(page, `${APP}/search`);
    await done;
    expect(closed).toEqual([0]);
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

/** The 200k-span trace, as the stand-in Tempo sends it slowly: 256 KB every 25 ms. */
const BIG_BODY = Buffer.from(toOtlpJson(big, { wrapper: 'v2' }));
const CHUNK = 256 * 1024;

/** A stand-in Tempo sending the trace in chunks every 25 ms; it records each request and whether it was cut off. */
async function slowTempo() {
  const requests: Array<{ path: string; orgId?: string; cutOff: boolean; sent: number }> = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== `/api/v2/traces/${big.traceId}`) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(path.startsWith('/api/v1/') ? '{"status":"success","data":[]}' : '{}');
      return;
    }
    const request = { path, orgId: req.headers['x-grafana-org-id'] as string | undefined, cutOff: false, sent: 0 };
    requests.push(request);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(BIG_BODY.length) });
    const timer = setInterval(() => {
      res.write(BIG_BODY.subarray(request.sent, request.sent + CHUNK));
      request.sent = Math.min(BIG_BODY.length, request.sent + CHUNK);
      if (request.sent === BIG_BODY.length) {
        clearInterval(timer);
        res.end();
      }
    }, 25);
    res.on('close', () => {
      clearInterval(timer);
      request.cutOff = request.sent < BIG_BODY.length;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

it('downloads a 200k-span trace in the worker with progress, and cancels it mid-way', async () => {
  const tempo = await slowTempo();
  const harness = await startHarness({ tempoUrl: tempo.url, promUrl: tempo.url });
  const browser = await launch();
  try {
    const { page, errors } = await newPage(browser);
    page.setDefaultTimeout(60_000);
    const { workers, closed, ended } = watchWorkers(page);

    await page.goto(`${harness.url}${APP}/trace/${big.traceId}`);
    // bytes of the total, then the spans read as well, e.g. "12.3 MB of 62.6 MB received, 39,000 spans read"
    const progress = /^[\d.]+ [kM]B of ([\d.]+) MB received, ([\d,]+) spans read$/;
    await page.waitForFunction(
      (pattern) =>
        [...document.querySelectorAll('[role="status"]')].some((s) => new RegExp(pattern).test(s.textContent ?? '')),
      progress.source
    );
    const [, total, spansRead] = progress.exec(
      await page.getByRole('status').filter({ hasText: 'received' }).innerText()
    )!;
    const spans = spansRead.replace(/,/g, '');
    expect(Math.abs(Number(total) * 1e6 - BIG_BODY.length)).toBeLessThan(0.01 * BIG_BODY.length);
    expect(Number(spans)).toBeGreaterThan(0);
    expect(Number(spans)).toBeLessThan(200_000);
    expect(tempo.requests).toHaveLength(1);
    expect(tempo.requests[0]).toMatchObject({ path: `/api/v2/traces/${big.traceId}`, orgId: '1' });
    expect(workers).toHaveLength(1);

    // Cancel from the keyboard: the download is cut off and the worker ended
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.focus();
    // Playwright reports a terminated worker's end a moment after the page has moved on
    const cancelled = ended(0);
    await page.keyboard.press('Enter');
    await page.getByText('Loading was cancelled.').waitFor();
    await cancelled;
    // the harness's proxy, like Grafana's, ends the upstream request when the browser's ends
    for (let k = 0; k < 100 && !tempo.requests[0].cutOff; k++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(closed).toEqual([0]);
    expect(tempo.requests[0].cutOff).toBe(true);
    expect(tempo.requests[0].sent).toBeLessThan(BIG_BODY.length);
    expect(await page.getByTestId('summary-spans').count()).toBe(0);

    // Load again: a fresh worker downloads it whole, to all 200,000 spans
    await page.getByRole('button', { name: 'Load again' }).click();
    await page.getByTestId('summary-spans').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('summary-spans').innerText()).toBe('200000');
    expect(tempo.requests.map((r) => r.cutOff)).toEqual([true, false]);
    expect(workers).toHaveLength(2);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    await harness.close();
    await tempo.close();
  }
}, 240_000);
