/** `npm run org` (tsx localorg/cli.ts): starts in the foreground, prints its details, stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Connection } from 'jsforce';
import { REPO_ROOT } from '../../packages/model';
import { API_VERSION, jsonObjectOf, orgDetailsOf } from '../support/localorg';

jest.setTimeout(60_000);

function startCli(args: string[]): { child: ReturnType<typeof spawn>; firstLine: Promise<string> } {
  const child = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(REPO_ROOT, 'packages', 'localorg', 'cli.ts'),
      ...args,
    ],
    {
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`org exited with ${code}`)));
  });
  return { child, firstLine };
}

it('runs with --json, serves jsforce, resets with --reset and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localorg-cli-'));
  try {
    writeFileSync(join(dir, 'stale.txt'), 'removed by --reset');
    const { child, firstLine } = startCli(['--port', '0', '--data', dir, '--json', '--reset']);
    const line = await firstLine;
    const details = jsonObjectOf(line, "the org CLI's --json line");
    expect(Object.keys(details).sort()).toEqual([
      'accessToken',
      'data',
      'instanceUrl',
      'password',
      'userId',
      'username',
    ]);
    expect(existsSync(join(dir, 'stale.txt'))).toBe(false);
    expect(existsSync(join(dir, 'org.sqlite'))).toBe(true);
    const conn = new Connection({ ...orgDetailsOf(line, "the org CLI's --json line"), version: API_VERSION });
    expect((await conn.sobject('Account').create({ Name: 'From the CLI' })).success).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('prints help', async () => {
  const { child } = startCli(['--help']);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(0);
  for (const option of ['--port', '--data', '--reset', '--json']) expect(out).toContain(option);
});

it('reports a failure to start in the one error format, as text or JSON, with exit code 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localorg-cli-'));
  try {
    // A data "folder" that is a file cannot be created.
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const outputOf = async (args: string[]): Promise<{ code: number | null; out: string; err: string }> => {
      const { child, firstLine } = startCli(args);
      // No details line comes: the exit is awaited below instead.
      firstLine.catch(() => undefined);
      let out = '';
      let err = '';
      child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { code, out, err };
    };
    const text = await outputOf(['--port', '0', '--data', file]);
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/^Error \(Error\): .*not-a-folder.*\n$/);
    const json = await outputOf(['--port', '0', '--data', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual({
      status: 1,
      name: 'Error',
      message: expect.stringContaining('not-a-folder'),
      exitCode: 1,
      warnings: [],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("serves another Salesforce DX project's schema with --project", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localorg-cli-project-'));
  try {
    const project = join(REPO_ROOT, 'test', 'fixtures', 'localorg-app');
    const { child, firstLine } = startCli(['--port', '0', '--data', dir, '--json', '--project', project]);
    const conn = new Connection({
      ...orgDetailsOf(await firstLine, "the org CLI's --json line"),
      version: API_VERSION,
    });
    const objects = (await conn.describeGlobal()).sobjects.map((s) => s.name);
    // The fixture's own objects, and none of this repository's.
    expect(objects).toEqual(expect.arrayContaining(['Plan__c', 'Section__c', 'Target__c']));
    expect(objects).not.toContain('Partner_Account_Plan__c');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
