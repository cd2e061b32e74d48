/**
 * What every script shares on the command line: the target-org options, `--json` output shaped like the
 * sf CLI's (`{ status, result, warnings }`), progress bars for long steps, and clean failure reporting.
 */
import { Command, Option } from 'commander';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { connect, DEFAULT_API_VERSION, type OrgSession } from './connection';

export interface CommonOptions {
  targetOrg?: string;
  apiVersion: string;
  json: boolean;
}

/** A commander program with --target-org, --api-version and --json. */
export function scriptProgram(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .addOption(
      new Option(
        '-o, --target-org <org>',
        'org to use: "local" for the local org, or an sf CLI alias or username (default: SF_INSTANCE_URL/SF_ACCESS_TOKEN, else the sf default org)',
      ),
    )
    .addOption(
      new Option('--api-version <version>', 'REST API version').default(
        DEFAULT_API_VERSION,
        `${DEFAULT_API_VERSION}, the project's in sfdx-project.json`,
      ),
    )
    .addOption(new Option('--json', 'print one JSON result object, like sf commands').default(false))
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
}

/** Progress for long steps: bars on a terminal, nothing in --json mode or when output is piped. */
export class Progress {
  private readonly bars: MultiBar | undefined;

  constructor(enabled: boolean) {
    this.bars =
      enabled && process.stderr.isTTY
        ? new MultiBar(
            {
              format: ' {bar} {percentage}% | {value}/{total} | {step}',
              hideCursor: true,
              clearOnComplete: false,
              stream: process.stderr,
            },
            Presets.shades_classic,
          )
        : undefined;
  }

  /** A bar for one step; returns a tick function. */
  step(label: string, total: number): { tick: (n: number) => void; done: () => void } {
    const bar: SingleBar | undefined = this.bars?.create(Math.max(total, 1), 0, { step: label });
    return {
      tick: (n) => bar?.increment(n),
      done: () => bar?.update(Math.max(total, 1)),
    };
  }

  /** Prints a line without breaking the bars. */
  log(line: string): void {
    if (this.bars) this.bars.log(`${line}\n`);
  }

  stop(): void {
    this.bars?.stop();
  }
}

/** Runs a script body and prints its result (or error) as text or sf-style JSON; sets the exit code. */
export async function runScript<T extends { exitCode: number }>(
  options: CommonOptions,
  body: () => Promise<T>,
  printText: (result: T) => void,
): Promise<void> {
  try {
    const result = await body();
    if (options.json) {
      const { exitCode, ...rest } = result;
      process.stdout.write(`${JSON.stringify({ status: exitCode, result: rest, warnings: [] }, null, 2)}\n`);
    } else {
      printText(result);
    }
    process.exitCode = result.exitCode;
  } catch (error) {
    const e = error as Error;
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ status: 1, name: e.name, message: e.message, exitCode: 1, warnings: [] }, null, 2)}\n`,
      );
    } else {
      process.stderr.write(`Error (${e.name}): ${e.message}\n`);
    }
    process.exitCode = 1;
  }
}

/** What every script reports about its run, besides its own result. */
export interface RunFacts {
  org: string;
  apiRequests: number;
  apiUsage?: { used: number; limit: number };
  seconds: number;
}

/** Validates a --as-of value (default today, UTC) before anything touches the org. */
export function asOfDate(text: string | undefined): string {
  const asOf = text ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new Error(`--as-of must be a date like 2026-11-25, not "${asOf}"`);
  }
  return asOf;
}

/**
 * Opens a session on the target org, runs the script body with progress bars, and adds the run's facts
 * (which org, API requests used, seconds). Always closes the session, also on failure.
 */
export async function withOrgSession<T>(
  options: CommonOptions,
  body: (session: OrgSession, progress: Progress) => Promise<T>,
): Promise<T & RunFacts> {
  const started = Date.now();
  const session = await connect({ targetOrg: options.targetOrg, apiVersion: options.apiVersion });
  const progress = new Progress(!options.json);
  try {
    const result = await body(session, progress);
    return {
      ...result,
      org: session.description,
      apiRequests: session.requestCount(),
      apiUsage: session.apiUsage(),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    progress.stop();
    await session.close();
  }
}
