/**
 * The app pages in real Chromium against the real stack (see global-setup.ts for the batch):
 * search, trace analysis, percentile badge, services, compare, diagnostics, escaping of span
 * attributes, and no console errors on any of them.
 */
import { Browser } from 'playwright-core';
import { formatDuration } from '../../src/components/breakdown/format';
import { traceqlFilter } from '../../src/data/queries/traceql';
import { APP, eventually, launch, newPage, OpenPage, openRoute, SCREENSHOTS } from './browser';
import { browserState, XSS } from './state';

const FINAL = `${SCREENSHOTS}/last-state`;

const state = browserState();
const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
/** Tempo's search drops leading zeros of trace ids. */
const shortId = (id: string) => id.replace(/^0+/, '');
/** The batch's time range in epoch ms (URL form), so a page sees only the batch's traces. */
const batchRange = () => ({
  from: String(Math.floor(Math.min(...state.truth.map((t) => t.startUs)) / 1000) - 1),
  to: String(Math.ceil(Math.max(...state.truth.map((t) => t.startUs + t.durationUs)) / 1000) + 1),
});
const spanOf = (truth: typeof state.outlier, service: string, name: string) =>
  truth.spans.find((s) => s.service === service && s.name === name)!;

let browser: Browser;
let open: OpenPage;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  open = await newPage(browser);
});
afterEach(async () => {
  // the page as the test left it, for looking into failures
  await open.page.screenshot({
    path: `${FINAL}/${expect.getState().currentTestName?.replace(/\W+/g, '-')}.png`,
    fullPage: true,
  });
  await open.page.close();
});

/** Every test ends with this: nothing went to the console as an error, no alert() ran. */
const expectNoConsoleErrors = (allowed: RegExp[] = []) =>
  expect(open.errors.filter((e) => !allowed.some((a) => a.test(e)))).toEqual([]);

describe('search', () => {
  it("finds exactly the batch's failed auth calls through the builder, writing readable TraceQL to the URL", async () => {
    const { page } = open;
    const { from, to } = batchRange();
    const expected = state.truth
      .filter((t) => t.spans.some((s) => s.service === 'auth-service' && s.error))
      .map((t) => shortId(t.traceId))
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    await openRoute(page, state.harnessUrl, `${APP}/search${q({ from, to })}`);
    await page.locator('#search-service').fill('auth-serv');
    await page.getByRole('option', { name: 'auth-service', exact: true }).click();
    await page.getByRole('radio', { name: 'Error' }).check();
    await page.getByRole('button', { name: 'Run query' }).click();
    await eventually(async () =>
      expect((await page.getByTestId('traceql-preview').innerText()).trim()).toBe(
        '{ resource.service.name = "auth-service" && status = error }'
      )
    );
    await eventually(async () => {
      const hrefs = await page
        .getByTestId('search-result')
        .locator('a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.map((h) => /\/trace\/([0-9a-f]+)\?/.exec(h)![1]).sort()).toEqual(expected);
    });
    const url = new URL(page.url()).searchParams;
    expect([url.get('svc'), url.get('status')]).toEqual(['auth-service', 'error']);
    // the lazily analysed per-service bar fills in for every row
    await eventually(async () =>
      expect(await page.getByRole('img', { name: /^Self time per service: / }).count()).toBe(expected.length)
    );
    expectNoConsoleErrors();
  });

  it('finds exactly the trace with a given x_request_id from a deep link', async () => {
    const { page } = open;
    const target = state.truth[10];
    const traceql = traceqlFilter({ spanAttributes: { x_request_id: target.requestId } });
    await openRoute(page, state.harnessUrl, `${APP}/search${q({ mode: 'raw', q: traceql })}`);
    await page.getByTestId('search-result').first().waitFor();
    await eventually(async () => expect(await page.getByTestId('search-result').count()).toBe(1));
    await eventually(async () =>
      expect(await page.getByTestId('search-result').innerText()).toContain(`${target.rootService} ${target.rootName}`)
    );
    await eventually(async () =>
      expect(await page.getByTestId('search-result').locator('a').getAttribute('href')).toMatch(
        new RegExp(shortId(target.traceId))
      )
    );
    expectNoConsoleErrors();
  });

  it("shows Tempo's own message for a TraceQL syntax error and keeps the page usable", async () => {
    const { page } = open;
    await openRoute(page, state.harnessUrl, `${APP}/search${q({ mode: 'raw', q: '{ resource.service.name = }' })}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Search failed' });
    await eventually(async () =>
      expect(await alert.innerText()).toMatch(/rejected the query: .*(parse error|syntax error)/i)
    );
    await eventually(async () => expect(await page.getByRole('button', { name: 'Run query' }).isEnabled()).toBe(true));
    expectNoConsoleErrors([/status of 400/]);
  });
});

describe('trace analysis', () => {
  it('shows the known critical path and self times of the slow outlier', async () => {
    const { page } = open;
    const t = state.outlier;
    const db = spanOf(t, 'user-service', 'SELECT users');
    const auth = spanOf(t, 'auth-service', 'POST /auth/verify');
    await openRoute(page, state.harnessUrl, `${APP}/trace/${t.traceId}${q({ span: db.spanId })}`);
    await eventually(async () =>
      expect((await page.getByTestId('summary-duration').innerText()).trim()).toBe(formatDuration(t.durationUs * 1000))
    );
    await eventually(async () =>
      expect((await page.getByTestId('summary-spans').innerText()).trim()).toBe(String(t.spanCount))
    );
    // The database call (10× slower) decides when the request ends; the parallel auth call does not.
    await eventually(async () =>
      expect(await page.getByRole('option', { name: 'user-service SELECT users' }).getAttribute('data-critical')).toBe(
        'true'
      )
    );
    await eventually(async () =>
      expect(
        await page.getByRole('option', { name: 'auth-service POST /auth/verify' }).getAttribute('data-critical')
      ).not.toBe('true')
    );
    const details = page.getByTestId('span-details');
    const value = (label: string) =>
      details.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
    // A leaf: self time = duration = on the critical path, all the generator's database duration.
    await eventually(async () =>
      expect((await value('duration').innerText()).trim()).toBe(formatDuration(db.durationUs * 1000))
    );
    await eventually(async () =>
      expect((await value('self time').innerText()).trim()).toBe(formatDuration(db.durationUs * 1000))
    );
    await eventually(async () =>
      expect((await value('on the critical path').innerText()).trim()).toBe(formatDuration(db.durationUs * 1000))
    );
    expect(auth.durationUs).toBeLessThan(db.durationUs);
    // Self time per service (breakdown table) equals the generator's ground truth.
    for (const [service, us] of Object.entries(t.selfTimeUsByService)) {
      await eventually(async () =>
        expect(
          (
            await page.getByTestId('breakdown-table-row').filter({ hasText: service }).locator('td').first().innerText()
          ).trim()
        ).toBe(formatDuration(us * 1000))
      );
    }
    // One colour per service on the page: the breakdown's swatch is the waterfall's.
    const colour = (row: ReturnType<typeof page.getByTestId>) =>
      row.getByTestId('swatch').evaluate((e) => getComputedStyle(e).backgroundColor);
    const services = Object.keys(t.selfTimeUsByService);
    const tableColours = await Promise.all(
      services.map((s) => colour(page.getByTestId('breakdown-table-row').filter({ hasText: s })))
    );
    const waterfallColours = await Promise.all(
      services.map((s) => colour(page.getByRole('option', { name: new RegExp(`^${s} `) }).first()))
    );
    expect(tableColours).toEqual(waterfallColours);
    expect(new Set(tableColours).size).toBe(services.length);
    expectNoConsoleErrors();
  });

  it('gives the slow database span a high percentile badge from span metrics, with its histogram on hover', async () => {
    const { page } = open;
    const db = spanOf(state.outlier, 'user-service', 'SELECT users');
    await openRoute(page, state.harnessUrl, `${APP}/trace/${state.outlier.traceId}${q({ span: db.spanId })}`);
    const badge = page.getByTestId('percentile-badge');
    await eventually(async () =>
      expect((await badge.innerText()).trim()).toMatch(
        /^p(9[5-9](\.\d)?|100) of user-service \/ SELECT users over the last hour$/
      )
    );
    await eventually(async () =>
      expect(await page.getByTestId('span-details').innerText()).toContain('slower than p95')
    );
    await badge.hover();
    await eventually(async () =>
      expect(await page.getByRole('tooltip').innerText()).toContain('latency histogram, last hour')
    );
    expectNoConsoleErrors();
  });

  it('renders a span attribute holding HTML as text', async () => {
    const { page } = open;
    const root = state.xss.spans[0];
    await openRoute(page, state.harnessUrl, `${APP}/trace/${state.xss.traceId}${q({ span: root.spanId })}`);
    await eventually(async () =>
      expect(await page.getByTestId('span-details').getByText(XSS, { exact: true }).isVisible()).toBe(true)
    );
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expectNoConsoleErrors();
  });

  it('moves the selection with the keyboard and keeps it in the URL', async () => {
    const { page } = open;
    const t = state.outlier;
    await openRoute(page, state.harnessUrl, `${APP}/trace/${t.traceId}`);
    const waterfall = page.getByTestId('waterfall');
    await waterfall.focus();
    await page.keyboard.press('Home');
    await eventually(async () => expect(new URL(page.url()).searchParams.get('span')).toBe(t.spans[0].spanId));
    await page.keyboard.press('ArrowDown');
    // tree order: the root's only child, the frontend CLIENT span, comes next
    const second = t.spans.find((s) => t.parents[s.spanId] === t.spans[0].spanId)!;
    await eventually(async () => expect(new URL(page.url()).searchParams.get('span')).toBe(second.spanId));
    await eventually(async () =>
      expect(await page.getByRole('option', { selected: true }).getAttribute('aria-label')).toBe(
        `${second.service} ${second.name}`
      )
    );
    expectNoConsoleErrors();
  });

  it('links the trace to Explore and switches to the flame graph and gaps tabs', async () => {
    const { page } = open;
    await openRoute(page, state.harnessUrl, `${APP}/trace/${state.outlier.traceId}`);
    const explore = page.getByRole('link', { name: 'Open in Explore' });
    const href = decodeURIComponent((await explore.getAttribute('href'))!);
    expect(href).toContain(`"query":"${state.outlier.traceId}"`);
    expect(href).toContain('"datasource":"tempo"');
    await page.getByRole('tab', { name: 'Cross-service gaps' }).click();
    await eventually(async () =>
      expect(await page.getByRole('table', { name: 'Cross-service gaps' }).innerText()).toContain(
        'api-gateway → user-service'
      )
    );
    expect(new URL(page.url()).searchParams.get('view')).toBe('gaps');
    await page.getByRole('tab', { name: 'Flame graph' }).click();
    await eventually(async () => expect(await page.locator('canvas').first().isVisible()).toBe(true));
    expectNoConsoleErrors();
  });
});

describe('services', () => {
  it('lists the generated services with non-zero rates and the dependency edges', async () => {
    const { page } = open;
    await openRoute(page, state.harnessUrl, `${APP}/services`);
    const table = page.getByRole('table', { name: 'Services' });
    await table.waitFor();
    for (const service of ['frontend', 'api-gateway', 'auth-service', 'user-service', 'order-worker']) {
      const row = table
        .getByTestId('stats-row')
        .filter({ has: page.getByRole('button', { name: service, exact: true }) });
      const rate = Number((await row.locator('td').nth(1).innerText()).replace(' req/s', ''));
      expect(rate).toBeGreaterThan(0);
    }
    const edges = page.getByRole('table', { name: 'Service graph edges' });
    for (const edge of [
      'frontend → api-gateway',
      'api-gateway → auth-service',
      'api-gateway → user-service',
      'user-service → postgres',
    ]) {
      await eventually(async () =>
        expect(await edges.getByTestId('edge-row').filter({ hasText: edge }).count()).toBe(1)
      );
    }
    await page.getByRole('button', { name: 'user-service', exact: true }).first().click();
    await eventually(async () =>
      expect(await page.getByRole('table', { name: 'Operations of user-service' }).innerText()).toContain(
        'SELECT users'
      )
    );
    expect(new URL(page.url()).searchParams.get('service')).toBe('user-service');
    await page.getByRole('button', { name: 'SELECT users', exact: true }).click();
    await eventually(async () =>
      expect(await page.getByRole('heading', { level: 3, name: 'user-service / SELECT users' }).count()).toBe(1)
    );
    expect(new URL(page.url()).searchParams.get('op')).toBe('SELECT users');
    await eventually(async () =>
      expect(
        await page.getByRole('figure', { name: 'Latency p50 / p95 / p99' }).locator('canvas').count()
      ).toBeGreaterThan(0)
    );
    expectNoConsoleErrors();
  });
});

describe('compare', () => {
  it("ranks the database as the top difference of the batch's slowest 5%", async () => {
    const { page } = open;
    const path = `${APP}/compare${q({ q: '{ rootServiceName = "frontend" }', pct: '5', ...batchRange() })}`;
    await openRoute(page, state.harnessUrl, path);
    // 5% of the batch, which holds the slowest requests: its outliers (database span 10× slower)
    const slow = Math.round(state.truth.length * 0.05);
    expect(state.truth.filter((t) => t.outlier).length).toBeGreaterThanOrEqual(2);
    await eventually(async () =>
      expect(await page.getByText(/^Slow set: /).innerText()).toContain(`Slow set: ${slow} traces`)
    );
    const first = page.getByTestId('comparison-row').first();
    await first.waitFor({ timeout: 60_000 });
    await eventually(async () =>
      expect((await first.locator('td').nth(1).innerText()).trim()).toBe('user-service: SELECT users')
    );
    await eventually(async () => expect((await first.locator('td').nth(4).innerText()).trim()).toMatch(/^\+/));
    expectNoConsoleErrors();
  });
});

describe('configuration diagnostics', () => {
  const CHECKS = ['tempo', 'search', 'traceql-metrics', 'prometheus', 'span-metrics', 'service-graph', 'exemplars'];

  it('are all green against the running stack', async () => {
    const { page } = open;
    await openRoute(page, state.harnessUrl, '/plugins/tracelens-analysis-app');
    for (const id of CHECKS) {
      await eventually(
        async () => expect(await page.getByTestId(`check-${id}`).getAttribute('data-status')).toBe('ok'),
        30_000
      );
    }
    expectNoConsoleErrors();
  });

  it('turn red with the Prometheus hint when Prometheus is stopped, Tempo checks staying green', async () => {
    const { page } = open;
    await openRoute(page, state.noPromHarnessUrl, '/plugins/tracelens-analysis-app');
    const prom = page.getByTestId('check-prometheus');
    await eventually(async () => expect(await prom.getAttribute('data-status')).toBe('error'), 30_000);
    await eventually(async () => expect(await prom.innerText()).toContain('unreachable'));
    await eventually(async () =>
      expect(await prom.innerText()).toContain('How to fix: Check the Prometheus datasource URL')
    );
    await eventually(async () =>
      expect(await page.getByTestId('check-span-metrics').getAttribute('data-status')).toBe('error')
    );
    await eventually(async () => expect(await page.getByTestId('check-tempo').getAttribute('data-status')).toBe('ok'));
    expectNoConsoleErrors([/status of 502/]);
  });
});
