// ESLint flat config: typescript-eslint for node code, Salesforce's LWC rules for components.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const lwcConfig = require('@salesforce/eslint-config-lwc');

const componentFiles = ['force-app/**/lwc/**/*.ts'];
// The local app's browser code: LWC shell components and the local platform modules.
const appBrowserFiles = ['app/shell/**/*.ts', 'app/platform/**/*.ts'];
const scope = (configs, files) => configs.map((config) => ({ ...config, files }));

module.exports = [
  {
    ignores: [
      'node_modules/**',
      '.localorg/**',
      '.sf/**',
      '.sfdx/**',
      'coverage/**',
      'generated/**',
      'test/fixtures/**',
      'force-app/**/lwc/**/*.js',
      'app/dist/**',
      'bench/results/**',
    ],
  },
  {
    files: ['**/*.js'],
    ...js.configs.recommended,
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  ...scope(tseslint.configs.recommended, ['**/*.ts']),
  {
    files: ['**/*.ts'],
    ignores: componentFiles,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...scope(lwcConfig.configs.recommendedTs, componentFiles),
  {
    files: appBrowserFiles,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: componentFiles,
    rules: {
      // The babel parser used by the LWC config does not resolve types; typescript-eslint covers these.
      'no-unused-vars': 'off',
      'no-undef': 'off',
      // typescript-eslint's rule cannot read the babel AST: it reports every type-only import as unused and
      // crashes on function types. tsc's noUnusedLocals / noUnusedParameters check unused code instead.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
];
