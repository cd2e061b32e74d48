/**
 * The lint layering rules (eslint.config.js: import/no-cycle and import/no-restricted-paths) report a cycle
 * and each kind of forbidden import on broken fixtures, and the real tree has none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../../model';
import { FIXTURES } from '../support/project';

const LAYERING_RULES = new Set(['import/no-cycle', 'import/no-restricted-paths']);

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
  const lint = layeringLint({ rules: new Set(['import/no-restricted-paths']) });
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

  it('reports the org importing the app, the scripts or the benchmark', async () => {
    const found = await lintAs(
      'localorg/layering-fixture.ts',
      [
        "import { startAppServer } from '../app/server';",
        "import { connect } from '../scripts/lib/connection';",
        "import { loadOpportunities } from '../bench/localorg';",
        'export const all = [startAppServer, connect, loadOpportunities];',
      ].join('\n'),
    );
    expect(found).toHaveLength(3);
    for (const line of found) expect(line).toMatch(/import\/no-restricted-paths: .*The local org is a library/);
  });

  it('reports the model importing our code outside model/, but not its own files or packages', async () => {
    const found = await lintAs(
      'model/layering-fixture.ts',
      [
        "import { SalesforceError } from '../localorg/errors';",
        "import { loadForceApp } from './load';",
        "import { XMLParser } from 'fast-xml-parser';",
        'export const all = [SalesforceError, loadForceApp, XMLParser];',
      ].join('\n'),
    );
    expect(found).toEqual([expect.stringMatching(/:1: import\/no-restricted-paths: .*imports nothing of ours/)]);
  });

  it("reports the job library importing the org's internals, but not the org's entry point", async () => {
    const found = await lintAs(
      'scripts/lib/layering-fixture.ts',
      [
        "import { parseCsv } from '../../localorg/bulk/csv';",
        "import { startLocalOrg } from '../../localorg/server';",
        'export const all = [parseCsv, startLocalOrg];',
      ].join('\n'),
    );
    expect(found).toEqual([expect.stringMatching(/:1: import\/no-restricted-paths: .*local org's internals/)]);
  });

  it("reports the app's browser code importing node code", async () => {
    const found = await lintAs(
      'app/platform/layering-fixture.ts',
      [
        "import { SalesforceError } from '../../localorg/errors';",
        "import { startAppServer } from '../server';",
        "import { query } from './api';",
        'export const all = [SalesforceError, startAppServer, query];',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /:1: import\/no-restricted-paths: Unexpected path .* The app's browser code never imports node code\.$/,
      ),
      expect.stringMatching(
        /:2: import\/no-restricted-paths: Unexpected path .* never imports node code \(the app server/,
      ),
    ]);
  });
});

describe('this repository', () => {
  it('has no import cycle and no forbidden import', async () => {
    const files = typeScriptFiles(['localorg', 'model', 'scripts', 'app', 'bench', 'test']);
    const lint = layeringLint();
    const linted = await Promise.all(files.map(async (file) => ((await lint.isPathIgnored(file)) ? [] : [file])));
    const results = await lint.lintFiles(linted.flat());
    expect(problems(results)).toEqual([]);
  }, 180_000);
});
