// TraceLens's Jest config: create-plugin's (.config/jest.config.js, left as scaffolded) extended as
// .config/README.md describes.

// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

// Jest configuration provided by Grafana scaffolding
const grafanaConfig = require('./.config/jest.config');

module.exports = {
  ...grafanaConfig,
  transform: {
    ...grafanaConfig.transform,
    // ESM-only dependencies ship .mjs files (d3-color, through @grafana/data): SWC compiles them as it does .js.
    '^.+\\.mjs$': grafanaConfig.transform['^.+\\.(t|j)sx?$'],
  },
  // generous per-test limit for a busy 2-core machine (a limit on hangs, not a speed target)
  testTimeout: 60_000,
};
