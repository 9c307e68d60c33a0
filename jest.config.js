// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

module.exports = {
  // Jest configuration provided by Grafana scaffolding
  ...require('./.config/jest.config'),
  // generous per-test limit for a busy 2-core machine (a limit on hangs, not a speed target)
  testTimeout: 60_000,
};
