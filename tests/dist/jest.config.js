// Validates the built dist/ (run after `npm run build`): manifests, AMD externals, and the
// built app module rendered at every route its manifest lists, lazy chunks loaded from dist/.
const path = require('path');
const base = require('../../jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('../../.config/jest/utils');

// The built app takes d3 from its host (via @grafana/flamegraph); d3 7's sub-packages ship ESM only.
const d3ESModules = ['d3-[a-z-]+', 'internmap', 'delaunator', 'robust-predicates'];

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tests/dist/**/*.test.{ts,tsx}'],
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, ...d3ESModules])],
  testEnvironmentOptions: { resources: 'usable', runScripts: 'dangerously' },
};
