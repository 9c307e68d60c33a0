// Browser tests: real Chromium (playwright-core, Debian's /usr/bin/chromium) on the harness page,
// which loads the BUILT dist/ against the real Tempo + Prometheus of a running stack. Run through
// tests/browser/run.sh (starts/stops the stack) or from tests/run-all.sh (reuses its stack).
const path = require('path');
const root = require('../../jest.config');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  transform: root.transform,
  transformIgnorePatterns: root.transformIgnorePatterns,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/browser/global-setup.ts',
  globalTeardown: '<rootDir>/tests/browser/global-teardown.ts',
  // One browser at a time: the machine is small and specs share the harness.
  maxWorkers: 1,
  testTimeout: 120_000,
};
