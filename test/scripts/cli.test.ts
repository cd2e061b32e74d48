/**
 * The command lines: `--help` on every script, and bad input refused with a clear message (as sf-style JSON
 * with --json) and a non-zero exit code, before any org is contacted. Every command of the project (the
 * scripts, the org, the benchmark, the builds) is built with @partner-planning/cli, so each answers --help
 * and a bad option the same way.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../packages/model';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

// Each case starts tsx (a few seconds, more on a busy machine).
jest.setTimeout(120_000);

/** Runs a command (a .ts path from the project root) with tsx. */
function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  // No target org, no SF_* variables: a script that tried to connect would fail differently.
  const env = { ...process.env, SF_INSTANCE_URL: '', SF_ACCESS_TOKEN: '' };
  const result = spawnSync(TSX, [join(REPO_ROOT, command), ...args], {
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
    const result = run(join('scripts', script), ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(options);
  });

  it('refuses an unknown scale as JSON, before connecting', () => {
    const result = run('scripts/seed.ts', ['--scale', 'huge', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 1,
      name: 'ScaleError',
      message: 'Unknown scale "huge": use small, medium, large or a partner count from 1 to 100000.',
    });
  });

  it('refuses a malformed plan Id with a readable message', () => {
    const result = run('scripts/rollup.ts', ['--plan', 'not-an-id']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Error (Error): --plan must be a record Id, not "not-an-id"\n');
  });
});

describe('every command answers the same way', () => {
  const COMMANDS: [command: string, name: string][] = [
    ['scripts/seed.ts', 'seed'],
    ['scripts/rollup.ts', 'rollup'],
    ['scripts/access.ts', 'access'],
    ['scripts/start.ts', 'start'],
    ['scripts/build-components.ts', 'build'],
    ['scripts/check-node.ts', 'check-node'],
    ['packages/localorg/cli.ts', 'org'],
    ['packages/app/build.ts', 'app:build'],
    ['bench/run.ts', 'bench'],
  ];

  it.each(COMMANDS)('%s --help prints its usage with --json and exits 0', (command, name) => {
    const result = run(command, ['--help']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Usage: ${name} \\[options\\]\\n`));
    expect(result.stdout).toMatch(/\n {2}--json +\S/);
    expect(result.stdout).toMatch(/\n {2}-h, --help +display help for command\n/);
  });

  it.each(COMMANDS)('%s refuses an unknown option as a usage error (exit 2), in text and JSON', (command) => {
    const text = run(command, ['--no-such-option']);
    expect(text).toEqual({
      status: 2,
      stdout: '',
      stderr: "Error (UsageError): unknown option '--no-such-option'\nSee more help with --help\n",
    });
    const json = run(command, ['--no-such-option', '--json']);
    expect(json.status).toBe(2);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({
      status: 2,
      name: 'UsageError',
      message: "unknown option '--no-such-option'",
      exitCode: 2,
      warnings: [],
    });
  });

  it('refuses an invalid port the same way in the org and in start', () => {
    for (const command of ['packages/localorg/cli.ts', 'scripts/start.ts']) {
      const result = run(command, ['--port', '70000', '--json']);
      expect(result.status).toBe(2);
      expect(JSON.parse(result.stdout)).toMatchObject({
        status: 2,
        name: 'UsageError',
        message: "option '--port <port>' argument '70000' is invalid. expected a port number 0-65535",
      });
    }
  });
});
