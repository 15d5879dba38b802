/* eslint-disable @typescript-eslint/no-require-imports */
const nodePreset = require('../jest.preset.js');

module.exports = {
  ...nodePreset(__dirname),
  displayName: 'shared',
  roots: ['<rootDir>/shared/src'],
  testMatch: ['**/*.spec.ts'],
};
