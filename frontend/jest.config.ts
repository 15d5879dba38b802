// CommonJS like the other projects' configs: Jest loads this file through ts-node.
const { createCjsPreset } = require('jest-preset-angular/presets');

module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/frontend/tsconfig.spec.json' }),
  displayName: 'frontend',
  // The workspace root, so that `@werkpad/shared` maps to its source as in tsconfig.base.json.
  rootDir: '..',
  roots: ['<rootDir>/frontend/src'],
  testMatch: ['**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/frontend/src/test-setup.ts'],
  moduleNameMapper: {
    '^@werkpad/shared$': '<rootDir>/shared/src/index.ts',
  },
};
