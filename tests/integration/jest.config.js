// Integration tests. The `stack` project talks to the real Jaeger, collector and Prometheus: run it through
// tests/integration/run.sh, which starts the stack, runs jest with this config and stops the stack
// afterwards even when tests fail. The `offline` project (compose/provisioning checks) needs nothing.
const path = require('path');
const root = require('../../jest.config');

const common = {
  rootDir: path.resolve(__dirname, '../..'),
  transform: root.transform,
  transformIgnorePatterns: root.transformIgnorePatterns,
  modulePaths: ['<rootDir>/src'],
  testEnvironment: 'node',
};

module.exports = {
  // One worker: error-paths.test.ts stops and restarts servers, which must not overlap other files.
  maxWorkers: 1,
  testTimeout: 180_000,
  testSequencer: '<rootDir>/tests/integration/sequencer.js',
  rootDir: common.rootDir,
  projects: [
    { ...common, displayName: 'offline', testMatch: ['<rootDir>/tests/integration/compose.test.ts'] },
    {
      ...common,
      displayName: 'stack',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/integration/compose.test.ts'],
      globalSetup: '<rootDir>/tests/integration/global-setup.ts',
    },
  ],
};
