/** The page's peak JS heap while a bench measures (Chrome DevTools Protocol, sampled). */
import { Page } from 'playwright-core';

/** Samples the page's JS heap every 250 ms until `stop()`, which returns the peak in bytes. */
export async function sampleHeap(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return async () => {
    sampling = false;
    await sampler;
    return peak;
  };
}
