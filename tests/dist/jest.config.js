// Validates the built dist/ (run after `npm run build`): manifests, AMD externals, and the
// built app module rendered at every route its manifest lists, lazy chunks loaded from dist/.
const path = require('path');
const base = require('../../.config/jest.config');

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tests/dist/**/*.test.{ts,tsx}'],
  setupFilesAfterEnv: ['<rootDir>/jest-setup.js'],
  testEnvironmentOptions: { resources: 'usable', runScripts: 'dangerously' },
};
