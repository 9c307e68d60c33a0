// Runs the files that check the shared batch first (they assert exact sets of traces and counts),
// then error-paths.test.ts, which stops and restarts Jaeger and Prometheus.
const Sequencer = require('@jest/test-sequencer').default;

module.exports = class ByName extends Sequencer {
  sort(tests) {
    const last = (t) => (t.path.endsWith('error-paths.test.ts') ? 1 : 0);
    return [...tests].sort((a, b) => last(a) - last(b) || a.path.localeCompare(b.path));
  }
};
