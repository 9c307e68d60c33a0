/**
 * Heap measurement for one large trace, run in its own process (`--max-old-space-size` set by
 * the parent) so that earlier benchmark garbage does not count. Reads OTLP/JSON from the file
 * named in argv, runs the pipeline sampling `heapUsed + external` between stages (typed arrays
 * live in external array buffers, so `heapUsed` alone would miss the model), and prints one
 * JSON line: memory before, sampled peak, retained after GC and the process's peak RSS (which
 * bounds everything, the input text included).
 */
import { readFileSync } from 'node:fs';

import { pipeline } from './pipeline';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const json = readFileSync(process.argv[2], 'latin1');
gc();
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const before = used();
let peak = before;
const analysis = pipeline(json, () => {
  peak = Math.max(peak, used());
});
gc();
const retained = used();
console.log(
  JSON.stringify({
    spans: analysis.trace.spanCount,
    inputMB: json.length / 1e6,
    beforeMB: before / 1e6,
    peakMB: peak / 1e6,
    retainedMB: retained / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1e3,
  })
);
