// Two jest projects: Lightning web components (sfdx-lwc-jest) and node code (model, local org, scripts).
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  projects: [
    {
      ...jestConfig,
      displayName: 'components',
      roots: ['<rootDir>/force-app'],
      testMatch: ['**/lwc/**/__tests__/**/*.test.ts'],
      moduleNameMapper: {
        // Shared component-test helpers, imported as '@lwc-test/render' instead of climbing out of force-app.
        '^@lwc-test/(.*)$': '<rootDir>/test/lwc-support/$1',
        '^@salesforce/label/(c\\..*)$': '<rootDir>/generated/labels/$1.js',
        // Platform modules: shared typed mocks (test/lwc-mocks), driven by the helpers in test/lwc-support.
        '^lightning/(uiRecordApi|uiObjectInfoApi|graphql|navigation|platformShowToastEvent|actions|confirm)$':
          '<rootDir>/test/lwc-mocks/lightning/$1.ts',
        // LightningModal: mounts the modal in document.body and resolves open() with close()'s value.
        '^lightning/modal$': '<rootDir>/test/lwc-mocks/lightning/modal.ts',
        '^@salesforce/user/Id$': '<rootDir>/test/lwc-mocks/salesforce/userId.ts',
      },
      setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/test/lwc-support/setup.ts'],
      collectCoverageFrom: ['force-app/main/default/lwc/**/*.ts', '!**/__tests__/**'],
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
      // The components' modules some node tests load (c/planData's documents and readers) import Custom Labels:
      // the values `npm run build` generates from force-app's labels, as the components project maps them.
      moduleNameMapper: { '^@salesforce/label/(c\\..*)$': '<rootDir>/generated/labels/$1.js' },
      transform: {
        '^.+\\.ts$': [
          '@swc/jest',
          { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
        ],
        // The generated labels are ES modules.
        '/generated/labels/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
      },
      moduleFileExtensions: ['ts', 'js', 'json'],
    },
  ],
};
