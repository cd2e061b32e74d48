/**
 * What the scripts that work on an org share on the command line, on top of the project's command builder
 * (@partner-planning/cli: --help, --json, errors, exit codes, progress): the target-org and API version
 * options, a session on the org with the run's facts, and the --as-of date.
 */
import { type Command, Option } from 'commander';
import { commandProgram, Progress, type JsonOption } from '@partner-planning/cli';
import { connect, DEFAULT_API_VERSION, type OrgSession } from './connection';

// The seed and the rollup report their steps through it.
export { Progress } from '@partner-planning/cli';

export interface CommonOptions extends JsonOption {
  targetOrg?: string;
  apiVersion: string;
}

/** A command program with --target-org and --api-version besides --help and --json. */
export function scriptProgram(name: string, description: string): Command {
  return commandProgram(name, description)
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
    );
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
