/**
 * The CLI boundary of the scratch-org setup: the one place it starts other programs (the `sf` CLI and the
 * project's npm scripts). Every step goes through a CommandRunner, so a test replaces it and decides per
 * command whether to run the real program or answer as it would.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { REPO_ROOT } from '@partner-planning/model';

/** The programs the setup runs: the Salesforce CLI and npm (the project's scripts). */
export type CommandName = 'sf' | 'npm';

/** How a program ended: its exit code and everything it printed. */
export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with arguments in the project's root; resolves also when it exits non-zero. */
export type CommandRunner = (command: CommandName, args: readonly string[]) => Promise<CommandOutput>;

const BIN = join(REPO_ROOT, 'node_modules', '.bin');

/**
 * The real runner: spawns the program without a shell (arguments are never re-parsed), in the project's root,
 * with the project's node_modules/.bin first on PATH so `sf` is the CLI the project pins (a global one is used
 * when the project's is missing). `env` is added to the process's environment.
 */
export function spawnCommand(env: Record<string, string> = {}): CommandRunner {
  return (command, args) =>
    new Promise((resolve, reject) => {
      const child = spawn(command, [...args], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          PATH: existsSync(BIN) ? `${BIN}${delimiter}${process.env.PATH ?? ''}` : process.env.PATH,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'ENOENT'
            ? new Error(`\`${command}\` was not found: run \`npm install\` in the project (it installs the sf CLI).`)
            : error,
        ),
      );
      child.on('close', (code, signal) =>
        resolve({
          // A program ended by a signal has no exit code: count it as a failure.
          exitCode: code ?? (signal ? 1 : 0),
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        }),
      );
    });
}

/** What `sf ... --json` and the project's scripts with `--json` print: a status, and a result or an error. */
export interface JsonOutcome {
  exitCode: number;
  status: number;
  result: Record<string, unknown>;
  /** The error's name and message when the command failed (sf's `name`/`message`). */
  name?: string;
  message?: string;
  stderr: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Runs a command that prints one JSON object (sf with --json, our scripts with --json) and reads it. Output
 * that is not JSON (a crash before the command started) becomes a failure carrying the program's own text.
 */
export async function runJson(run: CommandRunner, command: CommandName, args: readonly string[]): Promise<JsonOutcome> {
  const output = await run(command, args);
  const start = output.stdout.indexOf('{');
  let parsed: unknown;
  try {
    parsed = start >= 0 ? JSON.parse(output.stdout.slice(start)) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed)) {
    const text = lastLines(`${output.stdout}\n${output.stderr}`);
    return {
      exitCode: output.exitCode === 0 ? 1 : output.exitCode,
      status: 1,
      result: {},
      name: 'UnreadableOutput',
      message: `\`${command} ${args.join(' ')}\` printed no JSON result${text ? `: ${text}` : ''}`,
      stderr: output.stderr,
    };
  }
  const status = typeof parsed.status === 'number' ? parsed.status : output.exitCode;
  return {
    exitCode: output.exitCode,
    status,
    result: isRecord(parsed.result) ? parsed.result : {},
    name: typeof parsed.name === 'string' ? parsed.name : undefined,
    message: typeof parsed.message === 'string' ? oneLine(parsed.message) : undefined,
    stderr: output.stderr,
  };
}

/**
 * An sf error message on one line: its lines trimmed and joined, without oclif's "See more help with --help"
 * (which would send the reader to sf's help rather than this command's).
 */
function oneLine(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== 'See more help with --help')
    .join(' ');
}

/** The last few non-empty lines of a program's output, for a failure message. */
export function lastLines(text: string, count = 5): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(-count)
    .join('\n');
}
