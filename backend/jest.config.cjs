const nodePreset = require('../jest.preset.cjs');

/** Unit tests: no database, no network. */
module.exports = {
  ...nodePreset(__dirname),
  displayName: 'backend',
  roots: ['<rootDir>/backend/src'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$'],
};
