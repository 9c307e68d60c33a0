/**
 * The 100k-span trace opens on the trace page and its waterfall scrolls; the timings are printed
 * (`npm run bench` prints them too) and held to the targets with a 2× margin for loaded
 * CI machines (the bench reports the exact verdicts).
 */
import { measureBigTrace, TARGETS } from './bigtrace';

it('opens a 100k-span trace and scrolls its waterfall', async () => {
  const r = await measureBigTrace();
  console.log(`big trace: ${JSON.stringify(r)}`);
  expect(r.shownSpans).toBe(100_000);
  expect(r.navigationMs).toBeLessThan(2 * TARGETS.firstPaintMs);
  expect(r.longestScrollTaskMs).toBeLessThan(2 * TARGETS.longestScrollTaskMs);
}, 180_000);
