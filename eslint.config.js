// ESLint flat config: typescript-eslint for node code, Salesforce's LWC rules for components.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const importPlugin = require('eslint-plugin-import');

const componentFiles = ['force-app/**/lwc/**/*.ts'];
// The local app's browser code: LWC shell components and the local platform modules.
const appBrowserFiles = ['packages/app/shell/**/*.ts', 'packages/app/platform/**/*.ts'];
const scope = (configs, files) => configs.map((config) => ({ ...config, files }));

// Layering (README, Architecture): the workspace packages and what each may import. Three rules keep it:
// - import/no-relative-packages: code never reaches into another package (or the root's scripts, bench and
//   tests) by a relative path; it imports the package by name.
// - no-restricted-imports: a package is imported through its public entry only (`@partner-planning/<name>`),
//   and only by the layers above it: model <- localorg <- jobs <- app <- scripts, bench; cli (the command
//   builder) imports none of ours and is used by every command, the org's included.
// - import/no-restricted-paths: the app's browser code never imports the app's node code.
// Tests (test/) are the one exception: they reach the internals of the package they test.
const PACKAGE_INTERNALS = {
  group: ['@partner-planning/*/**'],
  message: "Import a package through its public entry ('@partner-planning/<name>'), never its internal files.",
};
const forbidPackages = (names, message) => ({ group: names.map((name) => `@partner-planning/${name}`), message });
const layering = [
  {
    files: ['packages/model/**/*.ts'],
    patterns: [
      PACKAGE_INTERNALS,
      forbidPackages(['*'], 'The model reads force-app on its own: it imports none of our packages.'),
    ],
  },
  {
    // The command builder is below everything that has a command line, the org included.
    files: ['packages/cli/**/*.ts'],
    patterns: [
      PACKAGE_INTERNALS,
      forbidPackages(['*'], 'The CLI builder is a leaf every command uses: it imports none of our packages.'),
    ],
  },
  {
    files: ['packages/localorg/**/*.ts'],
    patterns: [
      PACKAGE_INTERNALS,
      forbidPackages(['jobs', 'app'], 'The local org is a library: it never imports the jobs or the app.'),
    ],
  },
  {
    files: ['packages/jobs/**/*.ts'],
    patterns: [PACKAGE_INTERNALS, forbidPackages(['app'], 'The job library never imports the app.')],
  },
  {
    files: ['packages/app/*.ts', 'scripts/**/*.ts'],
    patterns: [PACKAGE_INTERNALS],
  },
  {
    // The benchmark measures the org's storage below its HTTP API through the org's internal entry.
    files: ['bench/**/*.ts'],
    patterns: [{ ...PACKAGE_INTERNALS, group: [...PACKAGE_INTERNALS.group, '!@partner-planning/localorg/internal'] }],
  },
  {
    files: ['packages/app/platform/**/*.ts', 'packages/app/shell/**/*.ts'],
    patterns: [forbidPackages(['*', '*/**'], "The app's browser code never imports node code.")],
  },
];
const browserZones = [
  {
    target: ['./packages/app/platform', './packages/app/shell'],
    from: ['./packages/app/*.ts'],
    message: "The app's browser code never imports node code (the app server and build).",
  },
];

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
      'packages/app/dist/**',
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
  {
    // Import layering over the node code and the app's browser code (components are checked by the LWC rules).
    files: ['**/*.ts'],
    ignores: componentFiles,
    plugins: { import: importPlugin },
    settings: {
      // Imports are extensionless TypeScript paths: the node resolver finds them with '.ts' added, and the
      // plugin reads imported .ts files only when they are listed here (its default is .js files only).
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
      'import/extensions': ['.ts', '.js'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      // Type-only imports are not followed by this rule (they vanish at run time); see the README.
      'import/no-cycle': 'error',
      'import/no-duplicates': 'error',
      'import/no-relative-packages': 'error',
      'import/no-restricted-paths': ['error', { basePath: __dirname, zones: browserZones }],
    },
  },
  ...layering.map(({ files, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  {
    // Tests exercise the internals of the package they test.
    files: ['test/**/*.ts'],
    rules: { 'import/no-relative-packages': 'off' },
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
