/**
 * The "Trace latency breakdown" panel of the BUILT plugin in real Chromium (harness, see
 * global-setup.ts), fed what Grafana would hand it: a Jaeger trace frame of a trace fetched from the
 * live Jaeger (built as Grafana's Jaeger datasource builds it, jaegerApiTraceFrame), Jaeger search
 * results whose traces the panel fetches itself through the datasource proxy (uid `jaeger`), with
 * the live Prometheus' p95 of the collector's span metrics as overlay; and the trace frame of the
 * trace recorded from a real Tempo. Numbers are compared with the generator's ground truth; three
 * sizes × two themes are screenshotted.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { durationTextProblem } from './durationText';
import { JaegerApiTrace, jaegerApiTraceFrame, tempoTraceFrame } from '../support/traceFrames';
import { jaegerSearchFrame, JaegerSearchRow } from '../support/searchFrames';
import { TraceTruth } from '../generator/model';
import { clients, stackEnv } from '../integration/stack';
import {
  APP,
  eventually,
  launch,
  mountPanel,
  newPage,
  OpenPage,
  README_SCREENSHOTS,
  SCREENSHOTS,
  tableRows,
  Theme,
} from './browser';
import { browserState, recordedTempoTruth, XSS } from './state';

const state = browserState();
const env = stackEnv();
const { jaeger, prom } = clients(env);
const MODULE = 'panels/breakdown/module.js';
/** content sizes of a panel 3×3, 12×8 and 24×10 grid cells */
const SIZES = {
  small: { width: 180, height: 80 },
  medium: { width: 620, height: 300 },
  full: { width: 1400, height: 360 },
};
/** p95 per service of the collector's span metrics (OTel scheme: ms buckets, label service_name) */
const P95 =
  'histogram_quantile(0.95, sum by (le, service_name) (rate(traces_span_metrics_duration_milliseconds_bucket[10m])))';
const canonical = (id: string) => id.toLowerCase().padStart(32, '0');

let browser: Browser;
let open: OpenPage;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());
afterEach(async () => {
  expect(open.errors).toEqual([]);
  await open.page.close();
});

const withPage = async (theme: Theme = 'dark') => {
  open = await newPage(browser, theme);
  return open.page;
};

/** The trace as Grafana's Jaeger datasource hands it to a panel: Jaeger's v1 JSON (what it reads) as a frame. */
async function traceFrame(traceId: string) {
  const res = await fetch(`${env.jaegerUrl}/api/traces/${traceId}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: JaegerApiTrace[] };
  return jaegerApiTraceFrame(body.data[0]);
}

/**
 * The batch's traces of frontend as Jaeger's search lists them, as Grafana's Jaeger datasource's
 * search table (pkg/tsdb/jaeger/utils/client_utils.go `TransformSearchResponse`: per trace its
 * earliest span's `<service>: <operation>`, start and duration).
 */
async function searchResults() {
  const startUs = Math.min(...state.truth.map((t) => t.startUs)) - 1_000_000;
  const endUs = Math.max(...state.truth.map((t) => t.startUs + t.durationUs)) + 1_000_000;
  const found = await jaeger.search({ service: 'frontend', start: startUs, end: endUs, limit: 1000 });
  const ids = new Set(state.truth.map((t) => t.traceId));
  const listed: JaegerSearchRow[] = found
    .filter((t) => ids.has(canonical(t.traceID)))
    .map((t) => {
      const root = t.spans.reduce((a, b) => (b.startTime < a.startTime ? b : a));
      return {
        traceID: t.traceID,
        traceName: `${t.processes[root.processID].serviceName}: ${root.operationName}`,
        startTimeMs: root.startTime / 1000,
        durationUs: root.duration,
      };
    });
  return { listed, frame: jaegerSearchFrame(listed, 'jaeger') };
}

/** Prometheus' p95 per service as the Prometheus datasource returns an instant query: one frame per series. */
async function p95Frames() {
  const res = await prom.query(P95);
  const samples = res.result as Array<{ metric: Record<string, string>; value: [number, string] }>;
  return samples
    .filter((s) => Number.isFinite(Number(s.value[1])))
    .map((s) => ({
      refId: 'B',
      fields: [
        { name: 'Time', type: 'time', values: [s.value[0] * 1000] },
        {
          name: 'Value',
          type: 'number',
          values: [Number(s.value[1])],
          labels: { service_name: s.metric.service_name },
        },
      ],
    }));
}

const rowTexts = (page: Page) => page.getByTestId('breakdown-row').allInnerTexts();
/** label → value text of the bar rows ("api-gateway\n1234 µs 12.0%" → ["api-gateway", "1234 µs"]) */
async function rowValues(page: Page): Promise<Record<string, string>> {
  const texts = await rowTexts(page);
  return Object.fromEntries(texts.map((t) => /^(.*?)\s+([\d,.]+ µs)/s.exec(t)!.slice(1, 3)));
}

/** Each service's shown value read against the expected µs; the services shown are exactly those expected. */
function valueProblems(
  shown: Record<string, string>,
  wantUs: Record<string, number>
): Record<string, string | undefined> {
  expect(Object.keys(shown).sort()).toEqual(Object.keys(wantUs).sort());
  return Object.fromEntries(Object.entries(wantUs).map(([s, us]) => [s, durationTextProblem(shown[s], us * 1000)]));
}
const none = (wantUs: Record<string, number>) => Object.fromEntries(Object.keys(wantUs).map((s) => [s, undefined]));

/** Mounts one trace frame and checks the panel's self time per service against `truth`, to the µs. */
async function expectSelfTimes(truth: TraceTruth, frame: unknown) {
  const page = await withPage();
  await mountPanel(page, state.harnessUrl, {
    module: MODULE,
    frames: [frame],
    options: { unit: 'us', topN: 0 },
    ...SIZES.full,
  });
  await page.getByTestId('breakdown-header').waitFor();
  const want = truth.selfTimeUsByService;
  expect(valueProblems(await rowValues(page), want)).toEqual(none(want));
}

describe('breakdown panel with a Jaeger trace frame', () => {
  it('shows the self time per service of the generator ground truth, to the µs', async () => {
    const truth = state.truth[0];
    await expectSelfTimes(truth, await traceFrame(truth.traceId));
  });

  it('follows its options: critical path by operation as a table, per-trace stack, flame graph, an attribute', async () => {
    const page = await withPage();
    const frames = [await traceFrame(state.xss.traceId)];
    const mount = (options: Record<string, unknown>) =>
      mountPanel(page, state.harnessUrl, { module: MODULE, frames, options, ...SIZES.full });

    await mount({ view: 'table', measure: 'criticalPath', groupBy: 'operation' });
    await expect(page.getByTestId('breakdown-header').innerText()).resolves.toMatch(
      /^Critical-path time by operation · 1 trace/
    );
    const labels = await tableRows(page, 'Critical-path time by group').locator('td:first-child').allInnerTexts();
    expect(labels).toContain(`frontend: ${state.xss.rootName}`);

    await mount({ view: 'stacked' });
    await expect(
      page.getByRole('link', { name: `frontend: ${state.xss.rootName}` }).getAttribute('href')
    ).resolves.toMatch(
      // no query names the datasource here (the harness passes no request): the trace page uses its default
      new RegExp(`^${APP}/trace/${state.xss.traceId}\\?from=\\d+&to=\\d+&group=service&measure=self$`)
    );

    await mount({ view: 'flame' });
    await page.locator('[data-testid="harness-panel"] canvas').first().waitFor();

    // a span attribute holding markup is shown as text (an alert() would be recorded as an error)
    await mount({ groupBy: 'attribute', attributeKey: 'note', measure: 'total' });
    const groups = await page.getByTestId('breakdown-row').locator('> :first-child').allInnerTexts();
    expect(groups.sort()).toEqual(['(none)', XSS]);
    expect(await page.locator('[data-testid="harness-panel"] img').count()).toBe(0);
  });
});

describe('breakdown panel with Jaeger search results', () => {
  it('fetches the 5 newest listed traces through the datasource proxy and shows their mean self time per service', async () => {
    const page = await withPage();
    const { listed, frame } = await searchResults();
    expect(listed.length).toBeGreaterThan(5);
    const proxied: string[] = [];
    page.on(
      'request',
      (r) => r.url().includes('/api/datasources/proxy/uid/jaeger/api/v3/traces/') && proxied.push(r.url())
    );
    await mountPanel(page, state.harnessUrl, {
      module: MODULE,
      frames: [frame],
      options: { maxTraces: 5, unit: 'us', topN: 0 },
      ...SIZES.full,
    });
    await page.getByTestId('breakdown-header').waitFor({ timeout: 30_000 });

    const newest = [...listed].sort((a, b) => b.startTimeMs - a.startTimeMs).slice(0, 5);
    const truths = newest.map((t) => state.truth.find((x) => x.traceId === canonical(t.traceID))!);
    const services = [...new Set(truths.flatMap((t) => Object.keys(t.selfTimeUsByService)))];
    const want = Object.fromEntries(
      services.map((s) => [s, truths.reduce((sum, t) => sum + (t.selfTimeUsByService[s] ?? 0), 0) / 5])
    );
    expect(valueProblems(await rowValues(page), want)).toEqual(none(want));
    expect(proxied.map((u) => canonical(u.split('/traces/')[1].split('?')[0])).sort()).toEqual(
      truths.map((t) => t.traceId).sort()
    );
    const header = await page.getByTestId('breakdown-header').innerText();
    expect(header).toContain('Self time by service · 5 traces · share of the summed duration of 5 traces');
    expect(header).toContain(`5 of ${listed.length} matching traces used · the 5 newest fetched`);

    // a row leads to the app's search page for its service, from the keyboard (past the coverage
    // line's "Use N traces", which offers every listed trace)
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      `Use ${Math.min(listed.length, 200 /* MAX_TRACES_PER_PANEL */)} traces`
    );
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Enter');
    await eventually(async () => {
      const url = new URL(page.url());
      expect(url.pathname).toBe(`${APP}/search`);
      // on Jaeger the search form's service, run, on the datasource that listed the traces
      expect([url.searchParams.get('svc'), url.searchParams.get('run'), url.searchParams.get('ds')]).toEqual([
        focused,
        '1',
        'jaeger',
      ]);
    });
  });
});

describe('breakdown panel with the recorded Tempo trace frame', () => {
  it('recorded Tempo: shows the hand-worked self time per service of the recorded trace, to the µs', async () => {
    await expectSelfTimes(recordedTempoTruth(), tempoTraceFrame());
  });
});

describe('breakdown panel sizes and themes', () => {
  const cases = (['dark', 'light'] as Theme[]).flatMap((theme) =>
    (Object.keys(SIZES) as Array<keyof typeof SIZES>).map((size) => [size, theme] as const)
  );

  it.each(cases)('%s, %s theme: fits without horizontal scrolling, overlay from Prometheus', async (size, theme) => {
    const page = await withPage(theme);
    const { frame } = await searchResults();
    await mountPanel(page, state.harnessUrl, {
      module: MODULE,
      frames: [frame, ...(await p95Frames())],
      options: { maxTraces: 10, overlayUnit: 'ms' },
      ...SIZES[size],
    });
    await page.getByTestId('breakdown-row').first().waitFor({ timeout: 30_000 });
    const panel = page.getByTestId('breakdown-panel');
    const fit = await panel.evaluate((el) => {
      const content = el.lastElementChild as HTMLElement;
      return { overflowX: content.scrollWidth - content.clientWidth, color: getComputedStyle(el).color };
    });
    expect(fit.overflowX).toBeLessThanOrEqual(0);
    expect(fit.color).toBe(theme === 'dark' ? 'rgb(204, 204, 220)' : 'rgb(36, 41, 46)');
    expect(await page.getByTestId('breakdown-header').count()).toBe(size === 'small' ? 0 : 1);
    const title = await page.getByTestId('breakdown-row').first().locator('a').first().getAttribute('title');
    expect(title).toMatch(/p95 \(span metrics\): [\d.]+ (ms|µs)$/);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('harness-panel').screenshot({ path: join(SCREENSHOTS, `panel-${size}-${theme}.png`) });
    if (size === 'medium') {
      mkdirSync(README_SCREENSHOTS, { recursive: true });
      await page.getByTestId('harness-panel').screenshot({ path: join(README_SCREENSHOTS, `panel-${theme}.png`) });
    }
  });
});
