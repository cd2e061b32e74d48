// ESLint flat config: typescript-eslint for node code, Salesforce's LWC rules for components.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const importPlugin = require('eslint-plugin-import');

const componentFiles = ['force-app/**/lwc/**/*.ts'];
// The local app's browser code: LWC shell components and the local platform modules.
const appBrowserFiles = ['app/shell/**/*.ts', 'app/platform/**/*.ts'];
const scope = (configs, files) => configs.map((config) => ({ ...config, files }));

// Layering (README, Development): what each part of the project may import. Paths are from the project root.
const layeringZones = [
  {
    target: './localorg',
    from: ['./app', './scripts', './bench'],
    message: 'The local org is a library: it never imports the app, the scripts or the benchmark.',
  },
  {
    target: './model',
    from: '.',
    except: ['./model', './node_modules'],
    message: 'The model reads force-app on its own: it imports nothing of ours outside model/.',
  },
  {
    // localorg/server.ts is the org's entry point until it has a package entry (issue #13): connecting to
    // `local` starts the org through it.
    target: './scripts/lib',
    from: './localorg',
    except: ['./server.ts'],
    message: "The job library talks to an org through its API: it never imports the local org's internals.",
  },
  {
    target: ['./app/platform', './app/shell'],
    from: ['./localorg', './model', './scripts', './bench'],
    message: "The app's browser code never imports node code.",
  },
  {
    // A separate zone: `from` may not mix globs with folders. app/*.ts is the app's node server and build.
    target: ['./app/platform', './app/shell'],
    from: ['./app/*.ts'],
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
      'import/no-restricted-paths': ['error', { basePath: __dirname, zones: layeringZones }],
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
