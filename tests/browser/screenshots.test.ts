/**
 * Every page in both themes, screenshotted (tests/artifacts/screenshots/<page>-<theme>.png; the
 * README's copies go to src/img/screenshots/). Each page is shot once its data is on screen, and
 * the theme is checked from the page background's lightness.
 */
import { Browser, Page } from 'playwright-core';
import { APP, eventually, launch, newPage, openRoute, screenshot, Theme } from './browser';
import { browserState } from './state';

const state = browserState();
const db = state.outlier.spans.find((s) => s.name === 'SELECT users')!;
const params = (p: Record<string, string>) => `?${new URLSearchParams(p).toString()}`;

const PAGES: Array<{ name: string; path: string; ready: (page: Page) => Promise<unknown> }> = [
  {
    name: 'search',
    path: `${APP}/search${params({ svc: 'api-gateway', q: '{ resource.service.name = "api-gateway" }' })}`,
    ready: (page) =>
      page
        .getByRole('img', { name: /^Self time per service/ })
        .first()
        .waitFor(),
  },
  {
    name: 'trace',
    path: `${APP}/trace/${state.outlier.traceId}${params({ span: db.spanId })}`,
    ready: (page) => page.getByTestId('percentile-badge').waitFor(),
  },
  {
    name: 'services',
    path: `${APP}/services${params({ service: 'user-service' })}`,
    ready: (page) => page.getByRole('table', { name: 'Operations of user-service' }).waitFor(),
  },
  {
    name: 'compare',
    path: `${APP}/compare${params({ q: '{ rootServiceName = "frontend" }', pct: '5' })}`,
    ready: (page) => page.getByTestId('comparison-row').first().waitFor({ timeout: 60_000 }),
  },
  {
    name: 'configuration',
    path: '/plugins/tracelens-analysis-app',
    ready: (page) => page.getByTestId('check-exemplars').waitFor({ timeout: 30_000 }),
  },
];

const README: Record<Theme, string[]> = { dark: PAGES.map((p) => p.name), light: ['search', 'trace'] };

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
