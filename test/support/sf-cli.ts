/**
 * The real Salesforce CLI (the project's node_modules/.bin/sf) run against a local org as a developer runs
 * it, but isolated: its own HOME (its auth files never touch ~/.sf), no telemetry, update checks, colours or
 * spinners. The one place every test that drives `sf` gets it from.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../packages/model';

const execute = promisify(execFile);
const BIN = join(REPO_ROOT, 'node_modules', '.bin');

export interface SfRun {
  code: number;
  stdout: string;
}

/** What `sf ... --json` prints: a status, and a result or the error's name and message. */
export type SfJson<R = Record<string, unknown>> = { status: number; result: R } & Record<string, unknown>;

export class SfCli {
  /** The CLI's HOME, a fresh folder removed by close(). */
  readonly home = mkdtempSync(join(tmpdir(), 'localorg-sf-home-'));

  /** `cwd`: the working folder (default the repository; 'home' runs it in its HOME, where it writes files). */
  constructor(private readonly options: { cwd?: string | 'home'; timeoutMs?: number } = {}) {}

  /** Runs `sf`; resolves to its exit code and output, also when it exits non-zero. */
  async run(args: string[], env: Record<string, string> = {}): Promise<SfRun> {
    const cwd = this.options.cwd === 'home' ? this.home : (this.options.cwd ?? REPO_ROOT);
    const options = {
      cwd,
      env: {
        PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}`,
        HOME: this.home,
        SF_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        FORCE_COLOR: '0',
        NO_COLOR: '1',
        ...env,
      },
      maxBuffer: 10 * 1024 * 1024,
      timeout: this.options.timeoutMs ?? 120_000,
    };
    try {
      return { code: 0, stdout: (await execute(join(BIN, 'sf'), args, options)).stdout };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string };
      if (failed.stdout === undefined || failed.stdout === '') throw error;
      return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout };
    }
  }

  /** Runs `sf ... --json` and parses what it prints, also when it exits non-zero. */
  async json<R = Record<string, unknown>>(args: string[], env: Record<string, string> = {}): Promise<SfJson<R>> {
    const { stdout } = await this.run([...args, '--json'], env);
    return JSON.parse(stdout) as SfJson<R>;
  }

  /** `sf org login access-token` as the org's admin, under `alias`. */
  login(org: { instanceUrl: string; accessToken: string }, alias = 'localorg'): Promise<SfJson> {
    return this.json(
      ['org', 'login', 'access-token', '--instance-url', org.instanceUrl, '--alias', alias, '--no-prompt'],
      {
        SF_ACCESS_TOKEN: org.accessToken,
      },
    );
  }

  close(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}
