/**
 * `npm run setup:scratch`: a ready scratch org in one command. Creates the scratch org (or reuses the one the
 * alias names), builds and deploys force-app (which activates the record pages as the app's defaults), assigns
 * the admin's permission sets, publishes the partner portal, gives the admin a role (a partner account's owner
 * needs one), seeds demo data, syncs plan access, runs the rollup, advances plans by their dates and prints the login URL.
 * Each step is reported; a failure names the step, the command's message and what to do; rerunning is safe.
 *
 *   npm run setup:scratch -- --alias pap --dev-hub devhub --scale small
 */
import { InvalidArgumentError, Option } from 'commander';
import { commandProgram, runAction, runProgram, type JsonOption } from '@partner-planning/cli';
import { parseScale } from '@partner-planning/jobs';
import { runScratchSetup, spawnCommand, type ScratchSetupReport, type StepReport } from './setup-scratch/run';

interface SetupOptions extends JsonOption {
  alias: string;
  devHub?: string;
  scale: string;
  durationDays: number;
  setDefault: boolean;
}

interface SetupResult extends ScratchSetupReport {
  exitCode: number;
}

/** sf accepts 1 to 30 days for a scratch org. */
function durationDays(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 30) throw new InvalidArgumentError('expected a whole number of days, 1-30');
  return n;
}

/** An sf alias: letters, digits and . _ - (no spaces, nothing a shell or sf would read differently). */
function alias(text: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text))
    throw new InvalidArgumentError('expected an alias of letters, digits, ".", "_" and "-"');
  return text;
}

const program = commandProgram(
  'setup:scratch',
  'Create (or reuse) a scratch org and make it ready: deploy, permission sets, record pages, partner portal, admin role, demo data, access, rollup, plans advanced by date.',
)
  .addOption(
    new Option('-a, --alias <alias>', 'alias of the scratch org: reused when it exists')
      .argParser(alias)
      .makeOptionMandatory(),
  )
  .addOption(new Option('-v, --dev-hub <hub>', 'Dev Hub alias or username (default: the sf default Dev Hub)'))
  .addOption(
    new Option('-s, --scale <scale>', 'demo data: small (~10 partners), medium (~100) or a partner count').default(
      'small',
    ),
  )
  .addOption(
    new Option('--duration-days <days>', 'days until a new scratch org expires (1-30)')
      .default(7)
      .argParser(durationDays),
  )
  .addOption(new Option('--set-default', 'make a new scratch org the sf default org').default(false))
  .addHelpText(
    'after',
    `
Steps: scratch org, build, deploy, permission sets (Partner_Planning_Admin and Partner_Planning_Rollup for
you), record page activation (deployed as the Partner Planning app's defaults), seed, plan access, rollup, plans advanced by their dates,
login URL. Rerunning with the same alias reuses the org and repeats the rest safely.

Examples:
  npm run setup:scratch -- --alias pap
  npm run setup:scratch -- --alias pap --dev-hub devhub --scale medium --json`,
  );

const icon: Record<StepReport['status'], string> = {
  done: 'done',
  reused: 'reused',
  skipped: 'skipped',
  failed: 'FAILED',
  'not run': 'not run',
};

function printSummary(result: SetupResult): void {
  const lines: string[] = [];
  const failed = result.steps.find((s) => s.status === 'failed');
  if (failed?.failure) {
    lines.push(
      `Setup of ${result.alias} stopped at "${failed.title}" (exit code ${failed.failure.exitCode}).`,
      `  command:    ${failed.failure.command || '(none)'}`,
      `  message:    ${failed.failure.message.split('\n').join('\n              ')}`,
      `  what to do: ${failed.failure.hint}`,
      `Rerun \`npm run setup:scratch -- --alias ${result.alias}\` afterwards: finished steps are safe to repeat.`,
    );
  } else {
    lines.push(
      `Scratch org ${result.alias} is ready in ${result.seconds}s${result.username ? ` (${result.username})` : ''}.`,
      `Log in: ${result.loginUrl ?? `sf org open --target-org ${result.alias}`}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

program.action(async (options: SetupOptions) => {
  // Validate what the user typed before anything runs.
  parseScale(options.scale);
  const log = (line: string): void => {
    if (!options.json) process.stdout.write(`${line}\n`);
  };
  await runAction(
    options,
    async (): Promise<SetupResult> => {
      const report = await runScratchSetup(
        {
          alias: options.alias,
          devHub: options.devHub,
          scale: options.scale,
          durationDays: options.durationDays,
          setDefault: options.setDefault,
        },
        spawnCommand(),
        {
          started: (i, total, step) => log(`[${i}/${total}] ${step.title}...`),
          finished: (_i, _total, step) =>
            log(`      ${icon[step.status]} (${step.seconds}s)${step.detail ? `: ${step.detail.split('\n')[0]}` : ''}`),
        },
      );
      return { ...report, exitCode: report.failedStep ? 1 : 0 };
    },
    printSummary,
  );
});

void runProgram(program);
