/**
 * Playwright helpers for specs: one Chromium per spec file, a fresh page per test with the theme
 * chosen before the harness boots, every console error and page error recorded (a spec asserts
 * there are none), screenshots into tests/artifacts/screenshots/ (and, for the README, into
 * src/img/screenshots/), and mounting either an app route or a nested panel with given frames.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';

export type Theme = 'light' | 'dark';

const ROOT = resolve(__dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'tests/artifacts/screenshots');
mkdirSync(join(SCREENSHOTS, 'last-state'), { recursive: true });
export const README_SCREENSHOTS = join(ROOT, 'src/img/screenshots');
export const APP = '/a/tracelens-analysis-app';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TRACELENS_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenPage {
  page: Page;
  /** console errors and uncaught page errors seen so far */
  errors: string[];
}

/** `language`: the Grafana user's language the harness boots with (default en-US), e.g. zh-Hans. */
export async function newPage(browser: Browser, theme: Theme = 'dark', language = 'en-US'): Promise<OpenPage> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  // short action timeouts: assertions retry through eventually(); page loads get longer, since the
  // harness serves a ~2 MB bundle that a busy 2-core machine can take more than 5 s to load
  page.setDefaultTimeout(5_000);
  page.setDefaultNavigationTimeout(60_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    errors.push(`dialog opened: ${d.message()}`);
    return d.dismiss();
  });
  await page.addInitScript(
    ([t, l]) => {
      window.localStorage.setItem('tracelens-harness-theme', t);
      window.localStorage.setItem('tracelens-harness-language', l);
    },
    [theme, language]
  );
  return { page, errors };
}

/** Opens an app path (e.g. `${APP}/search?…`) or `/plugins/<id>` on a harness. */
export async function openRoute(page: Page, harnessUrl: string, path: string): Promise<void> {
  await page.goto(harnessUrl + path);
}

/**
 * Saves a screenshot of the whole page, or of `part` of it, as
 * tests/artifacts/screenshots/<name>-<theme>.png; `readme` also copies it for the README.
 */
export async function screenshot(
  page: Page,
  name: string,
  theme: Theme,
  readme = false,
  part?: Locator
): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}-${theme}.png`);
  await (part ? part.screenshot({ path: file }) : page.screenshot({ path: file, fullPage: true }));
  if (readme) {
    mkdirSync(README_SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(README_SCREENSHOTS, `${name}-${theme}.png`));
  }
  return file;
}

export interface PanelMount {
  /** under dist/, e.g. `panels/breakdown/module.js` */
  module: string;
  /** data frames as `toDataFrame` accepts them */
  frames: unknown[];
  options?: Record<string, unknown>;
  width?: number;
  height?: number;
}

/** Renders a nested panel of the built plugin with the given frames and options on the harness page. */
export async function mountPanel(page: Page, harnessUrl: string, mount: PanelMount): Promise<void> {
  await page.goto(`${harnessUrl}/harness/panel`);
  await page.waitForFunction(() => 'tracelensHarness' in window);
  await page.evaluate(
    (m) =>
      (
        window as unknown as { tracelensHarness: { mountPanel(m: unknown): Promise<void> } }
      ).tracelensHarness.mountPanel(m),
    mount
  );
  await page.getByTestId('harness-panel').waitFor();
}

/**
 * Retries `assertion` (jest expectations on the live page) until it passes or `timeoutMs` runs
 * out, then fails with its last error: the web-first waiting of @playwright/test, for jest.
 */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (e) {
      if (Date.now() > deadline) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * The body rows of the table named `name`: the app's tables are Grafana's InteractiveTable, which
 * puts no test ids on its rows, so a table is found by its accessible name.
 */
export const tableRows = (page: Page, name: string | RegExp) => page.getByRole('table', { name }).locator('tbody tr');
