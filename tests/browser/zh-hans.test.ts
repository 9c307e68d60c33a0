/**
 * TraceLens in Simplified Chinese in real Chromium, dark theme, with no stack: the harness boots
 * with the Grafana user's language zh-Hans (newPage's `language`), serves the responses recorded
 * from a real Tempo as the trace datasource and a closed port as Prometheus. Each page is
 * screenshotted once (tests/artifacts/screenshots/<page>-zh-Hans-dark.png; the search page also in
 * src/img/screenshots/ for the README) after a string of it reads Chinese; on the search, trace
 * and panel views no button, table cell or header clips its text (an element whose content is
 * wider than its box: scrollWidth > clientWidth). Needs a build
 * (`npm run build`) and a CJK font (tests/browser/ensure-chromium.sh installs one).
 */
import { Browser, Page } from 'playwright-core';
import { startRecordedTempo } from '../harness/recorded-tempo';
import { Harness, startHarness } from '../harness/server';
import { tempoTraceFrame } from '../support/traceFrames';
import { closedPort } from './closedPort';
import { APP, eventually, launch, mountPanel, newPage, OpenPage, screenshot } from './browser';
import { recordedTempoTruth } from './state';

const LANGUAGE = 'zh-Hans';
const RECORDED = recordedTempoTruth();
const TEMPO = '?ds=tempo';

/**
 * The visible buttons, table cells and headers (`checked`), and those whose text is wider than
 * their box (`clipped`, described by their text); elements that clip on purpose
 * (`text-overflow: ellipsis`) are not counted as clipped.
 */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('button, td, th')].filter((el) => el.offsetParent);
    const clipped = shown
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    return { checked: shown.length, clipped };
  });

/** Asserts that some buttons or cells are shown and none clips its text. */
async function expectNoOverflow(page: Page) {
  const { checked, clipped } = await overflowing(page);
  expect(checked).toBeGreaterThan(0);
  expect(clipped).toEqual([]);
}

const PAGES: Array<{ name: string; path: string; chinese: string; overflow: boolean }> = [
  { name: 'search', path: `${APP}/search?ds=tempo&status=error&run=1`, chinese: '追踪搜索', overflow: true },
  { name: 'trace', path: `${APP}/trace/${RECORDED.traceId}${TEMPO}`, chinese: '关键路径', overflow: true },
  { name: 'file', path: `${APP}/file`, chinese: '打开追踪文件', overflow: false },
  { name: 'services', path: `${APP}/services${TEMPO}`, chinese: '服务', overflow: false },
  { name: 'compare', path: `${APP}/compare${TEMPO}`, chinese: '比较', overflow: false },
  { name: 'configuration', path: '/plugins/tracelens-analysis-app', chinese: '数据源', overflow: false },
];

let browser: Browser;
let harness: Harness;
let tempo: Awaited<ReturnType<typeof startRecordedTempo>>;
let open: OpenPage | undefined;

beforeAll(async () => {
  tempo = await startRecordedTempo();
  harness = await startHarness({
    tempoUrl: tempo.url,
    promUrl: `http://127.0.0.1:${await closedPort()}`,
    jsonData: { tempoDatasourceUid: 'tempo', prometheusDatasourceUid: 'prometheus' },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await tempo?.close();
});
afterEach(async () => {
  // uncaught errors only: requests to the closed Prometheus log console errors by design
  expect(open?.errors.filter((e) => e.startsWith('page error'))).toEqual([]);
  await open?.page.close();
});

describe('TraceLens in Simplified Chinese, dark theme', () => {
  it.each(PAGES)('$name: reads Chinese and is screenshotted', async ({ name, path, chinese, overflow }) => {
    open = await newPage(browser, 'dark', LANGUAGE);
    const { page } = open;
    await page.goto(harness.url + path);
    await page.getByText(chinese).first().waitFor({ timeout: 60_000 });
    if (name === 'search') {
      // every row's lazily analysed self-time bar is drawn
      await page
        .getByRole('img', { name: /^各服务的自身耗时：/ })
        .first()
        .waitFor({ timeout: 60_000 });
    }
    await page.waitForTimeout(500); // let charts and lazy cells settle before the shot
    await screenshot(page, `${name}-${LANGUAGE}`, 'dark', name === 'search');
    if (overflow) {
      await eventually(() => expectNoOverflow(page), 5_000);
    }
  });

  it('panel: the breakdown table of the recorded Tempo trace reads Chinese and clips no text', async () => {
    open = await newPage(browser, 'dark', LANGUAGE);
    const { page } = open;
    // the table view, at a dashboard's 12 × 8 cells: headers and cells in Chinese in a narrow panel
    await mountPanel(page, harness.url, {
      module: 'panels/breakdown/module.js',
      frames: [tempoTraceFrame()],
      options: { view: 'table' },
      width: 620,
      height: 300,
    });
    await page.getByTestId('breakdown-header').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    await screenshot(page, `panel-${LANGUAGE}`, 'dark');
    await page.getByText('自身耗时').first().waitFor();
    await eventually(() => expectNoOverflow(page), 5_000);
  });
});
