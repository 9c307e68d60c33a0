// Runs the integration files in name order, so error-paths.test.ts (which stops and restarts
// Tempo) goes after the files that read the shared batch.
const Sequencer = require('@jest/test-sequencer').default;

module.exports = class ByName extends Sequencer {
  sort(tests) {
    const last = (t) => (t.path.endsWith('error-paths.test.ts') ? 1 : 0);
    return [...tests].sort((a, b) => last(a) - last(b) || a.path.localeCompare(b.path));
  }
};
