/**
 * The local org's CLI (`npm run org`) as a child process, for tests of its options: runs until its first line
 * (the connection details with `--json`), or until it exits when it refuses to start.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../../packages/model';

export interface OrgCliRun {
  /** The first line it printed, when it started. */
  line?: string;
  stderr: string;
  /** The exit code, when it stopped before printing a line. */
  code?: number | null;
  stop(): Promise<void>;
}

/** Runs the org CLI until its first line; returns that line, what it wrote to stderr and a stop function. */
export async function runOrgCli(args: string[]): Promise<OrgCliRun> {
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
