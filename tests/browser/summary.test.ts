/**
 * The summary view of a huge trace, in Chromium on the built plugin: a 200k-span generated trace
 * (tests/synthetic, shape "random") served by a stand-in Tempo opens on the summary; a folded row
 * expands on click and folds back with ←; the in-trace search finds a span inside a folded subtree,
 * expands it and scrolls the span into view. What each step should show (row counts, which rows
 * fold) is worked out here in Node with the same engine; no assertion depends on wall-clock speed.
 */
import { Page } from 'playwright-core';
import {
  analyzeTrace,
  foldedAncestors,
  parseOtlpTrace,
  prunedRows,
  pruneTrace,
  spanIdOf,
  TraceAnalysis,
} from '../../src/engine';
import { generateTrace, SynthTrace } from '../synthetic/generate';
import { spanHex, toOtlpJson } from '../synthetic/otlp';
import { startHarness } from '../harness/server';
import { APP, launch, newPage } from './browser';
import { fakeBackends } from './bigtrace';

const SPANS = 200_000;
const NEEDLE = 'summary-view-needle';

/** The generated trace, and the folded row to expand and the span to search for, chosen from its pruning. */
function prepare() {
  const base = generateTrace('random', SPANS, 11);
  const analysis = analyzeTrace(parseOtlpTrace(toOtlpJson(base, { wrapper: 'v2' })));
  const pruning = pruneTrace(analysis);
  const rowCount = (expanded: number[]) => prunedRows(analysis, pruning, new Set(expanded), new Set()).span.length;
  const initial = prunedRows(analysis, pruning, new Set(), new Set());
  // the first folded row, and the deepest span of the biggest folded row (so its ancestors fold)
  const firstRow = initial.group.indexOf(1);
  const first = initial.span[firstRow];
  let biggest = -1;
  initial.span.forEach((i, k) => {
    if (initial.group[k] && (biggest < 0 || pruning.size[i] > pruning.size[biggest])) {
      biggest = i;
    }
  });
  const target = deepestIn(analysis, biggest);
  const reveal = foldedAncestors(analysis, pruning, target);
  // the same span in the generator's columns, to give it the attribute the search looks for
  const hex = spanIdOf(analysis.trace, target);
  const synthIndex = Array.from({ length: SPANS }, (_, i) => i).find((i) => spanHex(base, i) === hex)!;
  const attributes = new Map(base.attributes);
  attributes.set(synthIndex, [...(base.attributes.get(synthIndex) ?? []), ['test.marker', NEEDLE]]);
  const trace: SynthTrace = { ...base, attributes };
  return {
    trace,
    body: toOtlpJson(trace, { wrapper: 'v2' }),
    rows: initial.span.length,
    first: { row: firstRow, span: first, spans: pruning.size[first], rowsExpanded: rowCount([first]) },
    target: { span: target, hex, folds: reveal.length, rowsRevealed: rowCount(reveal) },
  };
}

/** The deepest span under `root` (the first in tree order at that depth). O(n). */
function deepestIn(analysis: TraceAnalysis, root: number): number {
  const { preorder, depth } = analysis.tree;
  const from = preorder.indexOf(root);
  let best = root;
  for (let k = from + 1; k < preorder.length && depth[preorder[k]] > depth[root]; k++) {
    best = depth[preorder[k]] > depth[best] ? preorder[k] : best;
  }
  return best;
}

/** Waits until the waterfall lists `n` rows. */
const rowsShown = (page: Page, n: number) =>
  page.locator(`[data-testid="waterfall"][aria-label^="Waterfall: ${n} rows;"]`).waitFor();
const row = (page: Page, i: number, state = '') =>
  page.locator(`[data-testid="waterfall-row"][data-span-index="${i}"]${state}`);

/** Whether the row of span `i` lies inside the waterfall's scrolled viewport. */
const rowInView = (page: Page, i: number) =>
  page.evaluate(`(() => {
    const viewport = document.querySelector('[data-testid="waterfall"]').getBoundingClientRect();
    const row = document.querySelector('[data-testid="waterfall-row"][data-span-index="${i}"]');
    if (!row) return false;
    const r = row.getBoundingClientRect();
    return r.top >= viewport.top && r.bottom <= viewport.bottom;
  })()`);

it('opens a 200k-span trace on its summary; folded rows expand and fold back; search opens a folded span', async () => {
  const p = prepare();
  console.log(`summary view: ${JSON.stringify({ rows: p.rows, first: p.first, target: p.target })}`);
  // what the test relies on: the trace folds, and the searched span sits under folded rows
  expect(p.rows).toBeLessThan(SPANS);
  expect(p.target.folds).toBeGreaterThan(0);
  const backend = await fakeBackends(p.trace.traceId, p.body);
  const harness = await startHarness({ tempoUrl: backend.url, promUrl: backend.url });
  const browser = await launch();
  try {
    const { page, errors } = await newPage(browser);
    page.setDefaultTimeout(90_000);
    await page.goto(`${harness.url}${APP}/trace/${p.trace.traceId}`);
    await page.getByTestId('summary-notice').waitFor();
    expect(await page.getByTestId('summary-spans').innerText()).toBe(String(SPANS));
    expect(await page.getByTestId('hotspot').count()).toBe(10);
    await rowsShown(page, p.rows);

    // the first folded row: scroll to it, click to expand, ← to fold it back
    await page.getByTestId('waterfall').evaluate((el, top) => (el.scrollTop = top), p.first.row * 24);
    await row(page, p.first.span, `[data-folded="${p.first.spans}"]`).click();
    await rowsShown(page, p.first.rowsExpanded);
    await row(page, p.first.span, ':not([data-folded])').waitFor();
    await page.keyboard.press('ArrowLeft');
    await rowsShown(page, p.rows);
    await row(page, p.first.span, `[data-folded="${p.first.spans}"]`).waitFor();

    // search: the marked span, folded away, is opened, selected and scrolled to
    await page.getByRole('textbox', { name: 'Find in trace' }).fill(NEEDLE.toUpperCase());
    await page.getByRole('textbox', { name: 'Find in trace' }).press('Enter');
    await page.getByTestId('trace-search-status').filter({ hasText: '1 of 1' }).waitFor();
    await rowsShown(page, p.target.rowsRevealed);
    await row(page, p.target.span, '[aria-selected="true"]').waitFor();
    expect(await rowInView(page, p.target.span)).toBe(true);
    expect(new URL(page.url()).searchParams.get('span')).toBe(p.target.hex);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    await harness.close();
    await backend.close();
  }
}, 300_000);
