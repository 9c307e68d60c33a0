// Runs the files that check the shared batch first (they assert exact sets of traces and counts),
// then latency-sharding.test.ts, jaeger-source.test.ts, genai.test.ts and stitch.test.ts (which send traces of their own), then
// error-paths.test.ts (which stops and restarts Jaeger and Prometheus).
const Sequencer = require('@jest/test-sequencer').default;

const LATE = [
  'latency-sharding.test.ts',
  'jaeger-source.test.ts',
  'genai.test.ts',
  'stitch.test.ts',
  'error-paths.test.ts',
];

module.exports = class ByName extends Sequencer {
  sort(tests) {
    const rank = (t) => LATE.findIndex((name) => t.path.endsWith(name));
    return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
  }
};
