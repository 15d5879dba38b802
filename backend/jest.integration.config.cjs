const nodePreset = require('../jest.preset.cjs');

/**
 * Integration tests against a real PostgreSQL: the global setup starts an embedded server (or uses
 * TEST_DATABASE_URL); each test file gets its own freshly migrated database.
 */
module.exports = {
  ...nodePreset(__dirname),
  displayName: 'backend-integration',
  roots: ['<rootDir>/backend/src', '<rootDir>/backend/test'],
  testMatch: ['**/*.int.spec.ts'],
  globalSetup: '<rootDir>/backend/test/global-setup.mjs',
  globalTeardown: '<rootDir>/backend/test/global-teardown.mjs',
  testTimeout: 30000,
  maxWorkers: 2,
};
