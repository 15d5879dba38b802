// CommonJS like the other projects' configs: Jest loads this file through ts-node.
const { createCjsPreset } = require('jest-preset-angular/presets');

// The users' time zone (UTC+1/+2), set before the workers start: date code that converts through UTC
// would shift a calendar day here, where a UTC machine would hide it.
process.env.TZ = 'Europe/Amsterdam';

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
