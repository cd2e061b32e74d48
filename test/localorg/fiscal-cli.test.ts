/** `npm run org -- --fiscal-year-start-month 4 --fiscal-year-name start`: kept by the data folder for later starts. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Connection } from 'jsforce';
import { REPO_ROOT } from '../../packages/model';
import { API_VERSION, orgDetailsOf } from '../support/localorg';

jest.setTimeout(60_000);

/** Runs the org CLI until its first line; returns that line, what it wrote to stderr and a stop function. */
async function runCli(
  args: string[],
): Promise<{ line?: string; stderr: string; code?: number | null; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(REPO_ROOT, 'packages', 'localorg', 'cli.ts'),
      ...args,
    ],
    { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const first = await Promise.race([
    new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve)),
    exited.then((code) => ({ code })),
  ]);
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await exited;
  };
  return typeof first === 'string' ? { line: first, stderr, stop } : { stderr, code: first.code, stop };
}

async function organization(line: string): Promise<Record<string, unknown>> {
  const conn = new Connection({ ...orgDetailsOf(line, 'the org CLI line'), version: API_VERSION });
  const result = await conn.query<Record<string, unknown>>(
    'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization',
  );
  return result.records[0];
}

it('sets the fiscal year start and naming, and keeps them in the data folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localorg-fiscal-'));
  try {
    const first = await runCli([
      '--port',
      '0',
      '--data',
      dir,
      '--json',
      '--fiscal-year-start-month',
      '4',
      '--fiscal-year-name',
      'start',
    ]);
    expect(await organization(first.line ?? '')).toMatchObject({
      FiscalYearStartMonth: 4,
      UsesStartDateAsFiscalYearName: true,
    });
    await first.stop();
    const again = await runCli(['--port', '0', '--data', dir, '--json']);
    expect(await organization(again.line ?? '')).toMatchObject({
      FiscalYearStartMonth: 4,
      UsesStartDateAsFiscalYearName: true,
    });
    await again.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('refuses a naming other than start or end', async () => {
  const run = await runCli(['--port', '0', '--data', ':memory:', '--fiscal-year-name', 'middle']);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain("expected 'start' or 'end'");
});
