/**
 * The lint layering rules (eslint.config.js: import/no-cycle, import/no-relative-packages, no-restricted-imports
 * and import/no-restricted-paths) report a cycle and each kind of forbidden import on broken fixtures, and the
 * real tree has none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../../packages/model';
import { FIXTURES } from '../support/project';

const LAYERING_RULES = new Set([
  'import/no-cycle',
  'import/no-relative-packages',
  'import/no-restricted-paths',
  'no-restricted-imports',
]);

/** ESLint with the project's config object (passed in: jest cannot import() the config file itself). */
function layeringLint(options: { ignore?: boolean; rules?: Set<string> } = {}): ESLint {
  const rules = options.rules ?? LAYERING_RULES;
  return new ESLint({
    cwd: REPO_ROOT,
    overrideConfigFile: true,
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS
    baseConfig: require(join(REPO_ROOT, 'eslint.config.js')),
    ignore: options.ignore ?? true,
    ruleFilter: ({ ruleId }) => rules.has(ruleId),
  });
}

const problems = (results: ESLint.LintResult[]): string[] =>
  results.flatMap((r) =>
    r.messages.map((m) => `${r.filePath.slice(REPO_ROOT.length + 1)}:${m.line}: ${m.ruleId}: ${m.message}`),
  );

/**
 * Lints source for forbidden imports as if it were the file at `path` (relative to the project root). The file
 * is not written (others share the tree), and import/no-cycle needs the linted file on disk, so it is off here.
 */
async function lintAs(path: string, code: string): Promise<string[]> {
  const lint = layeringLint({ rules: new Set([...LAYERING_RULES].filter((rule) => rule !== 'import/no-cycle')) });
  return problems(await lint.lintText(code, { filePath: join(REPO_ROOT, path) }));
}

/** The TypeScript files under the given folders (ESLint's own folder walk needs ESM imports jest does not run). */
function typeScriptFiles(folders: string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.split(sep).includes('node_modules'))
      .map((name) => join(REPO_ROOT, folder, name)),
  );
}

describe('lint layering rules on broken fixtures', () => {
  it('reports a two-file import cycle', async () => {
    const file = join(FIXTURES, 'layering', 'cycle-a.ts');
    // The fixtures folder is ignored by the project's lint run, so lint the file's text under its own path.
    const results = await layeringLint({ ignore: false }).lintText(readFileSync(file, 'utf8'), { filePath: file });
    expect(problems(results)).toEqual([
      expect.stringMatching(/cycle-a\.ts:2: import\/no-cycle: Dependency cycle detected/),
    ]);
  });

  it('reports the org importing the jobs or the app, or anything of ours by a relative path', async () => {
    const found = await lintAs(
      'packages/localorg/layering-fixture.ts',
      [
        "import { connect } from '@partner-planning/jobs';",
        "import { startAppServer } from '@partner-planning/app';",
        "import { main } from '../../scripts/seed';",
        "import { loadForceApp } from '@partner-planning/model';",
        "import { SalesforceError } from './errors';",
        'export const all = [connect, startAppServer, main, loadForceApp, SalesforceError];',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(/:1: no-restricted-imports: .*The local org is a library/),
      expect.stringMatching(/:2: no-restricted-imports: .*The local org is a library/),
      expect.stringMatching(/:3: import\/no-relative-packages: /),
    ]);
  });

  it('reports the model importing any package of ours, but not its own files or libraries', async () => {
    const found = await lintAs(
      'packages/model/layering-fixture.ts',
      [
        "import { SalesforceError } from '@partner-planning/localorg';",
        "import { loadForceApp } from './load';",
        "import { XMLParser } from 'fast-xml-parser';",
        'export const all = [SalesforceError, loadForceApp, XMLParser];',
      ].join('\n'),
    );
    expect(found).toEqual([expect.stringMatching(/:1: no-restricted-imports: .*imports none of our packages/)]);
  });

  it('reports the CLI builder importing any package of ours, and lets the org use it', async () => {
    const found = await lintAs(
      'packages/cli/layering-fixture.ts',
      [
        "import { connect } from '@partner-planning/jobs';",
        "import { startLocalOrg } from '@partner-planning/localorg';",
        "import { Command } from 'commander';",
        "import { Progress } from './progress';",
        'export const all = [connect, startLocalOrg, Command, Progress];',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(/:1: no-restricted-imports: .*CLI builder is a leaf/),
      expect.stringMatching(/:2: no-restricted-imports: .*CLI builder is a leaf/),
    ]);
    const org = "import { runProgram } from '@partner-planning/cli';\nexport const all = [runProgram];";
    expect(await lintAs('packages/localorg/layering-fixture.ts', org)).toEqual([]);
  });

  it("reports a package's internals imported by name or by a relative path, but not its public entry", async () => {
    const found = await lintAs(
      'packages/jobs/layering-fixture.ts',
      [
        "import { parseCsv } from '@partner-planning/localorg/bulk/csv';",
        "import { SalesforceError } from '../localorg/errors';",
        "import { startLocalOrg } from '@partner-planning/localorg';",
        "import { startAppServer } from '@partner-planning/app';",
        'export const all = [parseCsv, SalesforceError, startLocalOrg, startAppServer];',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(/:1: no-restricted-imports: .*never its internal files/),
      expect.stringMatching(/:2: import\/no-relative-packages: /),
      expect.stringMatching(/:4: no-restricted-imports: .*never imports the app/),
    ]);
  });

  it("allows the org's internal entry to the benchmark only", async () => {
    const code = "import { Storage } from '@partner-planning/localorg/internal';\nexport const all = [Storage];";
    expect(await lintAs('bench/layering-fixture.ts', code)).toEqual([]);
    expect(await lintAs('scripts/layering-fixture.ts', code)).toEqual([
      expect.stringMatching(/:1: no-restricted-imports: .*never its internal files/),
    ]);
  });

  it("reports the app's browser code importing node code", async () => {
    const found = await lintAs(
      'packages/app/platform/layering-fixture.ts',
      [
        "import { SalesforceError } from '@partner-planning/localorg';",
        "import { startAppServer } from '../server';",
        "import { query } from './api';",
        'export const all = [SalesforceError, startAppServer, query];',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(/:1: no-restricted-imports: .*The app's browser code never imports node code\.$/),
      expect.stringMatching(
        /:2: import\/no-restricted-paths: Unexpected path .* never imports node code \(the app server/,
      ),
    ]);
  });
});

describe('this repository', () => {
  it('has no import cycle and no forbidden import', async () => {
    const files = typeScriptFiles(['packages', 'scripts', 'bench', 'test']);
    const lint = layeringLint();
    const linted = await Promise.all(files.map(async (file) => ((await lint.isPathIgnored(file)) ? [] : [file])));
    const results = await lint.lintFiles(linted.flat());
    expect(problems(results)).toEqual([]);
  }, 180_000);
});
