/**
 * `npm run rollup`: computes every target's actual from the metric catalog, with pace and attainment,
 * weighted attainment of sections and plans, and APR counters on opportunities; writes only what changed.
 *
 *   npm run rollup -- --target-org local
 */
import { Option } from 'commander';
import { runAction, runProgram } from '@partner-planning/cli';
import {
  asOfDate,
  scriptProgram,
  withOrgSession,
  type CommonOptions,
  type RunFacts,
  runRollup,
  type RollupReport,
} from '@partner-planning/jobs';

interface RollupCliOptions extends CommonOptions {
  plan?: string;
  since?: string;
  dryRun: boolean;
  asOf?: string;
}

interface RollupResult extends RollupReport, RunFacts {
  exitCode: number;
  asOf: string;
  dryRun: boolean;
}

const program = scriptProgram(
  'rollup',
  'Compute target actuals, pace and attainment from the metric catalog; write only what changed.',
)
  .addOption(new Option('--plan <id>', 'roll up one plan only'))
  .addOption(
    new Option(
      '--since <datetime>',
      'only plans whose targets, sections or source records changed since then (ISO datetime)',
    ),
  )
  .addOption(new Option('--dry-run', 'print what would change and write nothing').default(false))
  .addOption(new Option('--as-of <date>', 'the day pace is measured on, YYYY-MM-DD (default: today)'))
  .addHelpText(
    'after',
    `
Examples:
  npm run rollup -- --target-org local
  npm run rollup -- --target-org my-scratch --dry-run
  npm run rollup -- --target-org local --plan a5B0000000001AAA --json`,
  );

async function rollup(options: RollupCliOptions): Promise<RollupResult> {
  const asOf = asOfDate(options.asOf);
  if (options.plan && !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(options.plan))
    throw new Error(`--plan must be a record Id, not "${options.plan}"`);
  if (options.plan && options.since) throw new Error('Use either --plan or --since, not both.');
  return withOrgSession(options, async (session, progress) => {
    const report = await runRollup(session, {
      asOf,
      planId: options.plan,
      since: options.since,
      dryRun: options.dryRun,
      now: new Date().toISOString(),
      onStep: (step, total) => progress.step(step, total),
    });
    const failedMetrics = report.metrics.filter((m) => m.error).length;
    return {
      ...report,
      exitCode: failedMetrics > 0 || report.failures.length > 0 ? 1 : 0,
      asOf,
      dryRun: options.dryRun,
    };
  });
}

function printSummary(result: RollupResult): void {
  const lines = [
    `Rolled up ${result.org} as of ${result.asOf} in ${result.seconds}s${result.dryRun ? ' (dry run: nothing written)' : ''}.`,
    `Read ${result.read.targets} targets, ${result.read.sections} sections, ${result.read.plans} plans, ${result.read.opportunities} opportunities with APR actions.`,
    ...Object.keys(result.changed).map(
      (sobject) =>
        `${sobject.padEnd(24)} ${String(result.changed[sobject]).padStart(7)} changed ${String(result.written[sobject]).padStart(7)} written`,
    ),
    `Metrics: ${result.metrics.filter((m) => !m.error).length} computed, ${result.metrics.filter((m) => m.error).length} failed; ${result.aggregateQueries} aggregate queries.`,
    ...result.metrics.filter((m) => m.error).map((m) => `  FAILED metric ${m.name} (${m.targets} targets): ${m.error}`),
    ...result.failures.slice(0, 20).map((f) => `  FAILED ${f.sobject} ${f.record}: ${f.errorCode} ${f.message}`),
    `API requests: ${result.apiRequests}${result.apiUsage ? ` (org usage ${result.apiUsage.used}/${result.apiUsage.limit} today)` : ''}.`,
  ];
  if (result.dryRun) {
    for (const change of result.changes.slice(0, 50)) {
      lines.push(
        `  ${change.sobject} ${change.id} ${change.field}: ${JSON.stringify(change.from)} -> ${JSON.stringify(change.to)}`,
      );
    }
    if (result.changes.length > 50)
      lines.push(`  ... and ${result.changes.length - 50} more changes (use --json for all).`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

program.action(async (options: RollupCliOptions) => {
  await runAction(options, () => rollup(options), printSummary);
});

void runProgram(program);
