/* eslint-disable @typescript-eslint/no-require-imports */
const nodePreset = require('../jest.preset.js');

module.exports = {
  ...nodePreset(__dirname, 'tsconfig.json'),
  displayName: 'db',
  roots: ['<rootDir>/db'],
  testMatch: ['**/*.spec.ts'],
};
