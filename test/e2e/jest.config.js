// End-to-end tests (`npm run test:e2e`): the local app in Chromium against a fresh local org. Kept out of
// `npm test` (its node project matches *.test.ts; these are *.e2e.ts) because a run takes about a minute.
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The app is built (when stale) before the first test file, outside any timeout.
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  testTimeout: 180000,
  maxWorkers: 1,
};
