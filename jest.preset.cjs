/**
 * Common Jest settings for the Node-side projects (shared, db, backend). ts-jest compiles with the
 * project's spec tsconfig; `@werkpad/*` imports resolve to source, as in the type-checker.
 */
const path = require('node:path');

module.exports = function nodePreset(projectDir, tsconfig = 'tsconfig.spec.json') {
  return {
    rootDir: path.resolve(projectDir, '..'),
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(projectDir, tsconfig) }] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper: {
      '^@werkpad/shared$': '<rootDir>/shared/src/index.ts',
      '^@werkpad/db$': '<rootDir>/db/index.ts',
    },
  };
};
