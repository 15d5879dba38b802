const nodePreset = require('../jest.preset.cjs');

module.exports = {
  ...nodePreset(__dirname),
  displayName: 'shared',
  roots: ['<rootDir>/shared/src'],
  testMatch: ['**/*.spec.ts'],
};
