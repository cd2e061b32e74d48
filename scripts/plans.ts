/**
 * `npm run plans`: a plan's year in bulk, on any org. `create` makes a fiscal year's plan for every partner of a
 * tier from the tier's plan template; `rollover` rolls every Active or Closed plan of the year before into the
 * next fiscal year, optionally carrying shortfalls; `advance` moves plans along by their dates and keeps their
 * review reminders. create and rollover are idempotent by external key: a second run creates nothing and
 * reports every partner as skipped, with why.
 *
 *   npm run plans -- create --tier Gold --fiscal-year 2027 --target-org local
 *   npm run plans -- rollover --fiscal-year 2027 --carry-shortfall --target-org local
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  commandProgram,
  runAction,
  runProgram,
  UsageError,
  type Progress,
  type ProgressStep,
} from '@partner-planning/cli';
import {
  advanceSummaryLines,
  asOfDate,
  plansSummaryLines,
  runPlanAdvance,
  runPlanCreate,
  runPlanRollover,
  scriptProgram,
  withOrgSession,
  type AdvanceReport,
  type CommonOptions,
  type PlansReport,
  type RunFacts,
} from '@partner-planning/jobs';

interface CreateCliOptions extends CommonOptions {
  tier?: string;
  fiscalYear?: number;
  template?: string;
  partner?: string;
  owner?: string;
  dryRun: boolean;
}

interface RolloverCliOptions extends CommonOptions {
  fiscalYear?: number;
  carryShortfall: boolean;
  partner?: string;
  dryRun: boolean;
}

interface AdvanceCliOptions extends CommonOptions {
  asOf?: string;
  dryRun: boolean;
}

type PlansResult = PlansReport & RunFacts & { exitCode: number };
type AdvanceResult = AdvanceReport & RunFacts & { exitCode: number };

/** Option parser: a fiscal year number as the org names it (2027 for FY2027). */
function fiscalYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || year < 1900 || year > 2999)
    throw new InvalidArgumentError('expected a fiscal year number like 2027 (as the org names it: FY2027)');
  return year;
}

/** The steps of a job as progress bars: each new step fills the one before. */
function stepper(progress: Progress): (step: string) => void {
  let current: ProgressStep | undefined;
  return (step) => {
    current?.done();
    current = progress.step(step, 1);
  };
}

const dryRunOption = (): Option =>
  new Option('--dry-run', 'print what would be created and write nothing').default(false);
const partnerOption = (): Option =>
  new Option('--partner <account>', 'one partner account only, by its Id or External_Key__c');
const fiscalYearOption = (what: string): Option => new Option('--fiscal-year <year>', what).argParser(fiscalYear);

/** --fiscal-year is required; checked here rather than by commander, which would name it before an unknown option. */
function requireFiscalYear(options: { fiscalYear?: number }): number {
  if (options.fiscalYear === undefined) throw new UsageError("required option '--fiscal-year <year>' not specified");
  return options.fiscalYear;
}

const printPlans = (result: PlansResult): void => {
  process.stdout.write(`${plansSummaryLines(result).join('\n')}\n`);
};

const create = scriptProgram(
  'create',
  "Create a fiscal year's plan for every partner account of a tier from the tier's plan template (idempotent).",
)
  .addOption(new Option('--tier <tier>', 'partner tier (Account Partner Tier): Platinum, Gold, Silver, Registered...'))
  .addOption(fiscalYearOption('the fiscal year to plan, as the org names it (2027 for FY2027)'))
  .addOption(
    new Option('--template <name>', "a Plan_Template__mdt DeveloperName instead of the tier's active template"),
  )
  .addOption(partnerOption())
  .addOption(new Option('--owner <username>', "the plans' owner instead of each partner account's owner"))
  .addOption(dryRunOption())
  .addHelpText(
    'after',
    `
Each plan is a Draft named "<partner> FY<year> Plan", dated by the org's fiscal calendar (custom fiscal years
too), with the template's review cadence, sections and targets: a year target per template target, split into
its quarters or months by the target's seasonal profile. Its key is PLAN-<account External_Key__c or Id>-FY<year>.
A partner that already has a plan for the year is skipped ("already has a plan for FY2027"); a plan an earlier
run left half-made (a refused section or target) is completed while it is still a Draft.

Examples:
  npm run plans -- create --tier Gold --fiscal-year 2027 --target-org local
  npm run plans -- create --tier Platinum --fiscal-year 2027 --target-org my-scratch --dry-run
  npm run plans -- create --partner ACC-0042 --fiscal-year 2027 --template Gold --owner pm@example.com --target-org local
  npm run plans -- create --tier Silver --fiscal-year 2027 --target-org local --json`,
  )
  .action(async (options: CreateCliOptions) => {
    const year = requireFiscalYear(options);
    if (!options.tier && !options.partner) throw new UsageError('pass --tier <tier> or --partner <account>');
    await runAction(
      options,
      () =>
        withOrgSession(options, async (session, progress) => {
          const report = await runPlanCreate(session, {
            fiscalYear: year,
            tier: options.tier,
            template: options.template,
            partner: options.partner,
            owner: options.owner,
            dryRun: options.dryRun,
            onStep: stepper(progress),
          });
          return { ...report, exitCode: report.failed > 0 ? 1 : 0 };
        }),
      printPlans,
    );
  });

const rollover = scriptProgram(
  'rollover',
  'Roll every Active or Closed plan of the fiscal year before into the next fiscal year, as Drafts (idempotent).',
)
  .addOption(fiscalYearOption('the fiscal year to create (2027 rolls FY2026 plans into FY2027)'))
  .addOption(
    new Option(
      '--carry-shortfall',
      "add each target's shortfall (target minus actual, for cumulative higher-is-better metrics) to the new target, recorded in Carried Shortfall",
    ).default(false),
  )
  .addOption(partnerOption())
  .addOption(dryRunOption())
  .addHelpText(
    'after',
    `
The new plan keeps the owner, partner, narrative, sections, summaries, targets, weights and accountable people
(left blank, and reported, when the user is no longer active); every target is re-dated to the same quarter or
month of the new fiscal year by the org's calendar. The new plan and targets point back to the old ones
(Previous Plan, Previous Target). A year target split into parts carries its own shortfall, spread over its parts
in proportion to their values. Plans in other statuses are skipped with their status as the reason; a partner
that already has a plan for the year is skipped.

Examples:
  npm run plans -- rollover --fiscal-year 2027 --target-org local
  npm run plans -- rollover --fiscal-year 2027 --carry-shortfall --target-org my-scratch --dry-run
  npm run plans -- rollover --fiscal-year 2027 --partner ACC-0042 --target-org local --json`,
  )
  .action(async (options: RolloverCliOptions) => {
    const year = requireFiscalYear(options);
    await runAction(
      options,
      () =>
        withOrgSession(options, async (session, progress) => {
          const report = await runPlanRollover(session, {
            fiscalYear: year,
            carryShortfall: options.carryShortfall,
            partner: options.partner,
            dryRun: options.dryRun,
            onStep: stepper(progress),
          });
          return { ...report, exitCode: report.failed > 0 ? 1 : 0 };
        }),
      printPlans,
    );
  });

const advance = scriptProgram(
  'advance',
  'Activate Accepted plans whose period started, close Active plans whose period ended, and create review reminders.',
)
  .addOption(new Option('--as-of <date>', 'the day the job runs for, YYYY-MM-DD (default: today)'))
  .addOption(new Option('--dry-run', 'print what would change and write nothing').default(false))
  .addHelpText(
    'after',
    `
Examples:
  npm run plans -- advance --target-org local
  npm run plans -- advance --target-org my-scratch --as-of 2027-01-01 --dry-run
  npm run plans -- advance --target-org local --json`,
  )
  .action(async (options: AdvanceCliOptions) => {
    const asOf = asOfDate(options.asOf);
    await runAction(
      options,
      () =>
        withOrgSession(options, async (session, progress) => {
          const report = await runPlanAdvance(session, { asOf, dryRun: options.dryRun, onStep: stepper(progress) });
          return { ...report, exitCode: report.failures.length > 0 ? 1 : 0 };
        }),
      (result: AdvanceResult) => {
        const lines = [
          ...advanceSummaryLines(result),
          `Org: ${result.org}; ${result.seconds}s; API requests: ${result.apiRequests}.`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      },
    );
  });

const program: Command = commandProgram(
  'plans',
  "A plan's year in bulk: create plans from templates, roll plans over to the next fiscal year, advance them by their dates.",
)
  .addCommand(create)
  .addCommand(rollover)
  .addCommand(advance)
  .argument('[command]')
  .usage('<command> [options]')
  .enablePositionalOptions()
  .action((command?: string) => {
    const problem = command ? `unknown command "${command}"` : 'no command';
    throw new UsageError(`${problem}: name one of create, rollover, advance`);
  })
  .addHelpText(
    'after',
    `
Run "npm run plans -- <command> --help" for a command's options.

Examples:
  npm run plans -- create --tier Gold --fiscal-year 2027 --target-org local
  npm run plans -- rollover --fiscal-year 2027 --carry-shortfall --target-org local
  npm run plans -- advance --target-org local`,
  );

void runProgram(program);
