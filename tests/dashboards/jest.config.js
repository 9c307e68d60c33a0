// Offline validation of the provisioned dashboards (provisioning/dashboards/) against the
// datasource provisioning, the plugin manifests and the breakdown panel's option schema:
//   npx jest --config tests/dashboards/jest.config.js
const path = require('path');
const root = require('../../jest.config');

module.exports = {
  ...root,
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tests/dashboards/**/*.test.ts'],
  // jsdom would pick yaml's ESM browser build; the test reads files, so use its Node build
  moduleNameMapper: { ...root.moduleNameMapper, '^yaml$': require.resolve('yaml') },
};
