/**
 * What the GenAI browser tests (genai.test.ts: the trace page's LLM and agent views;
 * genai-compare.test.ts: the compare page's LLM and agent sections) share: sending generated
 * traces through the live stack's collector and waiting until Jaeger holds every span of each,
 * reading a table row's cells, and screenshots taken once the tables have settled.
 */
import type { Locator, Page } from 'playwright-core';
import type { GenTrace } from '../generator/model';
import { sendTraces } from '../generator/send';
import { stackEnv, waitFor } from '../integration/stack';
import { screenshot, tableRows, Theme } from './browser';

const env = stackEnv();

/** How many spans Jaeger holds of a trace (its v1 API), 0 before it has any. */
async function spansInJaeger(traceId: string): Promise<number> {
  const response = await fetch(`${env.jaegerUrl}/api/traces/${traceId}`);
  const body = response.ok ? ((await response.json()) as { data?: Array<{ spans: unknown[] }> }) : {};
  return body.data?.[0]?.spans.length ?? 0;
}

/** Sends `traces` to the collector and waits until Jaeger returns all spans of each. */
export async function sendToJaeger(traces: GenTrace[]): Promise<void> {
  await sendTraces(env.otlpUrl, traces);
  for (const t of traces) {
    await waitFor(`trace ${t.traceId} with all ${t.spans.length} spans in Jaeger`, async () =>
      (await spansInJaeger(t.traceId)) === t.spans.length ? true : undefined
    );
  }
}

/** The cell texts of the row of `table` holding a cell of each text in `cells` (exactly). */
export async function rowTexts(page: Page, table: string, ...cells: string[]): Promise<string[]> {
  const rows = cells.reduce(
    (found, cell) => found.filter({ has: page.getByRole('cell', { name: cell, exact: true }) }),
    tableRows(page, table)
  );
  return (await rows.allInnerTexts())
    .join('')
    .split('\t')
    .map((s) => s.trim());
}

/** Screenshot of the whole page, or of `part` of it, also for the README. */
export async function shoot(page: Page, name: string, theme: Theme, part?: Locator): Promise<void> {
  await page.waitForTimeout(300); // let the tables settle before the shot
  await screenshot(page, name, theme, true, part);
}
