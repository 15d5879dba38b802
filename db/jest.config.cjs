const nodePreset = require('../jest.preset.cjs');

module.exports = {
  ...nodePreset(__dirname, 'tsconfig.json'),
  displayName: 'db',
  roots: ['<rootDir>/db'],
  testMatch: ['**/*.spec.ts'],
};
