/**
 * Part of `npm run bench`: prints the big-trace numbers (see bigtrace.ts) against
 * their targets, on the built dist/ in Chromium (bench.sh makes sure of both); no stack (Tempo is
 * stood in for).
 */
import { measureBigTrace, TARGETS } from './bigtrace';

const ms = (v: number) => `${v.toFixed(0)} ms`;
const verdict = (value: number, target: number) => `target ≤ ${target} ms: ${value <= target ? 'ok' : 'OVER TARGET'}`;

measureBigTrace()
  .then((r) => {
    console.log(`Big trace in the browser: ${r.spans} spans, ${(r.bodyBytes / 1e6).toFixed(1)} MB of OTLP/JSON`);
    console.log(
      `  waterfall first paint, in-app ${ms(r.navigationMs)}  (${verdict(r.navigationMs, TARGETS.firstPaintMs)})`
    );
    console.log(
      `  waterfall first paint, cold   ${ms(r.firstPaintMs)}  (fresh page load; trace requested at ${ms(r.traceRequestedMs)}, downloaded at ${ms(r.traceDownloadedMs)})`
    );
    console.log(
      `  longest task while scrolling  ${ms(r.longestScrollTaskMs)}  (${verdict(r.longestScrollTaskMs, TARGETS.longestScrollTaskMs)}; ${r.longTasksWhileScrolling} long tasks)`
    );
    console.log(`  longest frame gap scrolling   ${ms(r.longestFrameGapMs)}`);
  })
  .catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
