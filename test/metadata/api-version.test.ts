/**
 * sfdx-project.json is the one source of the API version: it is read with a clear error when missing or
 * malformed, and no hand-written source hard-codes it (this repository passes; a broken project is caught).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { API_VERSION, API_VERSION_MAJOR, readApiVersion, REPO_ROOT } from '../../packages/model';
import { checkApiVersionLiterals } from '../../packages/model/checks';
import { MAX_API_VERSION } from '../../packages/localorg/server';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'api-version-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes files (path relative to the temp project → content). */
function write(files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

describe('the API version', () => {
  it("is sfdx-project.json's sourceApiVersion, and the newest version the local org serves", () => {
    expect(API_VERSION).toMatch(/^\d+\.0$/);
    expect(API_VERSION_MAJOR).toBe(Number.parseInt(API_VERSION, 10));
    expect(MAX_API_VERSION).toBe(API_VERSION_MAJOR);
  });

  it('is refused with a message naming the file when sfdx-project.json is missing or malformed', () => {
    expect(() => readApiVersion(root)).toThrow(/sfdx-project\.json is missing/);
    write({ 'sfdx-project.json': '{ not json' });
    expect(() => readApiVersion(root)).toThrow(/sfdx-project\.json is not valid JSON/);
    for (const bad of [{}, { sourceApiVersion: 61 }, { sourceApiVersion: '61' }, { sourceApiVersion: 'v61.0' }]) {
      write({ 'sfdx-project.json': JSON.stringify(bad) });
      expect(() => readApiVersion(root)).toThrow(/sourceApiVersion must be a string like "60\.0"/);
    }
    write({ 'sfdx-project.json': JSON.stringify({ sourceApiVersion: '61.0' }) });
    expect(readApiVersion(root)).toBe('61.0');
  });
});

describe('hard-coded API versions', () => {
  it('appear in no hand-written source of this repository', () => {
    expect(checkApiVersionLiterals(REPO_ROOT)).toEqual([]);
  });

  it('are reported with file and line on a broken project; metadata XML and built files are not read', () => {
    write({
      'sfdx-project.json': JSON.stringify({ sourceApiVersion: '61.0' }),
      // The offenders: a quoted version and a REST path.
      'scripts/bad.ts': "export const version = '61.0';\n",
      'test/bad.test.js': 'const ok = 1;\nfetch(`/services/data/v61.0/sobjects`);\n',
      // Allowed: other numbers, metadata XML, generated and built code, compiled component .js.
      'scripts/fine.ts': "const other = ['161.0', '61.05', '1.61.0', '60.0'];\n",
      'force-app/main/default/classes/A.cls-meta.xml': '<apiVersion>61.0</apiVersion>\n',
      'force-app/main/default/lwc/c/c.ts': 'export default 1;\n',
      'force-app/main/default/lwc/c/c.js': "const v = '61.0';\n",
      'generated/labels/x.js': "const v = '61.0';\n",
      'packages/app/dist/app.js': "const v = '61.0';\n",
      'node_modules/pkg/index.js': "const v = '61.0';\n",
    });
    expect(checkApiVersionLiterals(root)).toEqual([
      {
        file: join('scripts', 'bad.ts'),
        message: 'line 1 hard-codes the API version "61.0": use API_VERSION (from sfdx-project.json)',
      },
      {
        file: join('test', 'bad.test.js'),
        message: 'line 2 hard-codes the API version "v61.0": use API_VERSION (from sfdx-project.json)',
      },
    ]);
  });
});
