/**
 * `npm run seed`: loads realistic, deterministic partner-planning data into an org.
 *
 *   npm run seed -- --target-org local --scale small --seed 42
 */
import { Option } from 'commander';
import { runAction, runProgram } from '@partner-planning/cli';
import {
  asOfDate,
  scriptProgram,
  withOrgSession,
  type CommonOptions,
  type RunFacts,
  DEFAULT_BULK_THRESHOLD,
  type SeedReport,
} from '@partner-planning/jobs';
import { runSeed, parseScale } from '@partner-planning/jobs';

interface SeedOptions extends CommonOptions {
  scale: string;
  seed: string;
  asOf?: string;
  chunk: string;
  bulkThreshold: string;
}

interface SeedResult extends SeedReport, RunFacts {
  exitCode: number;
  scale: string;
  seed: number;
  asOf: string;
}

const program = scriptProgram('seed', 'Load realistic, deterministic partner-planning data into an org (idempotent).')
  .addOption(
    new Option(
      '-s, --scale <scale>',
      'small (~10 partners), medium (~100), large (~2000, a million opportunities) or a partner count',
    ).default('small'),
  )
  .addOption(new Option('--seed <n>', 'random seed: the same seed gives the same data').default('42'))
  .addOption(new Option('--as-of <date>', 'the day the data is placed around, YYYY-MM-DD (default: today)'))
  .addOption(
    new Option(
      '--chunk <partners>',
      'partners whose opportunities and actions are generated and loaded together',
    ).default('50'),
  )
  .addOption(
    new Option(
      '--bulk-threshold <n>',
      'load levels of more records than this through Bulk API 2.0 (0: always use sObject Collections)',
    ).default(String(DEFAULT_BULK_THRESHOLD)),
  )
  .addHelpText(
    'after',
    `
Examples:
  npm run seed -- --target-org local
  npm run seed -- --target-org my-scratch --scale medium --seed 7
  npm run seed -- --target-org local --scale large --json`,
  );

async function seed(options: SeedOptions): Promise<SeedResult> {
  // Validate everything the user typed before touching the org.
  const scale = parseScale(options.scale);
  if (!/^\d+$/.test(options.seed)) throw new Error(`--seed must be a whole number, not "${options.seed}"`);
  const asOf = asOfDate(options.asOf);
  if (!/^\d+$/.test(options.chunk) || Number(options.chunk) < 1)
    throw new Error(`--chunk must be a positive whole number`);
  if (!/^\d+$/.test(options.bulkThreshold))
    throw new Error(`--bulk-threshold must be a whole number, not "${options.bulkThreshold}"`);
  return withOrgSession(options, async (session, progress) => {
    const report = await runSeed(session, {
      scale,
      seed: Number(options.seed),
      asOf,
      partnersPerChunk: Number(options.chunk),
      progress,
      bulkThreshold: Number(options.bulkThreshold),
    });
    return {
      ...report,
      exitCode: report.failures.length > 0 ? 1 : 0,
      scale: scale.name,
      seed: Number(options.seed),
      asOf,
    };
  });
}

function printSummary(result: SeedResult): void {
  const lines = [
    `Seeded ${result.org}: scale ${result.scale}, seed ${result.seed}, as of ${result.asOf}, in ${result.seconds}s.`,
    `Users: ${result.users.created} created, ${result.users.existing} existing, ${result.users.substituted} played by the running user; ${result.users.permissionSetsAssigned} permission set assignment(s).`,
    ...result.users.notes.map((n) => `  note: ${n}`),
    `Partner users: ${result.partnerUsers.created} created, ${result.partnerUsers.existing} existing, ${result.partnerUsers.skipped} skipped (Partner Community licences); ${result.partnerUsers.permissionSetsAssigned} Partner_User assignment(s).`,
    ...result.notes.map((n) => `note: ${n}`),
    ...Object.entries(result.objects).map(
      ([sobject, s]) =>
        `${sobject.padEnd(24)} ${String(s.created).padStart(8)} created ${String(s.updated).padStart(8)} updated ${String(s.failed).padStart(6)} failed${s.unchanged ? ` ${s.unchanged} found unchanged` : ''}`,
    ),
    `API requests: ${result.apiRequests}${result.apiUsage ? ` (org usage ${result.apiUsage.used}/${result.apiUsage.limit} today)` : ''}.`,
  ];
  for (const failure of result.failures.slice(0, 20)) {
    lines.push(
      `  FAILED ${failure.sobject} ${failure.record}: ${failure.errorCode} ${failure.message}${failure.fields.length ? ` [${failure.fields.join(', ')}]` : ''}`,
    );
  }
  if (result.failures.length > 20)
    lines.push(`  ... and ${result.failures.length - 20} more failures (use --json for all).`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

program.action(async (options: SeedOptions) => {
  await runAction(options, () => seed(options), printSummary);
});

void runProgram(program);
