/**
 * Memory measurement for one large trace, run in its own process (`--max-old-space-size` set by
 * the parent) so that earlier benchmark garbage does not count. Reads OTLP/JSON from the file
 * named in argv, lets the read buffer go, then runs the pipeline and prints one JSON line:
 * - `heapUsed + external` before, at its sampled peak between stages, and retained after GC
 *   (typed arrays live in external array buffers, so `heapUsed` alone would miss the model);
 * - the peak RSS *during the pipeline* (Linux: the high-water mark is reset just before it, so
 *   reading the file — buffer and string side by side — does not count), input text included.
 */
import { readFileSync } from 'node:fs';

import { pipeline } from './pipeline';
import { MB, procStatusMB, resetPeakRss } from './proc-status';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const json = readFileSync(process.argv[2], 'latin1');
gc();
gc();
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const before = used();
const rssBefore = process.memoryUsage().rss / MB;
resetPeakRss();
let peak = before;
const analysis = pipeline(json, () => {
  peak = Math.max(peak, used());
});
const peakRss = procStatusMB('VmHWM');
gc();
const retained = used();
console.log(
  JSON.stringify({
    spans: analysis.trace.spanCount,
    inputMB: json.length / MB,
    beforeMB: before / MB,
    peakMB: peak / MB,
    retainedMB: retained / MB,
    rssBeforeMB: rssBefore,
    peakRssMB: peakRss,
  })
);
