/* eslint-disable @typescript-eslint/no-require-imports */
const nodePreset = require('../jest.preset.js');

/** Unit tests: no database, no network. */
module.exports = {
  ...nodePreset(__dirname),
  displayName: 'backend',
  roots: ['<rootDir>/backend/src'],
  testMatch: ['**/*.spec.ts'],
};
