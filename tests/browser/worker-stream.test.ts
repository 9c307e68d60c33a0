/**
 * The streamed download in Chromium on the built plugin (no stack: a stand-in Tempo behind the
 * harness's datasource proxy sends a 200k-span trace slowly, 256 KB every 25 ms): the analysis
 * worker fetches the trace itself through `/api/datasources/proxy/uid/tempo/…` with the page's
 * org header, the page shows the bytes received of the total and the spans read so far while it
 * arrives, and Cancel (from the keyboard) ends the download — the stand-in sees its connection
 * closed — and the worker; Load again loads it once more. No assertion depends on wall-clock speed.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Worker } from 'playwright-core';
import { generateTrace } from '../synthetic/generate';
import { toOtlpJson } from '../synthetic/otlp';
import { startHarness } from '../harness/server';
import { APP, launch, newPage } from './browser';

const big = generateTrace('random', 200_000, 5);
const BODY = Buffer.from(toOtlpJson(big, { wrapper: 'v2' }));
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
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(BODY.length) });
    const timer = setInterval(() => {
      res.write(BODY.subarray(request.sent, request.sent + CHUNK));
      request.sent = Math.min(BODY.length, request.sent + CHUNK);
      if (request.sent === BODY.length) {
        clearInterval(timer);
        res.end();
      }
    }, 25);
    res.on('close', () => {
      clearInterval(timer);
      request.cutOff = request.sent < BODY.length;
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
    const workers: Worker[] = [];
    const closed: Worker[] = [];
    page.on('worker', (w) => {
      workers.push(w);
      w.on('close', () => closed.push(w));
    });

    await page.goto(`${harness.url}${APP}/trace/${big.traceId}`);
    // bytes of the total, then the spans read as well, e.g. "12.3 MB of 62.6 MB received, 39000 spans read"
    const progress = /^[\d.]+ [kM]B of ([\d.]+) MB received, (\d+) spans read$/;
    await page.waitForFunction(
      (pattern) =>
        [...document.querySelectorAll('[role="status"]')].some((s) => new RegExp(pattern).test(s.textContent ?? '')),
      progress.source
    );
    const [, total, spans] = progress.exec(await page.getByRole('status').filter({ hasText: 'received' }).innerText())!;
    expect(Math.abs(Number(total) * 1e6 - BODY.length)).toBeLessThan(0.01 * BODY.length);
    expect(Number(spans)).toBeGreaterThan(0);
    expect(Number(spans)).toBeLessThan(200_000);
    expect(tempo.requests).toHaveLength(1);
    expect(tempo.requests[0]).toMatchObject({ path: `/api/v2/traces/${big.traceId}`, orgId: '1' });
    expect(workers).toHaveLength(1);

    // Cancel from the keyboard: the download is cut off and the worker ended
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Loading was cancelled.').waitFor();
    // the harness's proxy, like Grafana's, ends the upstream request when the browser's ends
    for (let k = 0; k < 100 && !tempo.requests[0].cutOff; k++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(closed).toEqual([workers[0]]);
    expect(tempo.requests[0].cutOff).toBe(true);
    expect(tempo.requests[0].sent).toBeLessThan(BODY.length);
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
