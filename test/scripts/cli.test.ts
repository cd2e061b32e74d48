/**
 * The command lines: `--help` on every script, and bad input refused with a clear message (as sf-style JSON
 * with --json) and a non-zero exit code, before any org is contacted.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../packages/model';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

function run(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  // No target org, no SF_* variables: a script that tried to connect would fail differently.
  const env = { ...process.env, SF_INSTANCE_URL: '', SF_ACCESS_TOKEN: '' };
  const result = spawnSync(TSX, [join(REPO_ROOT, 'scripts', script), ...args], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('script command lines', () => {
  it.each([
    ['seed.ts', /--scale <scale>[\s\S]*--seed <n>[\s\S]*--bulk-threshold/],
    ['rollup.ts', /--plan <id>[\s\S]*--since <datetime>[\s\S]*--dry-run/],
    ['start.ts', /--port <port>[\s\S]*--scale <scale>/],
  ])('%s --help lists its options', (script, options) => {
    const result = run(script, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(options);
  });

  it('refuses an unknown scale as JSON, before connecting', () => {
    const result = run('seed.ts', ['--scale', 'huge', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 1,
      name: 'ScaleError',
      message: 'Unknown scale "huge": use small, medium, large or a partner count from 1 to 100000.',
    });
  });

  it('refuses a malformed plan Id with a readable message', () => {
    const result = run('rollup.ts', ['--plan', 'not-an-id']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Error (Error): --plan must be a record Id, not "not-an-id"\n');
  });
});
