/**
 * Every page in both themes, screenshotted (tests/artifacts/screenshots/<page>-<theme>.png; the
 * README's copies go to src/img/screenshots/): the live pages on Jaeger and Prometheus, the Tempo
 * search on the recorded Tempo responses, the Jaeger search form. Each page is shot once its data is on screen, and
 * the theme is checked from the page background's lightness.
 */
import { Browser, Page } from 'playwright-core';
import { APP, eventually, launch, newPage, openRoute, screenshot, tableRows, Theme } from './browser';
import { browserState } from './state';

const state = browserState();
const db = state.outlier.spans.find((s) => s.name === 'SELECT users')!;
const params = (p: Record<string, string>) => `?${new URLSearchParams(p).toString()}`;
/** the live pages read the live Jaeger */
const JAEGER = { ds: 'jaeger' };
/** the batch's time range (epoch ms), so a page shows the batch */
const batch = {
  from: String(Math.floor(Math.min(...state.truth.map((t) => t.startUs)) / 1000) - 1),
  to: String(Math.ceil(Math.max(...state.truth.map((t) => t.startUs + t.durationUs)) / 1000) + 1),
};
/** every result row's lazily analysed self-time bar is drawn */
const bars = (page: Page) =>
  eventually(async () => {
    const rows = await tableRows(page, 'Traces found').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /^Self time per service/ }).count()).toBe(rows);
  }, 60_000);

const PAGES: Array<{ name: string; path: string; ready: (page: Page) => Promise<unknown> }> = [
  {
    // the Tempo search (TraceQL builder) on the responses recorded from a real Tempo
    name: 'search',
    path: `${APP}/search${params({ ds: 'tempo', status: 'error', run: '1' })}`,
    ready: bars,
  },
  {
    name: 'search-jaeger',
    path: `${APP}/search${params({ ...JAEGER, svc: 'api-gateway', run: '1', ...batch })}`,
    ready: bars,
  },
  {
    name: 'trace',
    path: `${APP}/trace/${state.outlier.traceId}${params({ ...JAEGER, span: db.spanId })}`,
    ready: (page) => page.getByTestId('percentile-badge').waitFor({ timeout: 30_000 }),
  },
  {
    name: 'services',
    path: `${APP}/services${params({ ...JAEGER, service: 'user-service' })}`,
    ready: (page) => page.getByRole('table', { name: 'Operations of user-service' }).waitFor({ timeout: 30_000 }),
  },
  {
    name: 'compare',
    path: `${APP}/compare${params({ ...JAEGER, svc: 'frontend', pct: '5', run: '1', ...batch })}`,
    ready: (page) => tableRows(page, 'Differences, largest first').first().waitFor({ timeout: 60_000 }),
  },
  {
    name: 'configuration',
    path: '/plugins/tracelens-analysis-app',
    ready: (page) => page.getByTestId('check-exemplars').waitFor({ timeout: 30_000 }),
  },
];

const README: Record<Theme, string[]> = {
  dark: PAGES.map((p) => p.name),
  light: ['search', 'search-jaeger', 'trace'],
};

/** Lightness (0–255) of the page background. */
const backgroundLightness = (page: Page) =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
    return (r + g + b) / 3;
  });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe.each<Theme>(['dark', 'light'])('%s theme', (theme) => {
  it.each(PAGES)('$name', async ({ name, path, ready }) => {
    const { page, errors } = await newPage(browser, theme);
    await openRoute(page, state.harnessUrl, path);
    await ready(page);
    await eventually(async () => {
      const lightness = await backgroundLightness(page);
      expect(theme === 'dark' ? lightness < 60 : lightness > 200).toBe(true);
    });
    await page.waitForTimeout(500); // let charts and lazy cells settle before the shot
    await screenshot(page, name, theme, README[theme].includes(name));
    expect(errors).toEqual([]);
    await page.close();
  });
});
